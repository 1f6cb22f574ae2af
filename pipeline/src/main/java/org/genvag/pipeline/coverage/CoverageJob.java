// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.coverage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.genvag.core.error.InputException;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.core.panel.GenePanel;
import org.genvag.core.panel.PanelIntervals;
import org.genvag.core.panel.TargetPlan;
import org.genvag.core.transcript.TargetKind;
import org.genvag.core.transcript.TranscriptModels;
import org.genvag.io.ReadMode;
import org.genvag.io.bam.BamReadPlan;
import org.genvag.io.bam.BamReader;
import org.genvag.io.bam.BamRecord;
import org.genvag.io.bam.CramSource;
import org.genvag.io.panel.BuildDetector;
import org.genvag.io.panel.PanelReader;
import org.genvag.pipeline.panel.PanelBuild;
import org.genvag.pipeline.panel.TargetPlans;

/**
 * Panel coverage of one BAM or CRAM, end to end: reads the header (on one thread when the index may be used),
 * checks the genome build, resolves the panels, chooses streaming or index jumping, and computes coverage. What
 * {@code genvag coverage} runs; a lab system calls it directly, as {@code PanelFiltering} for VCFs.
 *
 * <p>Reads a coordinate-sorted BAM (its {@code .bai}/{@code .csi} when index jumping pays) or a CRAM with its
 * reference, the panel files and an optional GFF; returns the result, which {@code CoverageReports} writes. Throws
 * {@link InputException} for anything wrong with the inputs, {@link IOException} when the environment fails.
 * Thread-safe: no state between calls; each run starts and stops its own decompression threads.
 */
public final class CoverageJob {

    /**
     * @param reference reference FASTA for CRAM, else null
     * @param build     null: from the header's chromosome 1; when it does not tell, an error unless every panel is
     *                  BED regions, which need no build (the outcome's build is then null)
     * @param gff       a GFF3/GTF annotation whose transcripts give the genes' targets, or null
     * @param targets   what of each gene is covered: CDS or exons of its reported transcript, or the whole span;
     *                  null: CDS with a GFF, the bundled merged RefSeq exons without one
     */
    public record Request(String bam, Path reference, List<Path> panels, GenomeBuild build, long padding,
                          boolean strict, ReadMode mode, PanelCoverage.Options options, Path gff,
                          TargetKind targets) {
        public Request {
            panels = List.copyOf(panels);
            if (padding < 0) {
                throw new InputException("--padding must be >= 0, got " + padding);
            }
        }

        /** Whole gene spans, as before targets existed. */
        public Request(String bam, Path reference, List<Path> panels, GenomeBuild build, long padding, boolean strict,
                       ReadMode mode, PanelCoverage.Options options) {
            this(bam, reference, panels, build, padding, strict, mode, options, null, TargetKind.GENE);
        }

        /** A request for this BAM or CRAM (path or "-") and these panel files; see {@link Builder}. */
        public static Builder builder(String bam, List<Path> panels) {
            return new Builder(bam, panels);
        }
    }

    /**
     * Builds a {@link Request}. Defaults: the build from the BAM header, padding 0, unresolved panel genes an error,
     * {@link ReadMode#AUTO}, {@link PanelCoverage.Options#defaults} on 2 threads, and the default targets (CDS with a
     * GFF, else the bundled merged RefSeq exons).
     */
    public static final class Builder {
        private final String bam;
        private final List<Path> panels;
        private Path reference;
        private GenomeBuild build;
        private long padding;
        private boolean allowUnresolved;
        private ReadMode mode = ReadMode.AUTO;
        private PanelCoverage.Options options = PanelCoverage.Options.defaults(2);
        private Path gff;
        private TargetKind targets;

        private Builder(String bam, List<Path> panels) {
            this.bam = bam;
            this.panels = List.copyOf(panels);
        }

        /** The reference FASTA a CRAM needs. */
        public Builder reference(Path reference) {
            this.reference = reference;
            return this;
        }

        public Builder genomeBuild(GenomeBuild build) {
            this.build = build;
            return this;
        }

        public Builder padding(long padding) {
            this.padding = padding;
            return this;
        }

        public Builder allowUnresolved(boolean allow) {
            this.allowUnresolved = allow;
            return this;
        }

        public Builder mode(ReadMode mode) {
            this.mode = mode;
            return this;
        }

        /** Read filters, depth thresholds, the QC rule and threads. */
        public Builder options(PanelCoverage.Options options) {
            this.options = options;
            return this;
        }

        /** Cover the CDS or exons of each gene's reported transcript in this GFF3/GTF (null: the default). */
        public Builder targets(TargetKind targets, Path gff) {
            this.targets = targets;
            this.gff = gff;
            return this;
        }

        public Request build() {
            return new Request(bam, reference, panels, build, padding, !allowUnresolved, mode, options, gff, targets);
        }
    }

    /** @param targetWarnings panel genes not covered as asked (see {@link TargetPlan#warnings()}) */
    public record Outcome(GenomeBuild build, List<GenePanel> panels, PanelCoverage.Result result, String readPlan,
                          List<String> targetWarnings) {
    }

    private CoverageJob() {
    }

    public static Outcome run(Request q) throws IOException {
        return run(q, null);
    }

    /**
     * The same, with more work per record in the same pass: {@code also} is given the BAM's reference names and
     * returns what each record is handed to (MSI counting), so the BAM is decoded once for both.
     */
    public static Outcome run(Request q, Function<List<String>,
            Consumer<BamRecord>> also) throws IOException {
        String bam = q.bam();
        boolean cram = !bam.equals("-") && Files.isRegularFile(Path.of(bam)) && CramSource.isCram(Path.of(bam));
        if (cram && q.mode() == ReadMode.INDEX) {
            throw new InputException(bam + ": --mode index is for BAM; CRAM is read through htsjdk, streaming");
        }
        // The header is read on one thread when the index may be used: a parallel reader would start inflating the
        // whole file before the decision.
        boolean mayIndex = q.mode() != ReadMode.STREAM && !bam.equals("-") && !cram;
        int threads = q.options().threads();
        try (BamReader reader = cram ? new BamReader(new CramSource(Path.of(bam), q.reference()), bam)
                : BamReader.open(bam, mayIndex ? 1 : threads)) {
            Optional<BuildDetector.Detected> detected = BuildDetector.detect(reader.header());
            TranscriptModels annotation = TargetPlans.read(q.gff());
            GenomeBuild build = PanelBuild.choose(q.build(), detected, q.panels(), bam, annotation != null);
            List<GenePanel> panels = PanelReader.resolveAll(q.panels(), build, PanelBuild.genes(build, annotation),
                    q.strict());
            TargetPlan plan = TargetPlans.choose(annotation, q.targets(), build);
            PanelIntervals intervals = PanelIntervals.of(panels, q.padding(), plan, true);
            BamReadPlan readPlan = BamReadPlan.choose(bam, reader.header(), intervals, cram ? ReadMode.STREAM : q.mode());
            Consumer<BamRecord> each = also == null ? null
                    : also.apply(reader.header().names());
            PanelCoverage.Result result;
            if (readPlan.indexed()) {
                try (BamReader chunks = readPlan.open(bam, reader.header())) {
                    result = PanelCoverage.run(chunks, intervals, q.options(), each);
                }
            } else if (mayIndex) {
                try (BamReader all = BamReader.open(bam, threads)) {
                    result = PanelCoverage.run(all, intervals, q.options(), each);
                }
            } else {
                result = PanelCoverage.run(reader, intervals, q.options(), each);
            }
            return new Outcome(build, panels, result, readPlan.reason(), plan.warnings());
        }
    }
}
