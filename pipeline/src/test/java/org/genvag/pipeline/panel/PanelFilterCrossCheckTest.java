// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.genvag.core.error.InputException;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.core.panel.GenePanel;
import org.genvag.core.panel.PanelIntervals;
import org.genvag.core.panel.PanelResolver;
import org.genvag.io.ReadMode;
import org.genvag.io.genes.GeneTableReader;
import org.genvag.io.panel.PanelBedWriter;
import org.genvag.io.panel.PanelReadPlan;
import org.genvag.io.panel.PanelReader;
import org.genvag.io.store.StoreQuery;
import org.genvag.io.store.StoreReader;
import org.genvag.io.store.StoreWriter;
import org.genvag.io.vcf.VcfReader;
import org.genvag.io.vcf.VcfRecord;
import org.genvag.testsupport.Fixtures;
import org.genvag.testsupport.PeerTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Panel filtering keeps exactly what bcftools view -R (and -T --targets-overlap 1, and bedtools -u) keeps. */
class PanelFilterCrossCheckTest {
    private static final String QUERY = "%CHROM\t%POS\t%REF\t%ALT\n";

    static List<String> genvagKeeps(Path vcf, PanelIntervals panel) throws IOException {
        try (VcfReader reader = VcfReader.open(vcf.toString(), 2)) {
            return keep(reader, panel);
        }
    }

    /** CHROM POS REF ALT of the records the panel filter keeps. */
    static List<String> keep(VcfReader reader, PanelIntervals panel) throws IOException {
        List<String> kept = new ArrayList<>();
        PanelVcfFilter filter = new PanelVcfFilter(panel, reader.contigs(), reader.source());
        VcfRecord r = new VcfRecord();
        while (reader.next(r)) {
            if (filter.test(r)) {
                kept.add(r.contigName() + "\t" + r.pos() + "\t" + r.ref() + "\t" + r.alt());
            }
        }
        return kept;
    }

    /** The same through the tabix index: only the chunks covering the panel are read. */
    static List<String> genvagKeepsIndexed(Path gz, PanelIntervals panel) throws IOException {
        try (VcfReader header = VcfReader.open(gz.toString(), 1)) {
            PanelReadPlan plan = PanelReadPlan.choose(gz.toString(), header.header(), panel, ReadMode.INDEX);
            assertTrue(plan.indexed() && plan.reason().startsWith("jumping with the tabix index"), plan.reason());
            try (VcfReader reader = plan.openIndexed(gz.toString(), header)) {
                return keep(reader, panel);
            }
        }
    }

    /** The same from a variant store of the VCF, in small blocks so that the panel query skips most of them. */
    static List<String> genvagKeepsFromStore(Path vcf, PanelIntervals panel, Path dir) throws IOException {
        Path store = dir.resolve("in.gvs");
        try (VcfReader in = VcfReader.open(vcf.toString(), 1)) {
            StoreWriter.write(in, store, new StoreWriter.Options(16, false, 2));
        }
        StoreQuery query = new StoreQuery(panel.index());
        try (VcfReader reader = new VcfReader(StoreReader.open(store).source(query), store.toString())) {
            List<String> kept = keep(reader, panel);
            try (StoreReader s = StoreReader.open(store)) {
                assertTrue(query.decoded() <= s.blocks().size(), query.summary());
                // The positional query, from the POS and SPAN columns alone, visits exactly the kept records.
                List<String> positions = new ArrayList<>();
                s.forEachPosition(new StoreQuery(panel.index()), (contig, pos, end) -> positions.add(contig + "\t"
                        + pos));
                assertEquals(kept.stream().map(k -> k.substring(0, k.indexOf('\t', k.indexOf('\t') + 1))).toList(),
                        positions, "forEachPosition");
                // And as variants, from the allele columns too: CHROM POS REF ALT exactly as the VCF has them.
                List<String> variants = new ArrayList<>();
                s.forEachVariant(new StoreQuery(panel.index()), v -> variants.add(v.contig() + "\t" + v.pos() + "\t"
                        + v.ref() + "\t" + v.alt()));
                assertEquals(kept, variants, "forEachVariant");
            }
            return kept;
        }
    }

    static PanelIntervals panel(List<String> fixtures, GenomeBuild build, long padding) throws IOException {
        List<GenePanel> panels = new ArrayList<>();
        for (String f : fixtures) {
            panels.add(PanelResolver.resolve(PanelReader.read(Fixtures.path(f)), GeneTableReader.bundled(build), false));
        }
        return PanelIntervals.of(panels, padding);
    }

