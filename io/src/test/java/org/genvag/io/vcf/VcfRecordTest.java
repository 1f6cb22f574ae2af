// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.vcf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.genvag.core.error.InputException;
import org.junit.jupiter.api.Test;

class VcfRecordTest {
    private static final String HEADER = """
            ##fileformat=VCFv4.3
            ##contig=<ID=chr1,length=1000000>
            ##contig=<ID=chr2,length=1000000>
            ##INFO=<ID=AC,Number=A,Type=Integer,Description="x">
            ##INFO=<ID=MLEAC,Number=A,Type=Integer,Description="x">
            ##INFO=<ID=END,Number=1,Type=Integer,Description="x">
            ##INFO=<ID=DB,Number=0,Type=Flag,Description="x">
            ##FORMAT=<ID=GT,Number=1,Type=String,Description="x">
            ##FORMAT=<ID=DP,Number=1,Type=Integer,Description="x">
            ##FORMAT=<ID=AD,Number=R,Type=Integer,Description="x">
            #CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\tS2
            """;

    static VcfReader reader(String records) throws IOException {
        byte[] bytes = (HEADER + records).getBytes(StandardCharsets.US_ASCII);
        return VcfReader.open(new ByteArrayInputStream(bytes), "t.vcf", 1);
    }

    @Test
    void decodesColumnsOnDemand() throws IOException {
        try (VcfReader r = reader("chr1\t12345\trs1\tACG\tA,AT\t50.5\tPASS\tMLEAC=9;AC=1,2;DB;END=12399\tGT:DP:AD\t0/1:30:10,20\t1/1:7\n"
                + "chr2\t7\t.\tT\t.\t.\tq10;LowQual\t.\tGT\t0/0\t./.\n")) {
            VcfRecord rec = new VcfRecord();
            assertTrue(r.next(rec));
            assertEquals(0, rec.contig());
            assertEquals("chr1", rec.contigName());
            assertEquals(12345, rec.pos());
            assertEquals("rs1", rec.id());
            assertEquals("ACG", rec.ref());
            assertEquals(3, rec.refLength());
            assertEquals(2, rec.altCount());
            assertEquals(50.5, rec.qual());
            assertTrue(rec.isPass());
            // "AC" must not match inside "MLEAC"; a flag has an empty value; END drives endPos.
            assertEquals("1,2", rec.infoString(FieldKey.of("AC")));
            assertEquals("9", rec.infoString(FieldKey.of("MLEAC")));
            assertEquals("", rec.infoString(FieldKey.of("DB")));
            assertFalse(rec.hasInfo(FieldKey.of("D")));
            assertEquals(12399, rec.endPos());
            assertEquals(2, rec.sampleCount());
            int ad = rec.formatIndex(FieldKey.of("AD"));
            assertEquals(2, ad);
            assertEquals("10,20", rec.text(rec.sampleValue(0, ad)));
            assertEquals(-1, rec.sampleValue(1, ad), "trailing subfields may be dropped");
            assertEquals("7", rec.text(rec.sampleValue(1, rec.formatIndex(FieldKey.of("DP")))));

            assertTrue(r.next(rec));
            assertEquals(1, rec.contig());
            assertEquals(0, rec.altCount());
            assertTrue(Double.isNaN(rec.qual()));
            assertFalse(rec.isPass());
            assertEquals(7, rec.endPos());
            assertEquals(-1, rec.info(FieldKey.of("AC")));
            assertFalse(r.next(rec));
        }
    }

    @Test
    void infoKeysMatchWholeEntriesOnly() throws IOException {
        try (VcfReader r = reader("chr1\t1\t.\tA\tC\t.\t.\tDP4=1,2,3,4;XDP=9;DP=5;NOTE=DP=7\tGT\t0\t0\n"
                + "chr1\t2\t.\tA\tC\t.\t.\tDP=6\tGT\t0\t0\n")) {
            VcfRecord rec = new VcfRecord();
            r.next(rec);
            assertEquals(5, rec.infoLong(FieldKey.of("DP"), -1), "not DP4, not XDP, not inside NOTE's value");
            assertEquals("1,2,3,4", rec.infoString(FieldKey.of("DP4")));
            assertEquals("DP=7", rec.infoString(FieldKey.of("NOTE")));
            assertFalse(rec.hasInfo(FieldKey.of("D")));
            r.next(rec);
            assertEquals(6, rec.infoLong(FieldKey.of("DP"), -1), "key at the very start of INFO");
        }
    }

