// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.vcf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.genvag.core.error.InputException;
import org.genvag.io.vcf.VcfReader;
import org.genvag.io.vcf.VcfRecord;
import org.genvag.spark.LocalSpark;
import org.genvag.testsupport.Fixtures;
import org.genvag.testsupport.PeerTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The genvag-vcf source in local[2] mode reads what genvag's whole-file reader reads, each record once and in
 * order, at 64 KiB partitions and at Spark's default; what the reader refuses, the source refuses; typed INFO and
 * FORMAT values equal bcftools query's.
 */
class VcfDataSourceTest {
    /** Manta 1.1.1 writes records without sample columns in a one-sample file: refused (see VcfConformanceTest). */
    private static final Set<String> BROKEN = Set.of("manta-1.1.1.vcf");

    @TempDir
    Path dir;

    static Stream<Path> fixtures() throws IOException {
        List<Path> all = new ArrayList<>();
        for (String d : List.of("htslib-test", "vcf", "sv")) {
            try (Stream<Path> s = Files.list(Fixtures.path(d))) {
                s.filter(p -> p.toString().endsWith(".vcf") || p.toString().endsWith(".vcf.gz")).sorted()
                        .forEach(all::add);
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyFixtureReadsAsGenvagViewReadsIt(Path vcf) throws IOException {
        List<String> expected;
        try {
            expected = wholeRead(vcf);
        } catch (InputException refused) {
            Exception e = assertThrows(Exception.class, () -> sites(vcf, 65_536));
            assertTrue(causes(e).contains(vcf.getFileName().toString()), causes(e));
            return;
        }
        assertTrue(!BROKEN.contains(vcf.getFileName().toString()));
        assertEquals(expected, sites(vcf, 65_536), "64 KiB partitions");
        assertEquals(expected, sites(vcf, 128L << 20), "default partitions");
    }

    @Test
    void typedInfoAndFormatValuesEqualBcftools() {
        Path vcf = Fixtures.path("vcf/chr22.vcf.gz");
        List<String> peer = PeerTool.require("bcftools").runText("query", "-f",
                "%CHROM\t%POS\t%INFO/AN\t%INFO/AF\t%INFO/AC\t%INFO/VT[\t%GT %DS]\n", vcf.toString()).lines().toList();
        List<Row> rows = read(vcf, 65_536).selectExpr("contig", "start", "INFO_AN", "INFO_AF", "INFO_AC",
                "INFO_VT", "transform(genotypes, g -> concat(g.GT, ' ', cast(g.DS as string)))").collectAsList();
        assertEquals(peer.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String[] p = peer.get(i).split("\t");
            Row r = rows.get(i);
            String where = "record " + i + ": " + peer.get(i).substring(0, Math.min(60, peer.get(i).length()));
            assertEquals(p[0], r.getString(0), where);
            assertEquals(Long.parseLong(p[1]) - 1, r.getLong(1), where);
            assertEquals(p[2], r.isNullAt(2) ? "." : String.valueOf(r.getInt(2)), where);
            assertFloat(p[3], r.isNullAt(3) ? null : r.getDouble(3), where);
            assertEquals(p[4], r.isNullAt(4) ? "." : String.join(",", r.<Integer>getList(4).stream()
                    .map(String::valueOf).toList()), where);
            assertEquals(p[5], r.isNullAt(5) ? "." : r.getString(5), where);
            List<String> genotypes = r.getList(6);
            assertEquals(p.length - 6, genotypes.size(), where);
            for (int s = 0; s < genotypes.size(); s++) {
                String[] peerGenotype = p[6 + s].split(" ");
                String[] ours = genotypes.get(s).split(" ");
                assertEquals(peerGenotype[0], ours[0], where + " sample " + s);
                assertFloat(peerGenotype[1], Double.parseDouble(ours[1]), where + " sample " + s);
            }
        }
    }

    @Test
    void onlyAskedForColumnsAreDecoded() throws IOException {
        Path vcf = dir.resolve("bad-dp.vcf");
        Files.writeString(vcf, "##fileformat=VCFv4.2\n##contig=<ID=1,length=1000>\n"
                + "##INFO=<ID=DP,Number=1,Type=Integer,Description=\"depth\">\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n"
                + "1\t10\t.\tA\tC\t.\tPASS\tDP=12\n1\t20\t.\tA\tG\t.\tPASS\tDP=lots\n");
        assertEquals(List.of(9L, 19L), read(vcf, 65_536).select("start").collectAsList().stream()
                .map(r -> r.getLong(0)).toList());
        Exception e = assertThrows(Exception.class, () -> read(vcf, 65_536).select("INFO_DP").collectAsList());
        assertTrue(causes(e).contains(vcf + ": the record after offset"), causes(e));
        assertTrue(causes(e).contains("INFO/DP must be a whole number, found 'lots'"), causes(e));
    }

    @Test
    void severalFilesMakeOneSchemaWideningWhatTheyDeclareDifferently() throws IOException {
        Path a = dir.resolve("a.vcf");
        Path b = dir.resolve("b.vcf");
        String head = "##fileformat=VCFv4.2\n##INFO=<ID=DP,Number=%s,Type=%s,Description=\"d\">\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n";
        Files.writeString(a, String.format(head, "1", "Integer") + "1\t5\t.\tA\tC\t.\t.\tDP=3\n");
        Files.writeString(b, String.format(head, "1", "Integer") + "2\t7\t.\tG\tT\t.\t.\tDP=4\n");
        assertEquals("[[1,3], [2,4]]", both(a, b).select("contig", "INFO_DP").collectAsList().toString());
        Files.writeString(b, String.format(head, "A", "Float") + "2\t7\t.\tG\tT,C\t.\t.\tDP=4.5,.\n");
        assertEquals("[[1,WrappedArray(3.0)], [2,WrappedArray(4.5, null)]]".replace("WrappedArray", "ArraySeq"),
                both(a, b).select("contig", "INFO_DP").collectAsList().toString());
        Files.writeString(b, String.format(head, "0", "Flag") + "2\t7\t.\tG\tT\t.\t.\tDP\n");
        Exception e = assertThrows(Exception.class, () -> both(a, b).collectAsList());
        assertTrue(causes(e).contains("INFO/DP is declared as FLAG single value, but"), causes(e));
    }

    private static Dataset<Row> both(Path a, Path b) {
        return session().read().format("genvag-vcf").load(a.toString(), b.toString());
    }

    @Test
    void aGziIndexSplitsAtItsBlocksAndReadsTheSameRecords() throws IOException {
        Path vcf = dir.resolve("indexed.vcf.gz");
        Files.copy(Fixtures.path("vcf/chr22.vcf.gz"), vcf);
        PeerTool.require("bgzip").run("-r", vcf.toString());
        Path gzi = dir.resolve("indexed.vcf.gz.gzi");
        assertTrue(Files.size(gzi) > 8);
        List<String> expected = wholeRead(vcf);
        for (long size : new long[] {1000, 65_536}) {
            assertEquals(expected, sites(vcf, size), "partitions of " + size + " bytes with the .gzi");
        }
        String plan = read(vcf, 65_536).queryExecution().executedPlan().toString();
        assertTrue(plan.contains(".gzi index"), plan);

        byte[] bytes = Files.readAllBytes(gzi);
        for (int entry = 8; entry < bytes.length; entry += 16) {
            bytes[entry] += 1;   // every listed block one byte off: no block starts there
        }
        Files.write(gzi, bytes);
        Exception wrong = assertThrows(Exception.class, () -> sites(vcf, 65_536));
        assertTrue(causes(wrong).contains("not a BGZF block"), causes(wrong));

        Files.setLastModifiedTime(gzi, FileTime.fromMillis(Files.getLastModifiedTime(vcf).toMillis() - 60_000));
        Exception stale = assertThrows(Exception.class, () -> sites(vcf, 65_536));
        assertTrue(causes(stale).contains(".gzi is older than"), causes(stale));
    }

    static List<String> wholeRead(Path vcf) throws IOException {
        List<String> out = new ArrayList<>();
        try (VcfReader reader = VcfReader.open(vcf.toString(), 1)) {
            VcfRecord r = new VcfRecord();
            while (reader.next(r)) {
                String id = r.id();
                String qual = r.column(5);
                String filter = r.filter();
                out.add(r.contigName() + "|" + (r.pos() - 1) + "|" + r.endPos() + "|" + (id.equals(".") ? "null" : id)
                        + "|" + r.ref() + "|" + (r.alt().equals(".") ? "" : r.alt()) + "|"
                        + (qual.equals(".") ? "null" : String.valueOf(r.qual())) + "|"
                        + (filter.equals(".") ? "null" : filter));
            }
        }
        return out;
    }

    private List<String> sites(Path vcf, long partitionBytes) {
        return read(vcf, partitionBytes).selectExpr("contig", "start", "end", "id", "ref",
                "array_join(alts, ',')", "qual", "array_join(filters, ';')").collectAsList().stream()
                .map(r -> r.getString(0) + "|" + r.getLong(1) + "|" + r.getLong(2) + "|" + r.getString(3) + "|"
                        + r.getString(4) + "|" + r.getString(5) + "|" + (r.isNullAt(6) ? "null" : r.getDouble(6))
                        + "|" + r.getString(7))
                .toList();
    }

    static Dataset<Row> read(Path vcf, long partitionBytes) {
        return session().read().format("genvag-vcf").option("partitionBytes", partitionBytes).load(vcf.toString());
    }

    static SparkSession session() {
        return LocalSpark.get();
    }

    private static void assertFloat(String peer, Double ours, String where) {
        if (peer.equals(".")) {
            assertEquals(null, ours, where);
            return;
        }
        double p = Double.parseDouble(peer);
        assertTrue(ours != null && Math.abs(p - ours) <= 1e-5 * Math.abs(p) + 1e-6, where + ": bcftools " + peer
                + ", genvag " + ours);
    }

    /** Every message in the cause chain (Spark wraps a task's exception). */
    static String causes(Throwable e) {
        StringBuilder s = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            s.append(t.getMessage()).append('\n');
        }
        return s.toString();
    }
}