    /** Copies a VCF to {@code dir} as BGZF with a tabix index, for bcftools -R. */
    static Path indexed(Path vcf, Path dir) {
        PeerTool bcftools = PeerTool.require("bcftools");
        Path out = dir.resolve("in.vcf.gz");
        bcftools.run("view", "-Oz", "-o", out.toString(), vcf.toString());
        PeerTool.require("tabix").run("-f", "-p", "vcf", out.toString());
        return out;
    }

    static void assertSameAsPeers(Path vcf, PanelIntervals panel, boolean chrPrefixBed, Path dir, boolean bedtools)
            throws IOException {
        PeerTool bcftools = PeerTool.require("bcftools");
        Path bed = dir.resolve("panel.bed");
        PanelBedWriter.write(panel, bed, chrPrefixBed);
        Path gz = indexed(vcf, dir);
        List<String> ours = genvagKeeps(vcf, panel);
        // bcftools view, not bcftools query: in 1.16 query -R ignores INFO END of symbolic alleles that start before
        // a region and reach into it (view keeps them, as do tabix and bedtools).
        Path viaRegions = dir.resolve("R.vcf");
        bcftools.run("view", "-R", bed.toString(), "--regions-overlap", "1", "-o", viaRegions.toString(),
                gz.toString());
        assertEquals(bcftools.runText("query", "-f", QUERY, viaRegions.toString()).lines().toList(), ours,
                "bcftools view -R");
        Path viaTargets = dir.resolve("T.vcf");
        bcftools.run("view", "-T", bed.toString(), "--targets-overlap", "1", "-o", viaTargets.toString(),
                gz.toString());
        assertEquals(bcftools.runText("query", "-f", QUERY, viaTargets.toString()).lines().toList(), ours,
                "bcftools view -T --targets-overlap 1");
        if (bedtools) {
            String hits = new String(PeerTool.require("bedtools").run("intersect", "-u", "-a", gz.toString(), "-b",
                    bed.toString()), java.nio.charset.StandardCharsets.UTF_8);
            List<String> bt = hits.lines().filter(l -> !l.startsWith("#")).map(l -> {
                String[] f = l.split("\t", 6);
                return f[0] + "\t" + f[1] + "\t" + f[3] + "\t" + f[4];
            }).toList();
            assertEquals(bt, ours, "bedtools intersect -u");
        }
        assertEquals(ours, genvagKeepsIndexed(gz, panel), "genvag through the tabix index");
        assertEquals(ours, genvagKeepsFromStore(vcf, panel, dir), "genvag from a variant store");
        assertTrue(ours.size() > 0, "the cross-check must keep something");
    }

    @ParameterizedTest(name = "{0} padding {1}")
    @CsvSource({"vcf/chr22.vcf.gz, 0", "vcf/chr22.vcf.gz, 2000", "vcf/hapmap_exome_chr22.vcf.gz, 0",
        "vcf/hapmap_exome_chr22.vcf.gz, 50"})
    void realVcfsWithAGenePanelAndABedPanel(String vcf, long padding, @TempDir Path dir) throws IOException {
        PanelIntervals panel = panel(List.of("panels/chr22-genes.txt", "panels/regions-chr22.bed"),
                GenomeBuild.GRCH37, padding);
        assertSameAsPeers(Fixtures.path(vcf), panel, false, dir, true);
    }

    /**
     * Constructed edge cases around every region boundary: SNVs on the last base before, the first, the last and the
     * first after a region; deletions spanning into regions from outside; multi-allelic records; adjacent and
     * overlapping regions; a symbolic deletion whose END reaches a region.
     */
    @Test
    void boundaryEdgeCases(@TempDir Path dir) throws IOException {
        Path bedPanel = dir.resolve("edges.bed");
        Files.writeString(bedPanel, "chr1\t1000\t2000\tA\nchr1\t2000\t2100\tB\nchr1\t5000\t6000\tC\n"
                + "chr1\t5500\t7000\tD\nchr2\t100\t101\tE\n");
        GenePanel p = PanelResolver.resolve(PanelReader.read(bedPanel), GeneTableReader.bundled(GenomeBuild.GRCH38),
                true);
        PanelIntervals panel = PanelIntervals.of(List.of(p), 0);
        StringBuilder vcf = new StringBuilder("##fileformat=VCFv4.2\n##contig=<ID=chr1,length=248956422>\n"
                + "##contig=<ID=chr2,length=242193529>\n##INFO=<ID=END,Number=1,Type=Integer,Description=\"e\">\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n");
        List<String[]> records = new ArrayList<>();
        for (long boundary : new long[] {1000, 2000, 2100, 5000, 5500, 6000, 7000}) {
            for (long pos = boundary - 6; pos <= boundary + 2; pos++) {
                records.add(new String[] {"chr1", String.valueOf(pos), "A", "C", "."});
                records.add(new String[] {"chr1", String.valueOf(pos), "ACGTAC", "A", "."});   // 5-base deletion
                records.add(new String[] {"chr1", String.valueOf(pos), "AC", "A,ACT", "."});   // multi-allelic
            }
        }
        records.add(new String[] {"chr1", "3000", "A", "<DEL>", "END=5001"});
        records.add(new String[] {"chr1", "8000", "A", "<DEL>", "END=9000"});
        records.add(new String[] {"chr2", "100", "A", "C", "."});
        records.add(new String[] {"chr2", "101", "A", "C", "."});
        records.add(new String[] {"chr2", "102", "A", "C", "."});
        records.sort((a, b) -> a[0].equals(b[0]) ? Long.compare(Long.parseLong(a[1]), Long.parseLong(b[1]))
                : a[0].compareTo(b[0]));
        for (String[] r : records) {
            vcf.append(r[0]).append('\t').append(r[1]).append("\t.\t").append(r[2]).append('\t').append(r[3])
                    .append("\t.\t.\t").append(r[4]).append('\n');
        }
        Path in = dir.resolve("edges.vcf");
        Files.writeString(in, vcf);
        assertSameAsPeers(in, panel, true, dir, false);
    }

