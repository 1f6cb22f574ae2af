// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.vcf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.Row;
import org.genvag.io.vcf.FieldKey;
import org.genvag.io.vcf.VcfReader;
import org.genvag.io.vcf.VcfRecord;
import org.genvag.spark.LocalSpark;
import org.genvag.testdata.Contig;
import org.genvag.testdata.SyntheticGenome;
import org.genvag.testdata.VcfGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated WGS-like VCF of about 1 GB (4.6 million records, BGZF) read in hundreds and in thousands of
 * partitions: per contig, the records, the sums of their starts, ends, REF lengths, ALT counts and INFO/DP equal
 * what genvag's whole-file reader sees, and no (contig, start) repeats (the generator never repeats a position), so
 * every record is read exactly once wherever the partition boundaries fall.
 */
class LargeVcfSplitTest {
    private static final long RECORDS = 4_600_000;
    private static final FieldKey DP = FieldKey.of("DP");

    @TempDir
    static Path dir;
    private static Path vcf;
    private static Map<String, List<Long>> expected;

    @BeforeAll
    static void generate() throws IOException {
        vcf = dir.resolve("wgs.vcf.gz");
        long written = new VcfGenerator(new SyntheticGenome(42), Contig.parse("GRCh38", true), 1, 42)
                .write(RECORDS, vcf);
        assertEquals(RECORDS, written);
        expected = new TreeMap<>();
        try (VcfReader reader = VcfReader.open(vcf.toString(), 2)) {
            VcfRecord r = new VcfRecord();
            while (reader.next(r)) {
                long[] sums = {1, r.pos() - 1, r.endPos(), r.refLength(), r.altCount(), r.infoLong(DP, 0)};
                List<Long> known = expected.get(r.contigName());
                expected.put(r.contigName(), known == null ? List.of(sums[0], sums[1], sums[2], sums[3], sums[4],
                        sums[5]) : List.of(known.get(0) + sums[0], known.get(1) + sums[1], known.get(2) + sums[2],
                        known.get(3) + sums[3], known.get(4) + sums[4], known.get(5) + sums[5]));
            }
        }
    }

    @Test
    void aboutOneGigabyteUncompressed() throws IOException {
        long plain = 0;
        try (VcfReader reader = VcfReader.open(vcf.toString(), 2)) {
            VcfRecord r = new VcfRecord();
            while (reader.next(r)) {
                plain += r.length() + 1;
            }
        }
        assertTrue(plain > 900_000_000L, "uncompressed record bytes: " + plain);
        assertTrue(Files.size(vcf) > 150_000_000L, "compressed: " + Files.size(vcf));
    }

    @Test
    void oneMebibytePartitions() {
        assertSameAsWholeRead(1 << 20);
    }

    @Test
    void sixtyFourKibibytePartitions() {
        assertSameAsWholeRead(65_536);
    }

    private static void assertSameAsWholeRead(long partitionBytes) {
        var rows = LocalSpark.get().read().format("genvag-vcf").option("partitionBytes", partitionBytes)
                .load(vcf.toString());
        Map<String, List<Long>> actual = new TreeMap<>();
        rows.createOrReplaceTempView("wgs");
        for (Row r : LocalSpark.get().sql("select contig, count(*), sum(start), sum(end), sum(length(ref)), "
                + "sum(size(alts)), sum(coalesce(INFO_DP, 0)), count(distinct start) from wgs group by contig")
                .collectAsList()) {
            assertEquals(r.getLong(1), r.getLong(7), "a (contig, start) read twice on " + r.getString(0));
            actual.put(r.getString(0), List.of(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5),
                    r.getLong(6)));
        }
        assertEquals(expected, actual, "partitions of " + partitionBytes + " bytes");
    }
}
