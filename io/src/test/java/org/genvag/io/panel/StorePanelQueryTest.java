package org.genvag.io.panel;

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
import org.genvag.io.store.StoreWriter;
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
        try (VcfReader r = VcfReader.open(made.get(0).toString(), 1)) {
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
}
