// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.biomarker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.genvag.core.error.InputException;
import org.genvag.io.kb.KnowledgeBaseReader;
import org.genvag.io.vcf.VcfReader;
import org.junit.jupiter.api.Test;

class ProteinAnnotationScannerTest {
    private static final String CSQ_HEADER = "##INFO=<ID=CSQ,Number=.,Type=String,Description=\"Consequence annotations "
            + "from Ensembl VEP. Format: Allele|Consequence|IMPACT|SYMBOL|Gene|Feature_type|Feature|BIOTYPE|EXON|INTRON"
            + "|HGVSc|HGVSp\">\n";
    private static final String ANN_HEADER = "##INFO=<ID=ANN,Number=.,Type=String,Description=\"Functional annotations:"
            + " 'Allele | Annotation | Annotation_Impact | Gene_Name | Gene_ID | Feature_Type | Feature_ID | "
            + "Transcript_BioType | Rank | HGVS.c | HGVS.p | cDNA.pos / cDNA.length '\">\n";

    static List<ProteinAnnotationScanner.Hit> scan(String header, String records) throws IOException {
        String vcf = "##fileformat=VCFv4.2\n" + header + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n" + records;
        try (VcfReader r = VcfReader.open(new ByteArrayInputStream(vcf.getBytes(StandardCharsets.UTF_8)), "a.vcf", 1)) {
            return ProteinAnnotationScanner.scan(r, KnowledgeBaseReader.bundled());
        }
    }

    // The NTRK positions below are placeholders: annotation matching reads gene and protein, not coordinates.
    @Test
    void vepCsqFindsV600eAndNtrkResistanceNotV600k() throws IOException {
        List<ProteinAnnotationScanner.Hit> hits = scan(CSQ_HEADER,
                "7\t140753336\t.\tA\tT\t.\tPASS\tCSQ=T|missense_variant|MODERATE|BRAF|ENSG00000157764|Transcript|"
                        + "ENST00000646891|protein_coding|15/18||ENST00000646891.2:c.1799T>A|ENSP00000493543.1:p.Val600Glu\n"
                        + "7\t140753336\t.\tAC\tTT\t.\tPASS\tCSQ=TT|missense_variant|MODERATE|BRAF|ENSG00000157764|"
                        + "Transcript|ENST00000646891|protein_coding|15/18||c.1798_1799delinsAA|ENSP00000493543.1:p.Val600Lys\n"
                        + "1\t156874571\t.\tG\tA\t.\tclustered_events\tCSQ=A|missense_variant|MODERATE|NTRK1|ENSG00000198400|"
                        + "Transcript|ENST00000524377|protein_coding|14/17||c.1783G>A|ENSP00000431418.1:p.Gly595Arg\n");
        assertEquals(2, hits.size(), hits.toString());
        assertEquals(new ProteinAnnotationScanner.Hit("BRAF_V600E", "BRAF", "p.Val600Glu", "7:140753336:A:T", true,
                null), hits.get(0));
        assertEquals("resistance", hits.get(1).what());
        assertEquals("NTRK1", hits.get(1).gene());
        assertEquals("G595R", hits.get(1).mutation().protein(), "the knowledge-base entry it matched");
        assertEquals(false, hits.get(1).pass(), "a filtered call is reported as filtered");
    }

    @Test
    void snpEffAnnFindsOneLetterForms() throws IOException {
        List<ProteinAnnotationScanner.Hit> hits = scan(ANN_HEADER,
                "chr7\t140753336\t.\tA\tT\t.\tPASS\tANN=T|missense_variant|MODERATE|BRAF|ENSG00000157764|transcript|"
                        + "ENST00000646891|protein_coding|15/18|c.1799T>A|p.V600E|1799/2301\n"
                        + "chr15\t88120000\t.\tC\tT\t.\tPASS\tANN=T|missense_variant|MODERATE|NTRK3|ENSG00000140538|"
                        + "transcript|ENST00000394480|protein_coding|16/20|c.1867G>A|p.G623R|1867/2520\n");
        assertEquals(List.of("BRAF_V600E", "resistance"), hits.stream().map(ProteinAnnotationScanner.Hit::what).toList());
    }

    @Test
    void aCsqWithoutHgvspIsNamed() {
        String header = "##INFO=<ID=CSQ,Number=.,Type=String,Description=\"Format: Allele|Consequence|SYMBOL\">\n";
        InputException e = assertThrows(InputException.class, () -> scan(header, ""));
        assertTrue(e.getMessage().startsWith("a.vcf: the CSQ format lacks Allele, Consequence, SYMBOL or HGVSp"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("it has [Allele, Consequence, SYMBOL]"), e.getMessage());
    }

    @Test
    void threeAndOneLetterFormsAreTheSame() {
        assertTrue(ProteinAnnotationScanner.same("p.V600E", "p.Val600Glu"));
        assertTrue(ProteinAnnotationScanner.same("p.(Gly595Arg)", "p.G595R"));
        assertTrue(!ProteinAnnotationScanner.same("p.V600K", "p.Val600Glu"));
    }
}