    /**
     * Real gVCFs written by bcftools: a reference block is kept when the region overlaps any base from POS to its
     * INFO END, as bcftools -R keeps it, through the VCF, the tabix index and a variant store alike.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"vcf/realn02.g.vcf", "vcf/realn02.banded.g.vcf"})
    void gvcfBlocksAreKeptByTheirEnd(String gvcf, @TempDir Path dir) throws IOException {
        Path bed = dir.resolve("blocks.bed");
        // Inside the first block, inside a later one, across the SNV into the block after it, one site, none.
        Files.writeString(bed, "17\t50\t60\tin-first\n17\t2450\t2460\tin-later\n17\t3585\t3588\tacross\n"
                + "17\t99\t100\tsite\n17\t5000\t5100\tbeyond\n");
        GenePanel p = PanelResolver.resolve(PanelReader.read(bed), GeneTableReader.bundled(GenomeBuild.GRCH37), true);
        assertSameAsPeers(Fixtures.path(gvcf), PanelIntervals.of(List.of(p), 0), false, dir, false);
    }

    @Test
    void indexModeNeedsAnIndexAndRejectsAStaleOne(@TempDir Path dir) throws IOException {
        PanelIntervals panel = panel(List.of("panels/chr22-genes.txt"), GenomeBuild.GRCH37, 0);
        Path gz = dir.resolve("x.vcf.gz");
        Files.copy(Fixtures.path("vcf/hapmap_exome_chr22.vcf.gz"), gz);
        try (VcfReader header = VcfReader.open(gz.toString(), 1)) {
            InputException e = assertThrows(InputException.class,
                    () -> PanelReadPlan.choose(gz.toString(), header.header(), panel, ReadMode.INDEX));
            assertTrue(e.getMessage().contains("--mode index needs a tabix index"), e.getMessage());
            assertTrue(PanelReadPlan.choose(gz.toString(), header.header(), panel, ReadMode.AUTO).reason()
                    .startsWith("streaming the whole file (no tabix index"));
        }
        PeerTool.require("tabix").run("-p", "vcf", gz.toString());
        Files.setLastModifiedTime(gz.resolveSibling("x.vcf.gz.tbi"), java.nio.file.attribute.FileTime.fromMillis(0));
        try (VcfReader header = VcfReader.open(gz.toString(), 1)) {
            InputException e = assertThrows(InputException.class,
                    () -> PanelReadPlan.choose(gz.toString(), header.header(), panel, ReadMode.AUTO));
            assertTrue(e.getMessage().endsWith("is older than " + gz + ": re-index it (tabix -f -p vcf " + gz
                    + ") or use --mode stream"), e.getMessage());
        }
    }

    @Test
    void vcfOnAnotherNamingSchemeIsAnErrorNotAnEmptyResult(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("refseq.vcf");
        Files.writeString(in, "##fileformat=VCFv4.2\n##contig=<ID=NC_000022.10,length=51304566>\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\nNC_000022.10\t16050100\t.\tA\tC\t.\t.\t.\n");
        PanelIntervals panel = panel(List.of("panels/regions-chr22.bed"), GenomeBuild.GRCH37, 0);
        InputException e = assertThrows(InputException.class, () -> genvagKeeps(in, panel));
        assertTrue(e.getMessage().contains("none of the VCF's contigs (NC_000022.10) names a panel contig (22)"),
                e.getMessage());
    }
}
