// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.consequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.genvag.core.error.InputException;
import org.genvag.testsupport.Fixtures;
import org.genvag.testsupport.PeerTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference against the records and the annotation, on bcftools csq's NDNF case. An IUPAC code where the record
 * is (GRCh38 has a few): the record has REF T at 4:1944; with Y (C or T) there in the FASTA it is annotated, with R
 * (A or G) it is a mismatch, an error naming the line. A FASTA whose contig ends before the annotation's exons (the
 * two of different builds) is an error naming the annotation, the transcript and the contig's length.
 */
class CsqReferenceCheckTest {
    private static final Path DIR = Fixtures.path("bcftools-csq/ENSG00000173376");

    @TempDir
    Path tmp;

    @Test
    void anAmbiguityCodeThatAllowsRefMatchesIt() throws IOException {
        CsqJob.Result r = run(fasta('Y'));
        assertEquals(1, r.annotated());
        assertEquals(0, r.refMismatches());
    }

    @Test
    void anAmbiguityCodeThatDoesNotAllowRefIsAMismatch() throws IOException {
        Path fasta = fasta('R');
        InputException e = assertThrows(InputException.class, () -> run(fasta));
        assertTrue(e.getMessage().contains("REF T at 4:1944 is not the reference's R"), e.getMessage());
    }

    @Test
    void anAnnotationBeyondTheReferencesEndIsAnErrorNotACrash() throws IOException {
        String text = Files.readString(DIR.resolve("ENSG00000173376.fa"), StandardCharsets.US_ASCII);
        int header = text.indexOf('\n') + 1;
        int width = text.indexOf('\n', header) - header;
        // 40 lines of bases: the record's position (1944) is kept, NDNF's exons out to 37 kb are not.
        Path shorter = tmp.resolve("short.fa");
        Files.writeString(shorter, text.substring(0, header + 40 * (width + 1)), StandardCharsets.US_ASCII);
        PeerTool.require("samtools").run("faidx", shorter.toString());
        InputException e = assertThrows(InputException.class, () -> run(shorter));
        assertTrue(e.getMessage().contains("ENSG00000173376.gff: transcript ENST")
                && e.getMessage().contains("runs past the end of 4 in the reference (" + 40 * width + " bases)")
                && e.getMessage().contains("different builds"), e.getMessage());
    }

    private CsqJob.Result run(Path fasta) throws IOException {
        return CsqJob.run(new CsqJob.Request(DIR.resolve("synon.vcf").toString(), tmp.resolve("out.vcf").toString(),
                null, DIR.resolve("ENSG00000173376.gff"), fasta, TranscriptSet.ALL, false, 1),
                new PrintWriter(new StringWriter()));
    }

    /** The fixture's FASTA with {@code code} at 4:1944, indexed by samtools. */
    private Path fasta(char code) throws IOException {
        String text = Files.readString(DIR.resolve("ENSG00000173376.fa"), StandardCharsets.US_ASCII);
        int header = text.indexOf('\n') + 1;
        int width = text.indexOf('\n', header) - header;
        int at = header + (1944 - 1) / width * (width + 1) + (1944 - 1) % width;
        assertEquals('T', Character.toUpperCase(text.charAt(at)), "the fixture's base at 4:1944");
        Path out = tmp.resolve(code + ".fa");
        Files.writeString(out, text.substring(0, at) + code + text.substring(at + 1), StandardCharsets.US_ASCII);
        PeerTool.require("samtools").run("faidx", out.toString());
        return out;
    }
}
