// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.genvag.core.genome.GenomeBuild;
import org.genvag.core.panel.GenePanel;
import org.genvag.core.panel.PanelIntervals;
import org.genvag.core.panel.PanelResolver;
import org.genvag.io.ReadMode;
import org.genvag.io.genes.GeneTableReader;
import org.genvag.io.panel.PanelReader;
import org.genvag.pipeline.coverage.PanelCoverage;
import org.genvag.testdata.BamGenerator;
import org.genvag.testdata.Contig;
import org.genvag.testdata.FastaGenerator;
import org.genvag.testdata.Region;
import org.genvag.testdata.SyntheticGenome;
import org.genvag.testsupport.Fixtures;
import org.genvag.testsupport.PeerTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Panel coverage equals mosdepth's (`--by`, `--thresholds`, same flag mask and MAPQ) region by region, on real BAMs
 * (paired-end, RNA-seq with splices) and on a synthetic 30x BAM with duplicates, clips, indels, low MAPQ, secondary
 * and QC-failed reads; per-base depth equals `samtools depth -a` where no mates overlap.
 */
class CoverageCrossCheckTest {
    private static final int[] THRESHOLDS = {1, 5, 10, 20, 30};

    static PanelIntervals bedPanel(Path bed) throws IOException {
        GenePanel p = PanelResolver.resolve(PanelReader.read(bed), GeneTableReader.bundled(GenomeBuild.GRCH38), true);
        return PanelIntervals.of(List.of(p), 0);
    }

