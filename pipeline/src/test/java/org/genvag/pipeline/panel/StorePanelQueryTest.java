// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.panel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.genvag.core.genome.GenomeBuild;
import org.genvag.io.ReadMode;
import org.genvag.io.panel.PanelReader;
import org.genvag.io.store.StoreWriter;
import org.genvag.io.variants.VariantSources;
import org.genvag.io.vcf.VcfReader;
import org.genvag.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `genvag filter` on a store writes what it writes on the VCF, byte for byte; many stores answer one panel. */
class StorePanelQueryTest {
    @TempDir
    Path dir;

    Path store(String fixture, String name, int blockRecords) throws IOException {
        Path out = dir.resolve(name + ".gvs");
        try (VcfReader in = VcfReader.open(Fixtures.path(fixture).toString(), 1)) {
            StoreWriter.write(in, out, new StoreWriter.Options(blockRecords, false, 2));
        }
        return out;
    }

    PanelFiltering.Options options() {
        return new PanelFiltering.Options(List.of(Fixtures.path("panels/chr22-genes.txt")), GenomeBuild.GRCH37, 0,
                false, ReadMode.STREAM, 1, false);
    }

    @Test
    void filteringAStoreWritesExactlyWhatFilteringTheVcfWrites() throws IOException {
        for (String fixture : List.of("vcf/hapmap_exome_chr22.vcf.gz", "vcf/chr22.vcf.gz")) {
            Path vcfOut = dir.resolve("from-vcf.vcf");
            Path storeOut = dir.resolve("from-store.vcf");
            PanelFiltering.Result a = PanelFiltering.run(Fixtures.path(fixture).toString(), vcfOut.toString(),
                    options());
            Path store = store(fixture, "s", 32);
            PanelFiltering.Result b = PanelFiltering.run(store.toString(), storeOut.toString(), options());
            assertArrayEquals(Files.readAllBytes(vcfOut), Files.readAllBytes(storeOut), fixture);
            assertEquals(a.recordsKept(), b.recordsKept());
            assertTrue(b.recordsKept() > 0);
            assertTrue(b.readPlan().startsWith("variant store: decoded "), b.readPlan());
            assertTrue(b.recordsRead() < a.recordsRead(), "blocks away from the panel are not decoded: "
                    + b.readPlan());
        }
    }

    @Test
    void manyStoresGiveOneRowPerSampleAndKeptRecord() throws IOException {
        Path stores = Files.createDirectories(dir.resolve("stores"));
        List<Path> made = new ArrayList<>();
        for (String name : List.of("b-sample", "a-sample", "c-sample")) {
            Path s = store("vcf/hapmap_exome_chr22.vcf.gz", "stores/" + name, 64);
            made.add(s);
        }
        Path out = dir.resolve("rows.tsv");
        List<StorePanelQuery.StoreResult> results = StorePanelQuery.run(StorePanelQuery.storesIn(stores), out,
                new StorePanelQuery.Options(List.of(Fixtures.path("panels/chr22-genes.txt")), null, 0, false, 2));
        assertEquals(3, results.size());
        PanelFiltering.Result single = PanelFiltering.run(Fixtures.path("vcf/hapmap_exome_chr22.vcf.gz").toString(),
                dir.resolve("x.vcf").toString(), options());
        int samples;
        try (VcfReader r = VariantSources.open(made.get(0).toString(), 1)) {
            samples = r.samples().size();
        }
        List<String> lines = Files.readAllLines(out);
        assertEquals(StorePanelQuery.HEADER.strip(), lines.get(0));
        assertEquals(1 + 3 * single.recordsKept() * samples, lines.size());
        assertTrue(lines.get(1).startsWith("a-sample\t"), "stores in name order: " + lines.get(1));
        assertTrue(lines.get(lines.size() - 1).startsWith("c-sample\t"));
        for (StorePanelQuery.StoreResult r : results) {
            assertEquals(single.recordsKept(), r.recordsKept());
            assertEquals(GenomeBuild.GRCH37, r.build());
        }
    }

