// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.consequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.genvag.core.error.InputException;
import org.genvag.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --transcripts mane} on bcftools csq's NDNF case (two transcripts of one gene, real Ensembl GFF3 without
 * tags): refused when nothing is tagged MANE Select; with one transcript tagged, the synonymous SNV gets that
 * transcript's entry alone; with only a far-away transcript tagged, the SNV (inside NDNF) gets no entry, not
 * {@code intergenic_variant}.
 */
class CsqTranscriptSetTest {
    private static final Path DIR = Fixtures.path("bcftools-csq/ENSG00000173376");

    @TempDir
    Path tmp;

    @Test
    void maneOnAnAnnotationWithoutManeTagsIsRefused() {
        InputException e = assertThrows(InputException.class, () -> csq(DIR.resolve("ENSG00000173376.gff"),
                TranscriptSet.MANE));
        assertTrue(e.getMessage().contains("no transcript is tagged MANE Select"), e.getMessage());
        assertTrue(e.getMessage().contains("ENSG00000173376.gff"), e.getMessage());
    }

    @Test
    void maneKeepsTheTaggedTranscriptOnly() throws IOException {
        Path gff = tagged("ID=transcript:ENST00000379692;", "");
        List<String> entries = csq(gff, TranscriptSet.MANE);
        assertEquals(1, entries.size(), entries.toString());
        assertTrue(entries.get(0).contains("|synonymous_variant|LOW|NDNF|ENSG00000173376|Transcript|ENST00000379692|"),
                entries.get(0));
        assertEquals(2, csq(gff, TranscriptSet.ALL).size(), "both transcripts without the filter");
    }

    @Test
    void anAlleleNearOnlyUnchosenTranscriptsIsNotIntergenic() throws IOException {
        // The MANE Select transcript is a gene 30 Mb away: NDNF's transcripts are near the SNV but not chosen.
        String far = "4\ttest\tgene\t30000000\t30001000\t.\t+\t.\tID=gene:GFAR;Name=FAR;biotype=protein_coding\n"
                + "4\ttest\tmRNA\t30000000\t30001000\t.\t+\t.\tID=transcript:TFAR;Parent=gene:GFAR;"
                + "biotype=protein_coding;tag=MANE_Select\n"
                + "4\ttest\texon\t30000000\t30001000\t.\t+\t.\tParent=transcript:TFAR\n";
        List<String> entries = csq(tagged("@none@", far), TranscriptSet.MANE);
        assertEquals(List.of(), entries, "no entry: the SNV lies in NDNF");
        assertFalse(entries.stream().anyMatch(x -> x.contains("intergenic")));
    }

    /** The fixture's GFF with {@code ;tag=MANE_Select} added to the line containing {@code marker}, plus lines. */
    private Path tagged(String marker, String extra) throws IOException {
        StringBuilder out = new StringBuilder();
        for (String line : Files.readAllLines(DIR.resolve("ENSG00000173376.gff"))) {
            out.append(line.contains(marker) ? line + ";tag=MANE_Select" : line).append('\n');
        }
        out.append(extra);
        return Files.writeString(tmp.resolve("tagged.gff3"), out);
    }

    /** The CSQ entries genvag csq writes for the fixture's one record. */
    private List<String> csq(Path gff, TranscriptSet set) throws IOException {
        Path out = tmp.resolve("out-" + set.optionName() + ".vcf");
        CsqJob.run(new CsqJob.Request(DIR.resolve("synon.vcf").toString(), out.toString(), null, gff,
                DIR.resolve("ENSG00000173376.fa"), set, false, 1), new PrintWriter(Writer.nullWriter()));
        List<String> entries = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.US_ASCII)) {
            if (line.startsWith("#")) {
                continue;
            }
            String info = line.split("\t")[7];
            for (String kv : info.split(";")) {
                if (kv.startsWith("CSQ=")) {
                    entries.addAll(List.of(kv.substring(4).split(",")));
                }
            }
        }
        return entries;
    }
}
