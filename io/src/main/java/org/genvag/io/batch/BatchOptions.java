package org.genvag.io.batch;

import java.nio.file.Path;
import java.util.List;

/**
 * Settings of a batch run: the panels (empty: no panel filtering or coverage QC), their padding, a knowledge-base
 * file (null: the bundled one), how many samples run at once, whether finished samples are run again, and the
 * microsatellite site list for MSI (null: no MSI; a tumour needs a BAM and a normal BAM for it).
 */
public record BatchOptions(List<Path> panels, long padding, Path kb, int threads, boolean force,
                           String genvagVersion, Path msiSites) {
    /** Without MSI: tumours with a normal BAM are not scored for MSI. */
    public BatchOptions(List<Path> panels, long padding, Path kb, int threads, boolean force, String genvagVersion) {
        this(panels, padding, kb, threads, force, genvagVersion, null);
    }

    public BatchOptions {
        panels = List.copyOf(panels);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1");
        }
    }
}
