// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.panel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.genvag.core.error.InputException;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.core.panel.GenePanel;
import org.genvag.core.panel.PanelIntervals;
import org.genvag.core.transcript.TargetKind;
import org.genvag.core.transcript.TranscriptModels;
import org.genvag.io.ReadMode;
import org.genvag.io.panel.BuildDetector;
import org.genvag.io.panel.PanelReadPlan;
import org.genvag.io.panel.PanelReader;
import org.genvag.io.store.StoreQuery;
import org.genvag.io.store.StoreReader;
import org.genvag.io.variants.VariantSources;
import org.genvag.io.vcf.VcfHeader;
import org.genvag.io.vcf.VcfOutputType;
import org.genvag.io.vcf.VcfReader;
import org.genvag.io.vcf.VcfRecord;
import org.genvag.io.vcf.VcfWriter;

/**
 * Filters a VCF to one or more panels, end to end: checks the genome build against the VCF header, resolves the
 * panels, chooses streaming or index jumping, and writes the kept records byte-identical plus INFO GENVAG_GENES and
 * GENVAG_PANELS. What {@code genvag filter} runs; a lab system calls it directly.
 *
 * <p>Reads the VCF (plain, gzip, BGZF with its {@code .tbi}/{@code .csi} when index jumping pays, or a variant store;
 * "-" for standard input) and the panel files; writes the output whole or not at all (with {@code .tbi} beside a
 * {@code .vcf.gz}). Throws {@link InputException} for anything wrong with the inputs (naming file and line or byte
 * offset), {@link IOException} when the environment fails. Thread-safe: it holds no state between calls, so runs on
 * different outputs may go in parallel; each run starts and stops its own decompression threads.
 */
public final class PanelFiltering {
    private static final byte[] GENES_KEY = "GENVAG_GENES".getBytes(StandardCharsets.US_ASCII);

    /**
     * @param build   null: take it from the VCF header (an error when the header does not tell)
     * @param threads decompression threads for streaming
     * @param index   write a tabix index beside a .vcf.gz output
     * @param gff     transcript annotation for cds or exon targets, or null
     * @param targets what of each gene a record must overlap: its whole span (GENE, the default), the CDS or exons
     *                of its reported transcript (each padded); null: CDS with a GFF, else bundled RefSeq exons
     */
    public record Options(List<Path> panels, GenomeBuild build, long padding, boolean strict, ReadMode mode,
                          int threads, boolean index, Path gff, TargetKind targets) {
        public Options {
            panels = List.copyOf(panels);
            if (padding < 0) {
                throw new InputException("padding must be >= 0, got " + padding);
            }
            if (threads < 1) {
                throw new InputException("threads must be at least 1, got " + threads);
            }
        }

        /** Whole gene spans. */
        public Options(List<Path> panels, GenomeBuild build, long padding, boolean strict, ReadMode mode, int threads,
                       boolean index) {
            this(panels, build, padding, strict, mode, threads, index, null, TargetKind.GENE);
        }

        /**
         * Options for these panel files, with the defaults of {@code genvag filter}: build from the VCF header, no
         * padding, unresolved genes an error... see {@link Builder}.
         */
        public static Builder builder(List<Path> panels) {
            return new Builder(panels);
        }
    }

    /**
     * Builds {@link Options}. Defaults: the build from the VCF header, padding 0, unresolved panel genes an error,
     * {@link ReadMode#AUTO}, 2 threads, a tabix index beside a {@code .vcf.gz} output, whole gene spans.
     */
    public static final class Builder {
        private final List<Path> panels;
        private GenomeBuild build;
        private long padding;
        private boolean allowUnresolved;
        private ReadMode mode = ReadMode.AUTO;
        private int threads = 2;
        private boolean index = true;
        private Path gff;
        private TargetKind targets = TargetKind.GENE;

        private Builder(List<Path> panels) {
            this.panels = List.copyOf(panels);
        }

        /** The genome build, instead of the VCF header's. */
        public Builder genomeBuild(GenomeBuild build) {
            this.build = build;
            return this;
        }

        /** Bases added to both sides of every target. */
        public Builder padding(long padding) {
            this.padding = padding;
            return this;
        }

        /** A panel gene that does not resolve is a warning, not an error. */
        public Builder allowUnresolved(boolean allow) {
            this.allowUnresolved = allow;
            return this;
        }

