// SPDX-License-Identifier: Apache-2.0
package org.genvag.cli;

import org.genvag.core.genome.GenomeBuild;

import picocli.CommandLine.Option;

/** The genome build of inputs whose headers may say it themselves: given, it must agree with them. */
final class InputBuild {
    @Option(names = "--build", description = "GRCh37 or GRCh38; must agree with the inputs' headers when they tell")
    String build;

    /** The build given, or null to take it from the headers. */
    GenomeBuild orFromHeaders() {
        return build == null ? null : GenomeBuild.parse(build);
    }
}
