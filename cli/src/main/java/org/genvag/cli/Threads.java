// SPDX-License-Identifier: Apache-2.0
package org.genvag.cli;

import org.genvag.core.error.InputException;

import picocli.CommandLine.Option;

/**
 * The --threads option: worker threads for BGZF and for the command's own parallel work (csq's annotating, a batch's
 * samples); default all cores.
 */
final class Threads {
    @Option(names = "--threads", paramLabel = "N", description = "threads for BGZF (de)compression and the "
            + "work that runs in parallel (default: all cores)")
    Integer threads;

    int count() {
        if (threads != null && threads < 1) {
            throw new InputException("--threads must be at least 1, got " + threads);
        }
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }
}
