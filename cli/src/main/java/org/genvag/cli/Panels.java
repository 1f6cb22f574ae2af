// SPDX-License-Identifier: Apache-2.0
package org.genvag.cli;

import java.nio.file.Path;
import java.util.List;

import org.genvag.core.error.InputException;

import picocli.CommandLine.Option;

/** The panels a command works on and the padding around their genes and regions, said the same way everywhere. */
final class Panels {
    @Option(names = "--panel", required = true, paramLabel = "PANEL", description = "panel file (repeatable): gene "
            + "list, TSV with a gene column, BED, or PanelApp JSON")
    List<Path> files;

    @Option(names = "--padding", defaultValue = "0", description = "bases added each side of every gene and region "
            + "(default: ${DEFAULT-VALUE})")
    long padding;

    @Option(names = "--allow-unresolved", description = "report panel genes that do not resolve (unknown, or "
            + "ambiguous between genes) as warnings and go on without them; by default they are an error (exit 2)")
    boolean allowUnresolved;

    /** Kept so that scripts written when unresolved genes were warnings by default still run: it is the default. */
    @Option(names = "--strict", hidden = true)
    boolean strictAlias;

    /** Whether an unresolved panel gene is an error: always, unless --allow-unresolved. */
    boolean strict() {
        if (allowUnresolved && strictAlias) {
            throw new InputException("--strict and --allow-unresolved contradict each other: give one");
        }
        return !allowUnresolved;
    }

    long padding() {
        if (padding < 0) {
            throw new InputException("--padding must be >= 0, got " + padding);
        }
        return padding;
    }
}