        public Builder mode(ReadMode mode) {
            this.mode = mode;
            return this;
        }

        /** Decompression threads. */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** Whether a {@code .vcf.gz} output gets a tabix index beside it. */
        public Builder index(boolean index) {
            this.index = index;
            return this;
        }

        /** Records must overlap the CDS or exons of each gene's reported transcript in this GFF3/GTF. */
        public Builder targets(TargetKind targets, Path gff) {
            this.targets = targets;
            this.gff = gff;
            return this;
        }

        public Options build() {
            return new Options(panels, build, padding, !allowUnresolved, mode, threads, index, gff, targets);
        }
    }

    /** What a run did, for summaries and reports. {@code perLabel[i]} counts records hitting label i. */
    public record Result(String source, GenomeBuild build, String buildEvidence, List<GenePanel> panels,
                         PanelIntervals intervals, long recordsRead, long recordsKept, long[] perLabel,
                         List<String> renamedContigs, long unsortedLookups, String readPlan) {
    }

    private PanelFiltering() {
    }

    /**
     * Filters a VCF a lab system holds as a stream (object storage, memory): read once, streamed (no index), the
     * build from its header unless given; the kept records go to {@code out} as plain VCF, or BGZF with
     * {@code type} {@code z}. {@code out} is flushed, not closed. Errors name {@code source}.
     */
    public static Result run(InputStream in, String source, OutputStream out, VcfOutputType type, Options o)
            throws IOException {
        try (VcfReader reader = VcfReader.open(in, source, o.threads());
             VcfWriter writer = VcfWriter.to(out, type, o.threads())) {
            TranscriptModels annotation = TargetPlans.read(o.gff());
            Setup setup = Setup.of(reader, o, resolvedPerRun(o, annotation), annotation);
            return filter(reader, writer, o, setup, "streamed from " + source);
        }
    }

    /** The panels read and resolved by this run, on the build it settles on. */
    public static Panels resolvedPerRun(Options o, TranscriptModels annotation) {
        return build -> PanelReader.resolveAll(o.panels(), build, PanelBuild.genes(build, annotation), o.strict());
    }

    /**
     * What a run filters by: the build (given, else told by the header), the panels on it, their intervals. A job that
     * reads the records its own way (Spark's) decides these as filter does, with {@link #of(VcfHeader, String,
     * Options, Panels, TranscriptModels)}.
     */
    public record Setup(Optional<BuildDetector.Detected> detected, GenomeBuild build, List<GenePanel> panels,
                        PanelIntervals intervals) {
        static Setup of(VcfReader reader, Options o, Panels resolved, TranscriptModels annotation)
                throws IOException {
            return of(reader.header(), reader.source(), o, resolved, annotation);
        }

        public static Setup of(VcfHeader header, String source, Options o, Panels resolved,
                TranscriptModels annotation) throws IOException {
            Optional<BuildDetector.Detected> detected = BuildDetector.detect(header);
            GenomeBuild build = PanelBuild.choose(o.build(), detected, o.panels(), source, annotation != null);
            List<GenePanel> panels = resolved.on(build);
            return new Setup(detected, build, panels, PanelIntervals.of(panels, o.padding(),
                    TargetPlans.choose(annotation, o.targets(), build), false));
        }
    }

    /** Writes the header and the kept records, commits the output, and says what was done. */
    private static Result filter(VcfReader reader, VcfWriter writer, Options o, Setup setup, String readPlan)
            throws IOException {
        GenomeBuild build = setup.build();
        List<GenePanel> panels = setup.panels();
        PanelIntervals intervals = setup.intervals();
        PanelVcfFilter filter = new PanelVcfFilter(intervals, reader.contigs(), reader.source());
        List<String> names = new ArrayList<>();
        panels.forEach(p -> names.add(safe(p.name())));
        writer.writeHeader(reader.header().linesWith(List.of(
                "##INFO=<ID=GENVAG_GENES,Number=.,Type=String,Description=\"Panel genes or regions whose "
                        + "span (padding " + o.padding() + ") overlaps the record's REF (genvag filter)\">",
                "##INFO=<ID=GENVAG_PANELS,Number=.,Type=String,Description=\"Panels hit (genvag filter)\">",
                "##genvag_filter=<panels=\"" + String.join(",", names) + "\",build=" + PanelBuild.name(build)
                        + ",padding=" + o.padding() + ">")));
        VcfRecord r = new VcfRecord();
        while (reader.next(r)) {
            if (filter.test(r)) {
                writer.write(r, GENES_KEY, annotation(filter, intervals));
            }
        }
        writer.commit();
        long[] perLabel = new long[intervals.labelCount()];
        for (int i = 0; i < perLabel.length; i++) {
            perLabel[i] = filter.hits(i);
        }
        String buildEvidence = setup.detected().map(BuildDetector.Detected::evidence).orElse("given");
        return new Result(reader.source(), build, buildEvidence, panels, intervals, filter.recordsRead(),
                filter.recordsKept(), perLabel, filter.renamedContigs(), filter.repositions(), readPlan);
    }