    static Map<String, String[]> gunzipRows(Path p) throws IOException {
        Map<String, String[]> rows = new HashMap<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                rows.put(f[0] + ":" + f[1] + "-" + f[2], f);
            }
        }
        return rows;
    }

    static void assertMatchesMosdepth(Path bam, Path panelBed, int flag, int mapq, Path dir) throws IOException {
        PeerTool mosdepth = PeerTool.require("mosdepth");
        PanelCoverage.Result r = PanelCoverage.run(bam.toString(), bedPanel(panelBed),
                new PanelCoverage.Options(flag, mapq, THRESHOLDS, 20, 20, 0.95, 2));
        Path regions = dir.resolve("regions.bed");
        StringBuilder sb = new StringBuilder();
        for (PanelCoverage.Region g : r.regions()) {
            sb.append(g.contig()).append('\t').append(g.start()).append('\t').append(g.end()).append('\n');
        }
        Files.writeString(regions, sb);
        String prefix = dir.resolve("md").toString();
        mosdepth.run("-n", "--by", regions.toString(), "--thresholds", "1,5,10,20,30", "-F", String.valueOf(flag),
                "-Q", String.valueOf(mapq), prefix, bam.toString());
        Map<String, String[]> means = gunzipRows(Path.of(prefix + ".regions.bed.gz"));
        Map<String, String[]> counts = gunzipRows(Path.of(prefix + ".thresholds.bed.gz"));
        assertEquals(r.regions().size(), means.size());
        int covered = 0;
        for (PanelCoverage.Region g : r.regions()) {
            String key = g.contig() + ":" + g.start() + "-" + g.end();
            assertEquals(means.get(key)[3], String.format(Locale.ROOT, "%.2f", g.stats().mean()), "mean of " + key);
            for (int t = 0; t < THRESHOLDS.length; t++) {
                assertEquals(Long.parseLong(counts.get(key)[4 + t]), g.stats().basesAtLeast(t),
                        "bases >= " + THRESHOLDS[t] + "x in " + key);
            }
            covered += g.stats().mean() > 0 ? 1 : 0;
        }
        assertTrue(covered > 0, "some region must have reads");
    }

    static Path indexedCopy(String fixture, Path dir) throws IOException {
        Path bam = dir.resolve(Path.of(fixture).getFileName());
        Files.copy(Fixtures.path(fixture), bam);
        PeerTool.require("samtools").run("index", bam.toString());
        return bam;
    }

    @Test
    void realPairedEndBam(@TempDir Path dir) throws IOException {
        Path bam = indexedCopy("bam/rsamtools-ex1.bam", dir);
        Path bed = dir.resolve("p.bed");
        Files.writeString(bed, "seq1\t0\t200\tA\nseq1\t150\t900\tB\nseq1\t1000\t1001\tC\nseq1\t1500\t1575\tD\n"
                + "seq2\t0\t1584\tE\n");
        assertMatchesMosdepth(bam, bed, 1796, 0, dir);
        assertMatchesMosdepth(bam, bed, 1796 | 0x2, 30, Files.createDirectories(dir.resolve("q30")));
    }

    @Test
    void realSplicedRnaSeqBam(@TempDir Path dir) throws IOException {
        Path bam = indexedCopy("bam/genomicalignments-sm_treated1.bam", dir);
        // Tiles over where the reads are, found with samtools, plus a tile with no reads.
        String positions = PeerTool.require("samtools").runText("view", bam.toString());
        StringBuilder bed = new StringBuilder();
        int n = 0;
        for (String line : positions.split("\n")) {
            String[] f = line.split("\t");
            if (n++ % 60 == 0) {
                long p = Long.parseLong(f[3]);
                bed.append(f[2]).append('\t').append(Math.max(0, p - 500)).append('\t').append(p + 3000)
                        .append("\tT").append(n).append('\n');
            }
        }
        bed.append("chr2R\t20000000\t20001000\tEMPTY\n");
        Path bedFile = dir.resolve("tiles.bed");
        Files.writeString(bedFile, bed);
        assertMatchesMosdepth(bam, bedFile, 1796, 0, dir);
    }

    @Test
    void syntheticBamWithEveryKindOfRead(@TempDir Path dir) throws IOException {
        List<Contig> contigs = Contig.parse("synthetic:2:400000", false);
        Path bam = dir.resolve("s.bam");
        new BamGenerator(new SyntheticGenome(3), contigs, BamGenerator.Options.defaults().withDepth(30).withSeed(3))
                .write(List.of(new Region(0, 10_000, 60_000), new Region(0, 100_000, 104_000),
                        new Region(1, 0, 30_000)), bam);
        Path bed = dir.resolve("p.bed");
        Files.writeString(bed, "syn1\t9000\t20000\tG1\nsyn1\t19000\t61000\tG2\nsyn1\t99000\t105000\tG3\n"
                + "syn1\t300000\t301000\tOUTSIDE\nsyn2\t0\t31000\tG4\n");
        assertMatchesMosdepth(bam, bed, 1796, 0, dir);
        assertMatchesMosdepth(bam, bed, 1796, 20, Files.createDirectories(dir.resolve("q20")));
    }

    /**
     * 2x150 reads on ~220 bp inserts (FFPE tumours, capture libraries): most mates overlap, each overlap counted once
     * as mosdepth counts it.
     */
    @Test
    void shortInsertPairsMostOfWhichOverlap(@TempDir Path dir) throws IOException {
        List<Contig> contigs = Contig.parse("synthetic:1:300000", false);
        Path bam = dir.resolve("short.bam");
        new BamGenerator(new SyntheticGenome(4), contigs, BamGenerator.Options.defaults().withDepth(40)
                .withInsert(220, 30).withSeed(4)).write(List.of(new Region(0, 20_000, 120_000)), bam);
        Path bed = dir.resolve("p.bed");
        Files.writeString(bed, "syn1\t19000\t50000\tG1\nsyn1\t49000\t121000\tG2\nsyn1\t200000\t201000\tOUT\n");
        assertMatchesMosdepth(bam, bed, 1796, 0, dir);
        PanelCoverage.Result r = PanelCoverage.run(bam.toString(), bedPanel(bed),
                new PanelCoverage.Options(1796, 0, THRESHOLDS, 20, 20, 0.95, 1));
        assertTrue(r.overlapsCorrected() > 0.3 * r.readsCounted(),
                r.overlapsCorrected() + " overlaps among " + r.readsCounted() + " reads");
    }

    /** genvag's per-base depth over [0, length) of a contig: one-base regions, even bases then odd ones. */
    static Map<Long, Integer> genvagPerBase(Path bam, String contig, long length, Path dir) throws IOException {
        Map<Long, Integer> depth = new HashMap<>();
        for (int parity = 0; parity < 2; parity++) {
            StringBuilder bed = new StringBuilder();
            for (long p = parity; p < length; p += 2) {
                bed.append(contig).append('\t').append(p).append('\t').append(p + 1).append('\n');
            }
            Path file = dir.resolve("bases" + parity + ".bed");
            Files.writeString(file, bed);
            for (PanelCoverage.Region g : PanelCoverage.run(bam.toString(), bedPanel(file),
                    new PanelCoverage.Options(1796, 0, THRESHOLDS, 20, 20, 0.95, 1)).regions()) {
                depth.put(g.start(), (int) g.stats().mean());
            }
        }
        return depth;
    }

    /** htslib's CIGAR edge cases (deletions, splices, padding and insertions at read ends): mosdepth, base by base. */
    @Test
    void htslibCigarEdgeCasesMatchMosdepthPerBase(@TempDir Path dir) throws IOException {
        PeerTool samtools = PeerTool.require("samtools");
        PeerTool mosdepth = PeerTool.require("mosdepth");
        List<String> inputs = List.of("mpileup_mp_D.sam", "mpileup_mp_I.sam", "mpileup_mp_N.sam", "mpileup_mp_N2.sam",
                "mpileup_mp_DI.sam", "mpileup_mp_ID.sam", "mpileup_mp_P.sam", "mpileup_small.bam", "range.bam");
        int compared = 0;
        int covered = 0;
        for (String name : inputs) {
            Path work = Files.createDirectories(dir.resolve(name));
            Path bam = work.resolve("in.bam");
            samtools.run("sort", "-o", bam.toString(), Fixtures.path("htslib-test-bam/" + name).toString());
            samtools.run("index", bam.toString());
            String prefix = work.resolve("md").toString();
            mosdepth.run(prefix, bam.toString());
            Map<String, Map<Long, Integer>> theirs = new HashMap<>();
            Map<String, Long> lengths = new HashMap<>();
            try (InputStream in = new GZIPInputStream(Files.newInputStream(Path.of(prefix + ".per-base.bed.gz")))) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                    String[] f = line.split("\t");
                    long s = Long.parseLong(f[1]);
                    long e = Long.parseLong(f[2]);
                    lengths.merge(f[0], e, Math::max);
                    if (e - s < 5_000) {
                        for (long p = s; p < e; p++) {
                            theirs.computeIfAbsent(f[0], k -> new HashMap<>()).put(p, Integer.parseInt(f[3]));
                        }
                    }
                }
            }
            for (String contig : theirs.keySet()) {
                // Compare where mosdepth reports short runs: the reads' neighbourhood, not megabases of zeros.
                long last = theirs.get(contig).keySet().stream().mapToLong(Long::longValue).max().orElse(0) + 1;
                Map<Long, Integer> ours = genvagPerBase(bam, contig, Math.min(last, lengths.get(contig)),
                        Files.createDirectories(work.resolve(contig.replaceAll("[^A-Za-z0-9]", "_"))));
                for (var e : theirs.get(contig).entrySet()) {
                    assertEquals(e.getValue(), ours.getOrDefault(e.getKey(), 0), name + " " + contig + ":" + e.getKey());
                    compared++;
                    covered += e.getValue() > 0 ? 1 : 0;
                }
            }
        }
        assertTrue(compared > 500 && covered > 300, "bases compared: " + compared + ", covered: " + covered);
    }

    /** CRAM, read through htsjdk with its reference, gives exactly what its BAM gives. */
    @Test
    void cramEqualsItsBam(@TempDir Path dir) throws IOException {
        List<Contig> contigs = Contig.parse("synthetic:2:300000", false);
        SyntheticGenome genome = new SyntheticGenome(9);
        Path fasta = dir.resolve("ref.fa");
        FastaGenerator.write(genome, contigs, fasta);
        Path bam = dir.resolve("s.bam");
        new BamGenerator(genome, contigs, BamGenerator.Options.defaults().withDepth(25).withSeed(9))
                .write(List.of(new Region(0, 10_000, 80_000), new Region(1, 0, 50_000)), bam);
        Path cram = dir.resolve("s.cram");
        PeerTool.require("samtools").run("view", "-C", "-T", fasta.toString(), "-o", cram.toString(), bam.toString());
        Path bed = dir.resolve("p.bed");
        Files.writeString(bed, "syn1\t9000\t40000\tA\nsyn1\t60000\t90000\tB\nsyn2\t1000\t49000\tC\n");
        PanelIntervals panel = bedPanel(bed);
        PanelCoverage.Options o = new PanelCoverage.Options(1796, 0, THRESHOLDS, 20, 20, 0.95, 2);
        PanelCoverage.Result fromBam = PanelCoverage.run(bam.toString(), panel, o);
        PanelCoverage.Result fromCram;
        try (var reader = new org.genvag.io.bam.BamReader(new org.genvag.io.bam.CramSource(cram, fasta),
                cram.toString())) {
            fromCram = PanelCoverage.run(reader, panel, o);
        }
        assertEquals(fromBam.readsCounted(), fromCram.readsCounted());
        for (int i = 0; i < fromBam.regions().size(); i++) {
            var a = fromBam.regions().get(i).stats();
            var b = fromCram.regions().get(i).stats();
            assertEquals(a.mean(), b.mean(), "region " + i);
            for (int t = 0; t < THRESHOLDS.length; t++) {
                assertEquals(a.basesAtLeast(t), b.basesAtLeast(t));
            }
        }
        assertTrue(fromBam.regions().get(0).stats().mean() > 10);
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.genvag.core.error.InputException.class,
                () -> new org.genvag.io.bam.CramSource(cram, null));
        assertEquals(cram + ": a CRAM needs its reference FASTA (--reference)", e.getMessage());
    }

    /** Jumping with the BAI gives exactly what streaming gives. */
    @Test
    void indexJumpingEqualsStreaming(@TempDir Path dir) throws IOException {
        List<Contig> contigs = Contig.parse("synthetic:3:2000000", false);
        Path bam = dir.resolve("s.bam");
        new BamGenerator(new SyntheticGenome(5), contigs, BamGenerator.Options.defaults().withDepth(20).withSeed(5))
                .write(List.of(new Region(0, 0, 2_000_000), new Region(1, 500_000, 900_000),
                        new Region(2, 0, 100_000)), bam);
        Path bed = dir.resolve("p.bed");
        Files.writeString(bed, "syn1\t100000\t104000\tA\nsyn1\t1500000\t1500300\tB\nsyn2\t600000\t650000\tC\n"
                + "syn3\t1900000\t1901000\tNO_READS\n");
        PanelIntervals panel = bedPanel(bed);
        PanelCoverage.Options o = new PanelCoverage.Options(1796, 0, THRESHOLDS, 20, 20, 0.95, 2);
        PanelCoverage.Result streamed = PanelCoverage.run(bam.toString(), panel, o);
        org.genvag.pipeline.coverage.PanelCoverage.Result jumped;
        try (org.genvag.io.bam.BamReader header = org.genvag.io.bam.BamReader.open(bam.toString(), 1)) {
            var plan = org.genvag.io.bam.BamReadPlan.choose(bam.toString(), header.header(), panel,
                    org.genvag.io.ReadMode.AUTO);
            assertTrue(plan.indexed() && plan.reason().startsWith("jumping with the BAI index"), plan.reason());
            try (var chunks = plan.open(bam.toString(), header.header())) {
                jumped = PanelCoverage.run(chunks, panel, o);
            }
        }
        assertTrue(jumped.readsCounted() < streamed.readsCounted() / 5, "the index must skip most reads: "
                + jumped.readsCounted() + " of " + streamed.readsCounted());
        assertEquals(streamed.regions().size(), jumped.regions().size());
        for (int i = 0; i < streamed.regions().size(); i++) {
            var a = streamed.regions().get(i).stats();
            var b = jumped.regions().get(i).stats();
            assertEquals(a.mean(), b.mean(), "region " + i);
            assertEquals(a.median(), b.median());
            assertEquals(a.min(), b.min());
            for (int t = 0; t < THRESHOLDS.length; t++) {
                assertEquals(a.basesAtLeast(t), b.basesAtLeast(t));
            }
        }
        assertTrue(streamed.regions().get(0).stats().mean() > 10, "the first region is covered");
    }

    /** One-base regions, one base apart, make region means per-base depths, which samtools depth gives too. */
    @Test
    void perBaseDepthEqualsSamtoolsDepthWithoutMateOverlaps(@TempDir Path dir) throws IOException {
        Path bam = indexedCopy("bam/genomicalignments-sm_treated1.bam", dir);
        String first = PeerTool.require("samtools").runText("view", bam.toString()).split("\n")[0];
        String contig = first.split("\t")[2];
        long start = Long.parseLong(first.split("\t")[3]) - 1;
        StringBuilder bed = new StringBuilder();
        for (long p = start; p < start + 4_000; p += 2) {
            bed.append(contig).append('\t').append(p).append('\t').append(p + 1).append('\n');
        }
        Path bedFile = dir.resolve("bases.bed");
        Files.writeString(bedFile, bed);
        PanelCoverage.Result r = PanelCoverage.run(bam.toString(), bedPanel(bedFile),
                new PanelCoverage.Options(1796, 0, THRESHOLDS, 20, 20, 0.95, 1));
        Map<Long, Integer> samtools = new HashMap<>();
        String depth = PeerTool.require("samtools").runText("depth", "-a", "-r",
                contig + ":" + (start + 1) + "-" + (start + 4_000), bam.toString());
        for (String line : depth.split("\n")) {
            String[] f = line.split("\t");
            samtools.put(Long.parseLong(f[1]) - 1, Integer.parseInt(f[2]));
        }
        List<String> differences = new ArrayList<>();
        int nonZero = 0;
        for (PanelCoverage.Region g : r.regions()) {
            int ours = (int) g.stats().mean();
            nonZero += ours > 0 ? 1 : 0;
            if (ours != samtools.getOrDefault(g.start(), 0)) {
                differences.add(g.start() + ": genvag " + ours + ", samtools " + samtools.get(g.start()));
            }
        }
        assertEquals(List.of(), differences);
        assertTrue(nonZero > 100, "the window must be covered, got " + nonZero + " covered bases");
    }
}
