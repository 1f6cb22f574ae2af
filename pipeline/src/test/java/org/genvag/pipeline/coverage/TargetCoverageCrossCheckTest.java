// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import org.genvag.core.genome.GenomeBuild;
import org.genvag.core.transcript.TargetKind;
import org.genvag.io.ReadMode;
import org.genvag.testdata.BamGenerator;
import org.genvag.testdata.Contig;
import org.genvag.testdata.Region;
import org.genvag.testdata.SyntheticGenome;
import org.genvag.testsupport.Fixtures;
import org.genvag.testsupport.PeerTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Coverage over a gene's coding exons (and exons) equals mosdepth {@code --by} over the same targets written
 * independently: the test reads the GFF's CDS (or exon) lines of the transcript with the longest CDS itself, with
 * no genvag code, and writes the BED mosdepth gets. The BAM is capture-like (reads only around the exons) on a
 * contig named as the annotation's, so introns are near zero depth, as an exome's are.
 */
class TargetCoverageCrossCheckTest {
    private static final int[] THRESHOLDS = {1, 5, 10, 20, 30};

    /** transcript -> its CDS (or exon) lines' [start, end] (1-based, closed), read straight from the GFF3 text. */
    private static Map<String, List<long[]>> features(Path gff, String type) throws IOException {
        Map<String, List<long[]>> out = new TreeMap<>();
        for (String line : Files.readAllLines(gff)) {
            String[] f = line.split("\t");
            if (line.startsWith("#") || f.length != 9 || !f[2].equals(type)) {
                continue;
            }
            int p = f[8].indexOf("Parent=transcript:");
            String tx = f[8].substring(p + 18).split(";")[0];
            out.computeIfAbsent(tx, k -> new ArrayList<>()).add(new long[] {Long.parseLong(f[3]), Long.parseLong(f[4])});
        }
        return out;
    }

    /** mosdepth --by over {@code intervals} (1-based, closed): its means and threshold counts, by "contig:start-end". */
    @SuppressWarnings("unchecked")
    private static Map<String, String[]>[] mosdepth(Path bam, String contig, List<long[]> intervals, Path dir)
            throws IOException {
        StringBuilder bed = new StringBuilder();
        for (long[] t : intervals) {
            bed.append(contig).append('\t').append(t[0] - 1).append('\t').append(t[1]).append('\n');
        }
        Path bedFile = Files.writeString(dir.resolve("targets.bed"), bed);
        String prefix = dir.resolve("md").toString();
        PeerTool.require("mosdepth").run("-n", "--by", bedFile.toString(), "--thresholds", "1,5,10,20,30", prefix,
                bam.toString());
        return new Map[] {CoverageCrossCheckTest.gunzipRows(Path.of(prefix + ".regions.bed.gz")),
            CoverageCrossCheckTest.gunzipRows(Path.of(prefix + ".thresholds.bed.gz"))};
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({"ENSG00000173376/ENSG00000173376.gff, NDNF, cds, 4, 40000",
        "ENSG00000173376/ENSG00000173376.gff, NDNF, exons, 4, 40000",
        "ENST00000269081/ENST00000269081.gff, , cds, , 0"})
    void targetsEqualMosdepthOverTheSameIntervals(String file, String gene, String kind, String contigName,
                                                   long length, @TempDir Path dir) throws IOException {
        Path gff = Fixtures.path("bcftools-csq/" + file);
        List<String> lines = Files.readAllLines(gff);
        String[] first = lines.stream().filter(l -> !l.startsWith("#") && l.split("\t").length == 9
                && l.split("\t")[2].equals("gene")).findFirst().orElseThrow().split("\t");
        String contig = contigName != null ? contigName : first[0];
        String symbol = gene != null ? gene : first[8].replaceAll(".*Name=([^;]+).*", "$1");
        long contigLength = length > 0 ? length : Long.parseLong(first[4]) + 5_000;
        // The transcript with the longest CDS (ties: smaller ID), by the GFF's own lines.
        Map<String, List<long[]>> cds = features(gff, "CDS");
        String chosen = null;
        long best = 0;
        for (var e : cds.entrySet()) {
            long bases = e.getValue().stream().mapToLong(x -> x[1] - x[0] + 1).sum();
            if (bases > best) {
                best = bases;
                chosen = e.getKey();
            }
        }
        String transcript = chosen;
        List<long[]> targets = (kind.equals("cds") ? cds : features(gff, "exon")).get(transcript);
        // A capture-like BAM: 30x over each exon of every transcript +-150 bases, nothing else.
        List<Region> captured = new ArrayList<>();
        for (List<long[]> exons : features(gff, "exon").values()) {
            for (long[] x : exons) {
                captured.add(new Region(0, Math.max(0, x[0] - 151), Math.min(contigLength, x[1] + 150)));
            }
        }
        captured.sort((a, b) -> Long.compare(a.start(), b.start()));
        List<Region> merged = new ArrayList<>();
        for (Region r : captured) {
            Region last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && r.start() <= last.end()) {
                merged.set(merged.size() - 1, new Region(0, last.start(), Math.max(last.end(), r.end())));
            } else {
                merged.add(r);
            }
        }
        Path bam = dir.resolve("capture.bam");
        new BamGenerator(new SyntheticGenome(11), List.of(new Contig(contig, contigLength)),
                BamGenerator.Options.defaults().withDepth(30).withSeed(11)).write(merged, bam);
        PeerTool.require("samtools").run("index", bam.toString());
        // genvag: the gene as a one-name panel, resolved on GRCh38 and covered on the GFF's transcript.
        Path panel = Files.writeString(dir.resolve("panel.txt"), symbol + "\n");
        CoverageJob.Outcome o = CoverageJob.run(new CoverageJob.Request(bam.toString(), null, List.of(panel),
                GenomeBuild.GRCH38, 0, true, ReadMode.STREAM,
                new PanelCoverage.Options(1796, 0, THRESHOLDS, 20, 20, 0.95, 2), gff, TargetKind.parse(kind)));
        List<PanelCoverage.TargetCoverage> ours = o.result().targets();
        assertEquals(targets.size(), ours.size(), "one row per " + kind + " segment of " + transcript);
        assertTrue(ours.stream().allMatch(t -> t.transcript().equals(transcript)), "on transcript " + transcript);
        // mosdepth over the BED the test wrote from the GFF text.
        Map<String, String[]>[] rows = mosdepth(bam, contig, targets, dir);
        Map<String, String[]> means = rows[0];
        Map<String, String[]> counts = rows[1];
        long geneBases = 0;
        long[] geneAtLeast = new long[THRESHOLDS.length];
        Map<String, Integer> exonNumbers = new HashMap<>();
        for (PanelCoverage.TargetCoverage t : ours) {
            String key = t.contig() + ":" + t.start() + "-" + t.end();
            assertTrue(means.containsKey(key), key + " is one of the GFF's " + kind + " lines");
            assertEquals(Double.parseDouble(means.get(key)[3]), t.stats().mean(), 0.0051, "mean of " + key);
            for (int i = 0; i < THRESHOLDS.length; i++) {
                long theirs = Long.parseLong(counts.get(key)[4 + i]);
                assertEquals(theirs, t.stats().basesAtLeast(i), ">= " + THRESHOLDS[i] + "x in " + key);
                geneAtLeast[i] += theirs;
            }
            geneBases += t.end() - t.start();
            exonNumbers.merge(String.valueOf(t.exon()), 1, Integer::sum);
        }
        assertTrue(exonNumbers.values().stream().allMatch(n -> n == 1), "each exon numbered once: " + exonNumbers);
        // The gene row aggregates its targets (the CDS segments do not overlap): the same bases, the same counts.
        PanelCoverage.GeneCoverage g = o.result().genes().get(0);
        assertEquals(geneBases, g.stats().bases());
        for (int i = 0; i < THRESHOLDS.length; i++) {
            assertEquals(geneAtLeast[i], g.stats().basesAtLeast(i), "gene >= " + THRESHOLDS[i] + "x");
        }
        assertTrue(g.stats().mean() > 20, "capture-like reads cover the targets: mean " + g.stats().mean());
    }

