package org.genvag.pipeline.batch;

import java.nio.file.Path;
import java.util.List;

import org.genvag.core.transcript.TargetKind;

/**
 * Settings of a batch run: the panels (empty: no panel filtering or coverage QC), their padding, a knowledge-base
 * file (null: the bundled one), how many samples run at once, whether finished samples are run again, and the
 * microsatellite site list for MSI (null: no MSI; a tumour needs a BAM and a normal BAM for it) and a baseline of
 * pooled normals built with those sites (null: none), against which tumours without a normal BAM are scored;
 * {@code allowUnresolved}: a panel gene that does not resolve is a warning instead of an error that stops the run;
 * {@code gff} and {@code targets}: what coverage QC covers (see {@code CoverageJob.Request}; null: CDS with a GFF,
 * else the bundled merged RefSeq exons).
 */
public record BatchOptions(List<Path> panels, long padding, Path kb, int threads, boolean force,
                           String genvagVersion, Path msiSites, Path msiBaseline, boolean allowUnresolved, Path gff,
                           TargetKind targets) {
    /** Coverage on the default targets: the bundled merged RefSeq exons. */
    public BatchOptions(List<Path> panels, long padding, Path kb, int threads, boolean force, String genvagVersion,
                        Path msiSites, Path msiBaseline, boolean allowUnresolved) {
        this(panels, padding, kb, threads, force, genvagVersion, msiSites, msiBaseline, allowUnresolved, null, null);
    }

    /** Without MSI: tumours with a normal BAM are not scored for MSI. */
    public BatchOptions(List<Path> panels, long padding, Path kb, int threads, boolean force, String genvagVersion) {
        this(panels, padding, kb, threads, force, genvagVersion, null, null, false, null, null);
    }

    /** MSI against matched normals only. */
    public BatchOptions(List<Path> panels, long padding, Path kb, int threads, boolean force, String genvagVersion,
                        Path msiSites) {
        this(panels, padding, kb, threads, force, genvagVersion, msiSites, null, false, null, null);
    }

    /** Unresolved panel genes are an error. */
    public BatchOptions(List<Path> panels, long padding, Path kb, int threads, boolean force, String genvagVersion,
                        Path msiSites, Path msiBaseline) {
        this(panels, padding, kb, threads, force, genvagVersion, msiSites, msiBaseline, false, null, null);
    }

    public BatchOptions {
        panels = List.copyOf(panels);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1");
        }
        if (msiBaseline != null && msiSites == null) {
            throw new IllegalArgumentException("an MSI baseline needs the site list it was built with");
        }
    }
}
