// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.genvag.io.store.StoreWriter;
import org.genvag.io.vcf.VcfReader;
import org.genvag.spark.LocalSpark;
import org.genvag.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The genvag-store source gives the rows the genvag-vcf source gives for the VCF the store was built from, one per
 * sample and record, typed alike, whatever the partition size; a FORMAT column not asked for is not decoded.
 */
class StoreDataSourceTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"vcf/hapmap_exome_chr22.vcf.gz", "vcf/chr22.vcf.gz", "vcf/h1187-10k.vcf.gz",
        "htslib-test/formatcols.vcf"})
    void storeRowsEqualVcfRows(String fixture) throws IOException {
        Path vcf = Fixtures.path(fixture);
        Path store = store(vcf, 64);
        Dataset<Row> fromVcf = LocalSpark.get().read().format("genvag-vcf").load(vcf.toString());
        Dataset<Row> fromStore = LocalSpark.get().read().format("genvag-store").option("partitionBytes", 4096)
                .load(store.toString());
        List<String> formatKeys = new ArrayList<>(List.of(fromStore.columns()).subList(9, fromStore.columns().length));
        List<String> vcfColumns = new ArrayList<>(List.of("g.sample", "contig", "start", "end", "id", "ref", "alts",
                "qual", "filters"));
        formatKeys.forEach(k -> vcfColumns.add("g.`" + k + "`"));
        List<String> expected = fromVcf.selectExpr("contig", "start", "end", "id", "ref", "alts", "qual", "filters",
                "explode(genotypes) as g").selectExpr(vcfColumns.toArray(new String[0])).collectAsList().stream()
                .map(Row::toString).toList();
        List<String> actual = fromStore.collectAsList().stream().map(Row::toString).toList();
        assertTrue(expected.size() > 0, fixture);
        assertEquals(expected, actual, fixture);
    }

    @Test
    void aFormatColumnNotAskedForIsNotDecoded() throws IOException {
        Path vcf = Files.writeString(dir.resolve("bad-dp.vcf"), "##fileformat=VCFv4.2\n##contig=<ID=1,length=1000>\n"
                + "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"g\">\n"
                + "##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"d\">\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\tS2\n"
                + "1\t10\t.\tA\tC\t.\tPASS\t.\tGT:DP\t0/1:7\t1/1:deep\n");
        Path store = store(vcf, 64);
        assertEquals("[[S1,0/1], [S2,1/1]]", LocalSpark.get().read().format("genvag-store").load(store.toString())
                .select("sample", "GT").collectAsList().toString());
        Exception e = assertThrows(Exception.class, () -> LocalSpark.get().read().format("genvag-store")
                .load(store.toString()).select("DP").collectAsList());
        String messages = e.toString() + " " + e.getCause();
        assertTrue(messages.contains("bad-dp.vcf.gvs: record 1:10, sample S2: FORMAT/DP is declared INT, found 'deep'"),
                messages);
    }

    private Path store(Path vcf, int blockRecords) throws IOException {
        Path out = dir.resolve(vcf.getFileName() + ".gvs");
        try (VcfReader in = VcfReader.open(vcf.toString(), 1)) {
            StoreWriter.write(in, out, new StoreWriter.Options(blockRecords, false, 2));
        }
        return out;
    }
}