    /**
     * Without a GFF, exons come from the bundled merged RefSeq exon table: BRAF (Entrez 673) on GRCh38, its rows
     * read here straight from the table's text, against mosdepth over them.
     */
    @Test
    void bundledRefSeqExonsWithoutAGff(@TempDir Path dir) throws IOException {
        List<long[]> exons = new ArrayList<>();
        try (var in = new GZIPInputStream(TargetCoverageCrossCheckTest.class.getResourceAsStream(
                "/org/genvag/data/genes/GRCh38.refseq-exons.tsv.gz"))) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                String[] f = line.split("\t");
                if (f.length == 5 && f[4].equals("673")) {
                    exons.add(new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
                }
            }
        }
        assertTrue(exons.size() > 10, "BRAF has its exons in the table");
        long contigLength = exons.get(exons.size() - 1)[1] + 10_000;
        List<Region> captured = new ArrayList<>();
        for (long[] x : exons) {
            captured.add(new Region(0, x[0] - 151, x[1] + 150));
        }
        Path bam = dir.resolve("braf.bam");
        new BamGenerator(new SyntheticGenome(5), List.of(new Contig("7", contigLength)),
                BamGenerator.Options.defaults().withDepth(25).withSeed(5)).write(captured, bam);
        PeerTool.require("samtools").run("index", bam.toString());
        Path panel = Files.writeString(dir.resolve("panel.txt"), "BRAF\n");
        CoverageJob.Outcome o = CoverageJob.run(new CoverageJob.Request(bam.toString(), null, List.of(panel),
                GenomeBuild.GRCH38, 0, true, ReadMode.STREAM,
                new PanelCoverage.Options(1796, 0, THRESHOLDS, 20, 20, 0.95, 2), null, null));
        assertTrue(o.result().targetKind().startsWith("merged RefSeq exons, no CDS"), o.result().targetKind());
        List<PanelCoverage.TargetCoverage> ours = o.result().targets();
        assertEquals(exons.size(), ours.size());
        Map<String, String[]>[] rows = mosdepth(bam, "7", exons, dir);
        Map<String, String[]> means = rows[0];
        Map<String, String[]> counts = rows[1];
        for (PanelCoverage.TargetCoverage t : ours) {
            String key = t.contig() + ":" + t.start() + "-" + t.end();
            // mosdepth rounds its mean from a float: 28.725 prints as 28.72 there and 28.73 here.
            assertEquals(Double.parseDouble(means.get(key)[3]), t.stats().mean(), 0.0051, "mean of " + key);
            for (int i = 0; i < THRESHOLDS.length; i++) {
                assertEquals(Long.parseLong(counts.get(key)[4 + i]), t.stats().basesAtLeast(i),
                        ">= " + THRESHOLDS[i] + "x in " + key);
            }
        }
        // BRAF is on the minus strand: exon 1 is the last by position.
        assertEquals(1, ours.get(ours.size() - 1).exon());
        assertEquals(exons.size(), ours.get(0).exon());
    }
}
