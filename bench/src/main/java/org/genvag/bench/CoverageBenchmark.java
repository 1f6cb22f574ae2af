// SPDX-License-Identifier: Apache-2.0
package org.genvag.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.genvag.core.coverage.DepthStats;
import org.genvag.core.coverage.PanelDepth;
import org.genvag.core.genome.Gene;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.core.interval.ContigSegments;
import org.genvag.core.panel.GenePanel;
import org.genvag.core.panel.PanelGene;
import org.genvag.core.panel.PanelIntervals;
import org.genvag.core.panel.PanelResolver;
import org.genvag.core.panel.TargetPlan;
import org.genvag.core.transcript.Target;
import org.genvag.io.genes.GeneTableReader;
import org.genvag.io.panel.PanelReader;
import org.genvag.pipeline.coverage.PanelCoverage;
import org.genvag.testdata.BamGenerator;
import org.genvag.testdata.Contig;
import org.genvag.testdata.Region;
import org.genvag.testdata.SyntheticGenome;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import htsjdk.samtools.CigarElement;
import htsjdk.samtools.SAMRecord;
import htsjdk.samtools.SamReader;
import htsjdk.samtools.SamReaderFactory;

/**
 * Panel coverage of a 30x paired-end BAM (about 1.1 M reads over 5.5 Mb, panel of 40 regions; 350 or 220 bp
 * inserts), one operation per
 * whole file: genvag's PanelCoverage against htsjdk's SamReader + SAMRecord feeding the same core depth array and
 * statistics (the same computation; only the decoding differs; htsjdk's version skips the mate-overlap
 * bookkeeping, which only flatters it).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 2)
@Measurement(iterations = 4)
public class CoverageBenchmark {
    private static final int[] THRESHOLDS = {10, 20, 30, 50};

    @Param({"1", "2"})
    int threads;

    /**
     * spans: 40 regions of 20 kb; exons: 40 genes of 20 kb, each covered as 20 exon targets of 150 bp (a gene
     * label and a target label per exon: the lookup a coverage over CDS or exons does per read).
     */
    @Param({"spans", "exons"})
    String targets;

    /**
     * Mean insert of the 2x150 pairs: 350 (WGS-like: mates rarely overlap) or 220 (FFPE tumours, capture: most mates
     * overlap, and each overlapping pair waits for its mate).
     */
    @Param({"350", "220"})
    int insert;

    Path bam;
    PanelIntervals panel;

    @Setup
    public void setup() throws IOException {
        Path dir = BenchInputs.dir();
        bam = dir.resolve(insert == 350 ? "coverage-bench.bam" : "coverage-bench-" + insert + ".bam");
        List<Contig> contigs = Contig.parse("synthetic:3:3000000", false);
        if (!Files.exists(bam)) {
            BamGenerator.Options o = BamGenerator.Options.defaults().withSeed(21);
            new BamGenerator(new SyntheticGenome(21), contigs, insert == 350 ? o : o.withInsert(insert, 30))
                    .write(List.of(new Region(0, 0, 2_500_000), new Region(1, 0, 2_000_000),
                            new Region(2, 1_000_000, 2_000_000)), bam);
        }
        StringBuilder bed = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            long start = 50_000L * i;
            bed.append("syn").append(1 + i % 3).append('\t').append(start).append('\t').append(start + 20_000)
                    .append("\tR").append(i).append('\n');
        }
        Path bedFile = dir.resolve("coverage-bench.bed");
        Files.writeString(bedFile, bed);
        if (targets.equals("spans")) {
            panel = PanelIntervals.of(List.of(PanelResolver.resolve(PanelReader.read(bedFile),
                    GeneTableReader.bundled(GenomeBuild.GRCH38), true)), 0);
            return;
        }
        List<PanelGene> genes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long start = 50_000L * i;
            genes.add(new PanelGene("G" + i, new Gene("syn" + (1 + i % 3), (int) start + 1, (int) start + 20_000, '+',
                    "G" + i, "ENSG" + i, List.of(), List.of()), null, null, "symbol"));
        }
        TargetPlan exons = new TargetPlan() {
            @Override
            public List<Target> targets(PanelGene g) {
                List<Target> out = new ArrayList<>();
                for (int e = 0; e < 20; e++) {
                    long s = g.gene().start() - 1L + 1_000L * e;
                    out.add(new Target(g.gene().contig(), s, s + 150, g.gene().symbol(), "T", e + 1));
                }
                return out;
            }

            @Override
            public String describe() {
                return "exons";
            }
        };
        panel = PanelIntervals.of(List.of(new GenePanel("exons", null, GenomeBuild.GRCH38, genes, List.of(),
                List.of())), 0, exons, true);
    }

    @Benchmark
    public long genvag() throws IOException {
        PanelCoverage.Result r = PanelCoverage.run(bam.toString(), panel,
                new PanelCoverage.Options(1796, 0, THRESHOLDS, 20, 20, 0.95, threads));
        return r.readsCounted();
    }

    /** htsjdk decodes; genvag's core counts depth and statistics, as genvag does. */
    @Benchmark
    public long htsjdkSameComputation() throws IOException {
        PanelDepth depth = new PanelDepth();
        DepthStats stats = new DepthStats(THRESHOLDS);
        long counted = 0;
        String current = null;
        try (SamReader reader = SamReaderFactory.makeDefault().open(bam)) {
            for (SAMRecord rec : reader) {
                if ((rec.getFlags() & 1796) != 0 || rec.getReadUnmappedFlag()) {
                    continue;
                }
                if (!rec.getContig().equals(current)) {
                    finish(depth, stats);
                    current = rec.getContig();
                    depth.reset(panel.index().contig(current));
                }
                if (depth.segments() == null) {
                    continue;
                }
                counted++;
                long p = rec.getAlignmentStart() - 1L;
                depth.startRead(p);
                long blockStart = -1;
                for (CigarElement e : rec.getCigar()) {
                    switch (e.getOperator()) {
                        case M, EQ, X -> {
                            if (blockStart < 0) {
                                blockStart = p;
                            }
                            p += e.getLength();
                        }
                        case D, N -> {
                            if (blockStart >= 0) {
                                depth.addBlock(blockStart, p, 1);
                                blockStart = -1;
                            }
                            p += e.getLength();
                        }
                        default -> { }
                    }
                }
                if (blockStart >= 0) {
                    depth.addBlock(blockStart, p, 1);
                }
            }
        }
        finish(depth, stats);
        return counted + stats.bases();
    }

    private static void finish(PanelDepth depth, DepthStats stats) {
        ContigSegments s = depth.segments();
        if (s == null) {
            return;
        }
        depth.finish();
        for (int i = 0; i < s.size(); i++) {
            stats.add(depth.depths(), depth.offset(i), depth.offset(i) + (int) (s.end(i) - s.start(i)));
        }
    }
}