    /** The panels resolved on a build: by default read and resolved per run; a batch resolves them once. */
    @FunctionalInterface
    public interface Panels {
        List<GenePanel> on(GenomeBuild build) throws IOException;
    }

    public static Result run(String in, String out, Options o) throws IOException {
        return run(in, out, null, o);
    }

    /**
     * As {@link #run(String, String, Options)}, writing {@code out} as {@code type} (bcftools' {@code -O}: plain or
     * BGZF on standard output; a file's name must agree); null: by the name.
     */
    public static Result run(String in, String out, VcfOutputType type, Options o) throws IOException {
        TranscriptModels annotation = TargetPlans.read(o.gff());
        return run(in, out, type, o, resolvedPerRun(o, annotation), annotation);
    }

    /** As {@link #run(String, String, Options)}, with the panels given resolved (their padding from {@code o}). */
    public static Result run(String in, String out, Options o, Panels resolved) throws IOException {
        return run(in, out, null, o, resolved, TargetPlans.read(o.gff()));
    }

    private static Result run(String in, String out, VcfOutputType type, Options o, Panels resolved,
                              TranscriptModels annotation) throws IOException {
        // When the index may be used, read the header on one thread: a parallel reader would start inflating the
        // whole file ahead of a decision that may skip 98% of it.
        boolean mayIndex = o.mode() != ReadMode.STREAM && !in.equals("-")
                && Files.isRegularFile(Path.of(in + ".tbi"));
        try (VcfReader streamed = VariantSources.open(in, mayIndex ? 1 : o.threads())) {
            Setup setup = Setup.of(streamed, o, resolved, annotation);
            PanelIntervals intervals = setup.intervals();
            boolean store = !in.equals("-") && StoreReader.isStore(Path.of(in));
            PanelReadPlan plan = store ? null : PanelReadPlan.choose(in, streamed.header(), intervals, o.mode());
            StoreQuery query = store ? new StoreQuery(intervals.index()) : null;
            VcfReader reader = store ? new VcfReader(StoreReader.open(Path.of(in)).source(query), in)
                    : plan.indexed() ? plan.openIndexed(in, streamed)
                    : mayIndex ? VariantSources.open(in, o.threads()) : streamed;
            try (VcfWriter writer = VcfWriter.open(out, o.index(), reader.contigs().names(), type, o.threads())) {
                return filter(reader, writer, o, setup, store ? query.summary() : plan.reason());
            } finally {
                if (reader != streamed) {
                    reader.close();
                }
            }
        }
    }

    /** GENVAG_GENES value, then ";GENVAG_PANELS=..." so one INFO insertion carries both tags. */
    private static byte[] annotation(PanelVcfFilter filter, PanelIntervals intervals) {
        StringBuilder panelsHit = new StringBuilder();
        boolean[] seen = new boolean[intervals.panels().size()];
        for (int h = 0; h < filter.hitCount(); h++) {
            int p = intervals.panelOf(filter.hitLabel(h));
            if (!seen[p]) {
                seen[p] = true;
                panelsHit.append(panelsHit.length() > 0 ? "," : "").append(safe(intervals.panels().get(p).name()));
            }
        }
        byte[] genes = filter.genesValue();
        byte[] tail = (";GENVAG_PANELS=" + panelsHit).getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(genes, genes.length + tail.length);
        System.arraycopy(tail, 0, out, genes.length, tail.length);
        return out;
    }

    /** INFO values may not contain ';', '=', ',' or white space. */
    private static String safe(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c == ';' || c == '=' || c == ',' || Character.isWhitespace(c) ? '_' : c);
        }
        return b.toString();
    }
}