    @Test
    void malformedFieldsNameFileAndLine() throws IOException {
        // The reader checks POS and the column count of every record as it reads it: no command passes either on.
        try (VcfReader r = reader("chr1\t12x\t.\tA\tC\t.\t.\t.\tGT\t0\t1\n")) {
            InputException e = assertThrows(InputException.class, () -> r.next(new VcfRecord()));
            assertEquals("t.vcf:12: POS must be a whole number, found '12x'", e.getMessage());
            assertEquals("t.vcf", e.source());
            assertEquals(12, e.line());
            assertEquals("POS must be a whole number, found '12x'", e.detail());
        }
        try (VcfReader r = reader("chr1\t5\t.\tA\n")) {
            InputException e = assertThrows(InputException.class, () -> r.next(new VcfRecord()));
            assertEquals("t.vcf:12: expected 11 columns (CHROM to INFO, FORMAT and the header's 2 samples), found 4",
                    e.getMessage());
        }
        // A view detached from a reader still names a missing column when asked for it.
        VcfRecord detached = new VcfRecord();
        ByteBuffer line = ByteBuffer.allocateDirect(16).order(ByteOrder.LITTLE_ENDIAN);
        line.put("chr1\t5\t.\tA".getBytes(StandardCharsets.US_ASCII)).flip();
        detached.setDetached(line, 0, line.limit(), 13, "t.vcf");
        InputException e = assertThrows(InputException.class, detached::altStart);
        assertEquals("t.vcf:13: expected at least 5 tab-separated columns, found 4", e.getMessage());
    }

    @Test
    void requireSortedRejectsOutOfOrderRecords() throws IOException {
        try (VcfReader r = reader("chr1\t10\t.\tA\tC\t.\t.\t.\tGT\t0\t1\nchr1\t9\t.\tA\tC\t.\t.\t.\tGT\t0\t1\n")
                .requireSorted()) {
            VcfRecord rec = new VcfRecord();
            r.next(rec);
            InputException e = assertThrows(InputException.class, () -> r.next(rec));
            assertEquals("t.vcf:13: unsorted input: POS 9 after 10 on 'chr1'; sort it (bcftools sort) first",
                    e.getMessage());
        }
        try (VcfReader r = reader("chr1\t10\t.\tA\tC\t.\t.\t.\tGT\t0\t1\nchr2\t1\t.\tA\tC\t.\t.\t.\tGT\t0\t1\n"
                + "chr1\t20\t.\tA\tC\t.\t.\t.\tGT\t0\t1\n")
                .requireSorted()) {
            VcfRecord rec = new VcfRecord();
            r.next(rec);
            r.next(rec);
            InputException e = assertThrows(InputException.class, () -> r.next(rec));
            assertTrue(e.getMessage().startsWith("t.vcf:14: unsorted input: contig 'chr1' appears again"),
                    e.getMessage());
        }
    }

    @Test
    void headerProblemsAreNamed() {
        InputException e = assertThrows(InputException.class, () -> VcfReader.open(
                new ByteArrayInputStream("chr1\t1\t.\tA\tC\n".getBytes()), "x.vcf", 1));
        assertEquals("x.vcf:1: expected the VCF header line '##fileformat=VCFv4.x', found 'chr1\t1\t.\tA\tC'",
                e.getMessage());
        e = assertThrows(InputException.class, () -> VcfReader.open(
                new ByteArrayInputStream("##fileformat=VCFv4.2\nchr1\t1\n".getBytes()), "x.vcf", 1));
        assertTrue(e.getMessage().startsWith("x.vcf:1: expected the column header line"), e.getMessage());
    }

    @Test
    void undeclaredKeysWarnAndStrictMakesThemErrors() throws IOException {
        String records = "chr1\t10\t.\tA\tC\t.\tPASS\tXX=1\tGT:YY\t0/1:3\t0/0:1\nchr9\t5\t.\tA\tQ\t.\t.\t.\tGT\t0\t0\n";
        try (VcfReader r = reader(records)) {
            var problems = VcfValidator.problems(r, false);
            assertEquals(4, problems.size(), problems.toString());
            assertEquals("t.vcf:12: warning: INFO key 'XX' is not declared in the header", problems.get(0).toString());
            assertEquals("t.vcf:12: warning: FORMAT key 'YY' is not declared in the header", problems.get(1).toString());
            assertEquals("t.vcf:13: warning: contig 'chr9' is not declared in the header", problems.get(2).toString());
            assertEquals("t.vcf:13: error: ALT allele 'Q' is not bases (A, C, G, T, N), '*', a symbolic <ID> or a "
                    + "breakend",
                    problems.get(3).toString());
        }
        try (VcfReader r = reader(records)) {
            assertTrue(VcfValidator.problems(r, true).stream().allMatch(VcfProblem::error));
        }
    }
}
