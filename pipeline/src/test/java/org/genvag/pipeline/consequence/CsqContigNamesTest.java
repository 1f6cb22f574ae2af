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
import java.util.ArrayList;
import java.util.List;

import org.genvag.core.error.InputException;
import org.genvag.testsupport.Fixtures;
import org.genvag.testsupport.PeerTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A VCF and FASTA that name contigs the UCSC way ("chr4") against bcftools csq's NDNF case, whose Ensembl GFF3 says
 * "4": the consequences are those of the matching names, and the run says which contigs it matched. A GFF naming
 * contigs by RefSeq accession (NC_000004.12) shares no contig with the VCF: an error, and no output. Records on a
 * contig without transcripts (an unplaced one) are intergenic, and the run names the contig and its count.
 */
class CsqContigNamesTest {
    private static final Path DIR = Fixtures.path("bcftools-csq/ENSG00000173376");

    @TempDir
    Path tmp;

    @Test
    void ucscNamesFindEnsemblTranscripts() throws IOException {
        Path vcf = renamedVcf("chr4", "");
        Path fasta = renamedFasta("chr4", "");
        StringWriter log = new StringWriter();
        List<String> renamed = csqValues(vcf, DIR.resolve("ENSG00000173376.gff"), fasta, log);
        StringWriter plainLog = new StringWriter();
        List<String> plain = csqValues(DIR.resolve("synon.vcf"), DIR.resolve("ENSG00000173376.gff"),
                DIR.resolve("ENSG00000173376.fa"), plainLog);
        assertEquals(plain, renamed);
        assertTrue(plain.get(0).contains("synonymous_variant"), plain.get(0));
        assertTrue(log.toString().contains("contigs matched across naming conventions (VCF = annotation): "
                + "chr4 = 4"), log.toString());
        assertFalse(plainLog.toString().contains("matched across"), plainLog.toString());
    }

    @Test
    void anAnnotationThatSharesNoContigWithTheVcfIsAnError() throws IOException {
        Path gff = tmp.resolve("refseq.gff3");
        StringBuilder text = new StringBuilder();
        for (String line : Files.readAllLines(DIR.resolve("ENSG00000173376.gff"))) {
            text.append(line.startsWith("4\t") ? "NC_000004.12" + line.substring(1) : line).append('\n');
        }
        Files.writeString(gff, text);
        Path out = tmp.resolve("refseq-out.vcf");
        InputException e = assertThrows(InputException.class, () -> CsqJob.run(new CsqJob.Request(
                renamedVcf("chr4", "").toString(), out.toString(), null, gff, renamedFasta("chr4", ""),
                TranscriptSet.ALL, false, 1), new PrintWriter(new StringWriter())));
        assertTrue(e.getMessage().contains("no record lies on a contig with transcripts")
                && e.getMessage().contains("chr4 (1)") && e.getMessage().contains("NC_000004.12"), e.getMessage());
        assertFalse(Files.exists(out), "no output when the run fails");
    }

    @Test
    void recordsOnContigsWithoutTranscriptsAreIntergenicAndCounted() throws IOException {
        Path vcf = renamedVcf("chr4", "chrUn_KI270302v1\t5\t.\tA\tG\t.\t.\t.\n");
        Path fasta = renamedFasta("chr4", ">chrUn_KI270302v1\nACGTACGTAC\n");
        StringWriter log = new StringWriter();
        List<String> values = csqValues(vcf, DIR.resolve("ENSG00000173376.gff"), fasta, log);
        assertEquals(2, values.size());
        assertEquals("G|intergenic_variant|MODIFIER|||||||||||||||||", values.get(1));
        assertTrue(log.toString().contains("1 records on contigs with no transcript in")
                && log.toString().contains("chrUn_KI270302v1 (1)"), log.toString());
    }

    /** The fixture's VCF with its contig renamed and {@code extra} records appended. */
    private Path renamedVcf(String contig, String extra) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String line : Files.readAllLines(DIR.resolve("synon.vcf"))) {
            text.append(line.startsWith("4\t") ? contig + line.substring(1) : line).append('\n');
        }
        return Files.writeString(tmp.resolve(contig + "-" + extra.length() + ".vcf"), text + extra);
    }

    /** The fixture's FASTA with its contig renamed and {@code extra} contigs appended, indexed by samtools. */
    private Path renamedFasta(String contig, String extra) throws IOException {
        String text = Files.readString(DIR.resolve("ENSG00000173376.fa"), StandardCharsets.US_ASCII)
                .replaceFirst(">4", ">" + contig);
        Path fasta = Files.writeString(tmp.resolve(contig + "-" + extra.length() + ".fa"), text + extra);
        PeerTool.require("samtools").run("faidx", fasta.toString());
        return fasta;
    }

    /** Each record's CSQ value, in order. */
    private List<String> csqValues(Path vcf, Path gff, Path fasta, StringWriter log) throws IOException {
        Path out = tmp.resolve("out-" + vcf.getFileName());
        CsqJob.run(new CsqJob.Request(vcf.toString(), out.toString(), null, gff, fasta, TranscriptSet.ALL, false, 1),
                new PrintWriter(log, true));
        List<String> values = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.US_ASCII)) {
            if (!line.startsWith("#")) {
                String info = line.split("\t")[7];
                values.add(info.substring(info.indexOf("CSQ=") + 4));
            }
        }
        return values;
    }
}
