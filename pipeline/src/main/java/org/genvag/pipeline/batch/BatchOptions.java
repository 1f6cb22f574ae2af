// SPDX-License-Identifier: Apache-2.0
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
 * else the bundled merged RefSeq exons); {@code reference}: a FASTA (with its .fai) of the samples' build: with the
 * GFF, each panel VCF gets VEP-compatible INFO/CSQ ({@code genvag csq}) and the report lists HGVS (null: neither).
 */
public record BatchOptions(List<Path> panels, long padding, Path kb, int threads, boolean force,
                           String genvagVersion, Path msiSites, Path msiBaseline, boolean allowUnresolved, Path gff,
                           TargetKind targets, Path reference) {
    /** Without consequences. */
    public BatchOptions(List<Path> panels, long padding, Path kb, int threads, boolean force, String genvagVersion,
                        Path msiSites, Path msiBaseline, boolean allowUnresolved, Path gff, TargetKind targets) {
        this(panels, padding, kb, threads, force, genvagVersion, msiSites, msiBaseline, allowUnresolved, gff, targets,
                null);
    }

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

    /** Options for these panel files (none: no panel filtering or coverage QC); see {@link Builder}. */
    public static Builder builder(List<Path> panels) {
        return new Builder(panels);
    }

    /**
     * Builds {@link BatchOptions}. Defaults: padding 0, the bundled knowledge base, 2 samples at once, finished
     * samples skipped, genvag's version "unknown" in the reports, no MSI, unresolved panel genes an error, the
     * default coverage targets.
     */
    public static final class Builder {
        private final List<Path> panels;
        private long padding;
        private Path kb;
        private int threads = 2;
        private boolean force;
        private String genvagVersion = "unknown";
        private Path msiSites;
        private Path msiBaseline;
        private boolean allowUnresolved;
        private Path gff;
        private TargetKind targets;
        private Path reference;

        private Builder(List<Path> panels) {
            this.panels = List.copyOf(panels);
        }

        public Builder padding(long padding) {
            this.padding = padding;
            return this;
        }

        /** A knowledge-base file instead of the bundled one. */
        public Builder knowledgeBase(Path kb) {
            this.kb = kb;
            return this;
        }

        /** Samples run at once (on genvag's own threads unless the run is given an executor). */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** Run samples again that an earlier run finished. */
        public Builder force(boolean force) {
            this.force = force;
            return this;
        }

        /** The version the reports name (the embedding system's, or genvag's). */
        public Builder genvagVersion(String version) {
            this.genvagVersion = version;
            return this;
        }

        /** MSI on tumours with a normal BAM, on these sites; with a baseline, also on tumours without one. */
        public Builder msi(Path sites, Path baseline) {
            this.msiSites = sites;
            this.msiBaseline = baseline;
            return this;
        }

        public Builder allowUnresolved(boolean allow) {
            this.allowUnresolved = allow;
            return this;
        }

        /** Coverage QC over the CDS or exons of each gene's reported transcript in this GFF3/GTF. */
        public Builder targets(TargetKind targets, Path gff) {
            this.targets = targets;
            this.gff = gff;
            return this;
        }

        /**
         * Consequences (INFO/CSQ, HGVS) of the panel variants on the transcripts of the GFF given to
         * {@link #targets}, checked against and spliced from this reference FASTA (with its .fai).
         */
        public Builder reference(Path fasta) {
            this.reference = fasta;
            return this;
        }

        public BatchOptions build() {
            return new BatchOptions(panels, padding, kb, threads, force, genvagVersion, msiSites, msiBaseline,
                    allowUnresolved, gff, targets, reference);
        }
    }

    public BatchOptions {
        panels = List.copyOf(panels);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1");
        }
        if (reference != null && gff == null) {
            throw new IllegalArgumentException("a reference FASTA for consequences needs the GFF of the transcripts");
        }
        if (msiBaseline != null && msiSites == null) {
            throw new IllegalArgumentException("an MSI baseline needs the site list it was built with");
        }
    }
}
