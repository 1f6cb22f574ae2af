// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.biomarker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.genvag.core.biomarker.CodonMatch;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.io.kb.KnowledgeBaseReader;
import org.genvag.io.vcf.VcfReader;
import org.junit.jupiter.api.Test;

/** BRAF V600E in the shapes callers write it, through the bundled knowledge base, on both builds. */
class HotspotScannerTest {
    private static final String H38 = "##fileformat=VCFv4.2\n##contig=<ID=chr7,length=159345973>\n"
            + "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"g\">\n"
            + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR\n";
    private static final String H37 = "##fileformat=VCFv4.2\n##contig=<ID=7,length=159138663>\n"
            + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR\n";

    static CodonMatch.Status scan(String vcf, GenomeBuild build) throws IOException {
        try (VcfReader r = VcfReader.open(new ByteArrayInputStream(vcf.getBytes(StandardCharsets.US_ASCII)), "t.vcf",
                1)) {
            var findings = HotspotScanner.scan(r, KnowledgeBaseReader.bundled(), build, 0);
            assertEquals(1, findings.size());
            assertEquals("BRAF_V600E", findings.get(0).biomarker().id());
            return findings.get(0).match().status();
        }
    }

    @Test
    void snvOnBothBuildsAndNamingSchemes() throws IOException {
        assertEquals(CodonMatch.Status.MATCH, scan(H38 + "chr7\t140753336\t.\tA\tT\t.\tPASS\t.\tGT\t0/1\n",
                GenomeBuild.GRCH38));
        assertEquals(CodonMatch.Status.MATCH, scan(H37 + "7\t140453136\t.\tA\tT\t.\tPASS\t.\tGT\t0/1\n",
                GenomeBuild.GRCH37));
        // The GRCh38 position on a GRCh37 file is not V600E.
        assertEquals(CodonMatch.Status.NONE, scan(H37 + "7\t140753336\t.\tA\tT\t.\tPASS\t.\tGT\t0/1\n",
                GenomeBuild.GRCH37));
    }

    @Test
    void mnvOneRecordTwoPhasedRecordsAndMultiAllelic() throws IOException {
        assertEquals(CodonMatch.Status.MATCH, scan(H38 + "chr7\t140753335\t.\tCA\tTT\t.\tPASS\t.\tGT\t0/1\n",
                GenomeBuild.GRCH38));
        assertEquals(CodonMatch.Status.MATCH, scan(H38 + "chr7\t140753335\t.\tC\tT\t.\tPASS\t.\tGT:PS\t0|1:77\n"
                + "chr7\t140753336\t.\tA\tT\t.\tPASS\t.\tGT:PS\t0|1:77\n", GenomeBuild.GRCH38));
        assertEquals(CodonMatch.Status.MATCH, scan(H38 + "chr7\t140753336\t.\tA\tG,T\t.\tPASS\t.\tGT\t1/2\n",
                GenomeBuild.GRCH38));
    }

    @Test
    void v600kPhasedByGenotypeOrByMutect2PgtIsNotV600E() throws IOException {
        assertEquals(CodonMatch.Status.OTHER_CHANGE, scan(H38 + "chr7\t140753336\t.\tA\tT\t.\tPASS\t.\tGT:PS\t1|0:9\n"
                + "chr7\t140753337\t.\tC\tT\t.\tPASS\t.\tGT:PS\t1|0:9\n", GenomeBuild.GRCH38));
        assertEquals(CodonMatch.Status.OTHER_CHANGE, scan(H38
                + "chr7\t140753336\t.\tA\tT\t.\tPASS\t.\tGT:PGT:PID\t0/1:0|1:140753336_A_T\n"
                + "chr7\t140753337\t.\tC\tT\t.\tPASS\t.\tGT:PGT:PID\t0/1:0|1:140753336_A_T\n", GenomeBuild.GRCH38));
        assertEquals(CodonMatch.Status.AMBIGUOUS, scan(H38 + "chr7\t140753336\t.\tA\tT\t.\tPASS\t.\tGT\t0/1\n"
                + "chr7\t140753337\t.\tC\tT\t.\tPASS\t.\tGT\t0/1\n", GenomeBuild.GRCH38));
    }

    @Test
    void aFilteredCallIsReportedNotMatched() throws IOException {
        assertEquals(CodonMatch.Status.FILTERED, scan(H38 + "chr7\t140753336\t.\tA\tT\t.\tweak_evidence\t.\tGT\t0/1\n",
                GenomeBuild.GRCH38));
    }
}