    /**
     * Each row holds the VCF's own fields for its record and sample (ID, REF, ALT, QUAL, FILTER as written; GT, DP
     * and AD of that sample, "." where absent) and the genes the panel filter names: rows made from the store's
     * columns equal rows made from the VCF's text, split the plain way.
     */
    @Test
    void rowsFromTheColumnsEqualRowsFromTheVcfText() throws IOException {
        for (String fixture : List.of("vcf/hapmap_exome_chr22.vcf.gz", "vcf/chr22.vcf.gz")) {
            Path stores = Files.createDirectories(dir.resolve("one-" + fixture.hashCode()));
            Path store = stores.resolve("s.gvs");
            Files.move(store(fixture, "s", 16), store);
            Path out = dir.resolve("rows.tsv");
            StorePanelQuery.run(List.of(store), out, new StorePanelQuery.Options(
                    List.of(Fixtures.path("panels/chr22-genes.txt")), GenomeBuild.GRCH37, 0, false, 1));
            List<String> expected = new ArrayList<>();
            expected.add(StorePanelQuery.HEADER.strip());
            org.genvag.core.panel.PanelIntervals intervals = org.genvag.core.panel.PanelIntervals.of(
                    PanelReader.resolveAll(List.of(Fixtures.path("panels/chr22-genes.txt")),
                            org.genvag.io.genes.GeneTableReader.bundled(GenomeBuild.GRCH37), false), 0);
            try (VcfReader r = VcfReader.open(Fixtures.path(fixture).toString(), 1)) {
                PanelVcfFilter filter = new PanelVcfFilter(intervals, r.contigs(), fixture);
                org.genvag.io.vcf.VcfRecord rec = new org.genvag.io.vcf.VcfRecord();
                List<String> samples = r.samples().isEmpty() ? List.of(".") : r.samples();
                while (r.next(rec)) {
                    if (!filter.test(rec)) {
                        continue;
                    }
                    String[] cols = rec.toString().split("\t", -1);
                    List<String> format = cols.length > 8 ? List.of(cols[8].split(":", -1)) : List.of();
                    for (int s = 0; s < samples.size(); s++) {
                        StringBuilder row = new StringBuilder("s\t" + samples.get(s) + "\t" + cols[0] + "\t"
                                + rec.pos());
                        for (int c = 2; c <= 6; c++) {
                            row.append('\t').append(cols[c]);
                        }
                        row.append('\t').append(new String(filter.genesValue(), java.nio.charset.StandardCharsets.UTF_8));
                        String[] sub = 9 + s < cols.length ? cols[9 + s].split(":", -1) : new String[0];
                        for (String key : List.of("GT", "DP", "AD")) {
                            int j = format.indexOf(key);
                            row.append('\t').append(j >= 0 && j < sub.length && !sub[j].isEmpty() ? sub[j] : ".");
                        }
                        expected.add(row.toString());
                    }
                }
            }
            List<String> actual = Files.readAllLines(out);
            assertTrue(actual.size() > 1, fixture);
            assertEquals(expected, actual, fixture);
        }
    }

    /** As VCFs: one file per store, each what `genvag filter` writes from that sample's VCF, byte for byte, indexed. */
    @Test
    void asVcfEachStoreGivesWhatFilterGivesOnItsVcf() throws IOException {
        List<String> fixtures = List.of("vcf/hapmap_exome_chr22.vcf.gz", "vcf/chr22.vcf.gz");
        List<Path> stores = new ArrayList<>();
        for (int i = 0; i < fixtures.size(); i++) {
            stores.add(store(fixtures.get(i), "sample" + i, 16));
        }
        Path out = dir.resolve("vcfs");
        List<StorePanelQuery.StoreResult> results = StorePanelQuery.runVcf(stores, out, new StorePanelQuery.Options(
                List.of(Fixtures.path("panels/chr22-genes.txt")), GenomeBuild.GRCH37, 0, false, 2));
        for (int i = 0; i < fixtures.size(); i++) {
            Path expected = dir.resolve("expected" + i + ".vcf.gz");
            PanelFiltering.Result r = PanelFiltering.run(Fixtures.path(fixtures.get(i)).toString(),
                    expected.toString(), new PanelFiltering.Options(List.of(Fixtures.path("panels/chr22-genes.txt")),
                            GenomeBuild.GRCH37, 0, false, ReadMode.STREAM, 1, true));
            Path actual = out.resolve("sample" + i + ".vcf.gz");
            assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(actual), fixtures.get(i));
            // chr22.vcf.gz declares no ##contig: the index still holds contig 22, and a query of it gives every record.
            try (htsjdk.tribble.readers.TabixReader tabix = new htsjdk.tribble.readers.TabixReader(actual.toString())) {
                var it = tabix.query("22", 1, Integer.MAX_VALUE);
                long n = 0;
                while (it.next() != null) {
                    n++;
                }
                assertEquals(r.recordsKept(), n, "records the index finds, " + fixtures.get(i));
            }
            assertEquals(r.recordsKept(), results.get(i).recordsKept());
            assertTrue(r.recordsKept() > 0);
        }
    }
}
