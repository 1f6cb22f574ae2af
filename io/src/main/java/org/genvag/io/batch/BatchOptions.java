package org.genvag.io.batch;

import java.nio.file.Path;
import java.util.List;

/**
 * Settings of a batch run: the panels (empty: no panel filtering or coverage QC), their padding, a knowledge-base
 * file (null: the bundled one), how many samples run at once, and whether finished samples are run again.
 */
public record BatchOptions(List<Path> panels, long padding, Path kb, int threads, boolean force,
                           String genvagVersion) {
    public BatchOptions {
        panels = List.copyOf(panels);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1");
        }
    }
}
