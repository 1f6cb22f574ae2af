// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.consequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.genvag.core.error.InputException;
import org.genvag.testdata.CodingGenomeGenerator;
import org.genvag.testsupport.Fixtures;
import org.genvag.testsupport.PeerTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference against the records and the annotation, on bcftools csq's NDNF case. An IUPAC code where the record
 * is (GRCh38 has a few): the record has REF T at 4:1944; with Y (C or T) there in the FASTA it is annotated, with R
 * (A or G) it is a mismatch, an error naming the line. A FASTA whose contig ends before the annotation's exons (the
 * two of different builds) is an error naming the annotation, the transcript and the contig's length; one whose
 * bases are another build's (same contig, same length) is told by its transcripts' start codons.
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

    @Test
    void anAnnotationOfAnotherBuildIsAnErrorOrWithLenientAWarning() throws IOException {
        // 200 generated genes, their FASTA rotated by 1,000 bases: the same contig and length, other bases (as a
        // GRCh37 annotation would see a GRCh38 reference). SNVs whose REF is the rotated FASTA's keep the REF check
        // quiet: only the transcripts' start codons tell.
        CodingGenomeGenerator.Output g = CodingGenomeGenerator.write(tmp, "chrS", 200, 20261129L);
        String fa = Files.readString(g.fasta(), StandardCharsets.US_ASCII);
        int header = fa.indexOf('\n') + 1;
        String bases = fa.substring(header).replace("\n", "");
        String rotated = bases.substring(1000) + bases.substring(0, 1000);
        StringBuilder other = new StringBuilder(fa.substring(0, header));
        for (int i = 0; i < rotated.length(); i += 60) {
            other.append(rotated, i, Math.min(rotated.length(), i + 60)).append('\n');
        }
        Path otherFasta = Files.writeString(tmp.resolve("other.fa"), other, StandardCharsets.US_ASCII);
        PeerTool.require("samtools").run("faidx", otherFasta.toString());
        StringBuilder vcf = new StringBuilder("##fileformat=VCFv4.2\n##contig=<ID=chrS,length=" + rotated.length()
                + ">\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n");
        for (int pos = 500; pos < rotated.length(); pos += 997) {
            char ref = rotated.charAt(pos - 1);
            vcf.append("chrS\t").append(pos).append("\t.\t").append(ref).append('\t').append(ref == 'A' ? 'C' : 'A')
                    .append("\t.\t.\t.\n");
        }
        Path snvs = Files.writeString(tmp.resolve("snvs.vcf"), vcf);
        Path out = tmp.resolve("other-build.vcf");
        InputException e = assertThrows(InputException.class, () -> CsqJob.run(new CsqJob.Request(snvs.toString(),
                out.toString(), null, g.gff(), otherFasta, TranscriptSet.ALL, false, 1),
                new PrintWriter(new StringWriter())));
        assertTrue(e.getMessage().contains("begin with ATG") && e.getMessage().contains("different builds"),
                e.getMessage());
        assertFalse(Files.exists(out), "no output");
        StringWriter log = new StringWriter();
        CsqJob.run(new CsqJob.Request(snvs.toString(), out.toString(), null, g.gff(), otherFasta, TranscriptSet.ALL,
                true, 1), new PrintWriter(log, true));
        assertTrue(Files.exists(out) && log.toString().contains("warning") && log.toString().contains("ATG"),
                log.toString());
        // The annotation's own FASTA passes: its generated genes begin with ATG.
        CsqJob.Result own = CsqJob.run(new CsqJob.Request(g.vcf().toString(), tmp.resolve("own.vcf").toString(), null,
                g.gff(), g.fasta(), TranscriptSet.ALL, false, 1), new PrintWriter(new StringWriter()));
        assertTrue(own.annotated() > 1000, own.toString());
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
