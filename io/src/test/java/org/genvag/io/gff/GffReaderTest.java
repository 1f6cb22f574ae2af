// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.gff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.genvag.core.error.InputException;
import org.genvag.core.transcript.TranscriptChoice;
import org.genvag.core.transcript.TranscriptModels;
import org.genvag.core.transcript.TranscriptTag;
import org.genvag.testsupport.Fixtures;
import org.genvag.testsupport.PeerTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * GFF3 and GTF on real files: bcftools' csq test annotations (Ensembl GFF3 of human, mouse and dog transcripts,
 * NCBI-style viral and bacterial GFF3) and the same models written as GTF by gffread, an independent converter.
 */
class GffReaderTest {
    private static final Path CSQ = Fixtures.path("bcftools-csq");

    /**
     * bcftools' test files that are not valid GFF: genes with negative starts (its tests cut the genome short) and
     * attributes split by tabs. genvag refuses them, naming the line.
     */
    private static final Map<String, String> REFUSED = Map.of(
            "ENST00000230048.gff", ":1: start must be 1 or more", "ENST00000271583.gff", ":1: start must be 1 or more",
            "ENST00000400151.gff", ":1: start must be 1 or more", "ENST00000428061.gff", ":1: start must be 1 or more",
            "ENST00000518414-ENST00000521270.gff", ":1: start must be 1 or more",
            "ENST00000518414.gff", ":1: start must be 1 or more", "ENST00000571540.gff", ":1: start must be 1 or more",
            "ENST00000360372.gff", ":1: expected 9 tab-separated columns",
            "ENST00000420190.gff", ":1: expected 9 tab-separated columns");

    static Stream<Path> csqAnnotations() throws IOException {
        try (Stream<Path> s = Files.walk(CSQ)) {
            return s.filter(p -> p.toString().endsWith(".gff")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("csqAnnotations")
    void everyBcftoolsCsqAnnotationReadsOrIsRefusedForItsFault(Path gff) throws IOException {
        String name = gff.getFileName().toString();
        if (REFUSED.containsKey(name) && !gff.toString().contains("ENST00000422159/short")) {
            InputException e = assertThrows(InputException.class, () -> GffReader.read(gff));
            assertTrue(e.getMessage().startsWith(gff + REFUSED.get(name)), e.getMessage());
            return;
        }
        TranscriptModels m = GffReader.read(gff);
        assertTrue(m.transcriptCount() > 0, name);
        for (int t = 0; t < m.transcriptCount(); t++) {
            assertTrue(m.exonCount(t) > 0, m.transcriptId(t) + " has exons");
            int g = m.transcriptGene(t);
            assertTrue(m.geneStart(g) <= m.transcriptStart(t) && m.transcriptEnd(t) <= m.geneEnd(g),
                    m.transcriptId(t) + " within its gene");
        }
    }

    /** The model as text, per transcript: exons and CDS (with phase), IDs without GFF3's type prefixes. */
    private static Map<String, String> describe(TranscriptModels m) {
        Map<String, String> out = new TreeMap<>();
        for (int t = 0; t < m.transcriptCount(); t++) {
            StringBuilder b = new StringBuilder(m.geneContig(m.transcriptGene(t)) + m.geneStrand(m.transcriptGene(t)));
            for (int i = 0; i < m.exonCount(t); i++) {
                b.append(" e").append(m.exonStart(t, i)).append('-').append(m.exonEnd(t, i));
            }
            for (int i = 0; i < m.cdsCount(t); i++) {
                b.append(" c").append(m.cdsStart(t, i)).append('-').append(m.cdsEnd(t, i));
            }
            out.put(m.transcriptId(t).replace("transcript:", ""), b.toString());
        }
        return out;
    }

    /**
     * GFF3 and GTF of the same models give the same model: gffread writes each GFF3 as GTF, and every transcript it
     * writes has the same exons and CDS in genvag's reading of either.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"ENSG00000173376/ENSG00000173376.gff", "ENSMUST00000121418/ENSMUST00000121418.gff",
        "ENSMUST00000133836/ENSMUST00000133836.gff", "ENST00000000000/ENST00000000000.gff",
        "ENST00000269081/ENST00000269081.gff", "ENST00000301246/ENST00000301246.gff"})
    void gff3AndGffreadsGtfOfItGiveTheSameModels(String file, @TempDir Path dir) throws IOException {
        Path gff = CSQ.resolve(file);
        Path gtf = dir.resolve("x.gtf");
        Files.write(gtf, PeerTool.require("gffread").run("-T", gff.toString()));
        Map<String, String> fromGff = describe(GffReader.read(gff));
        Map<String, String> fromGtf = describe(GffReader.read(gtf));
        assertTrue(fromGtf.size() > 0, "gffread wrote transcripts");
        for (Map.Entry<String, String> e : fromGtf.entrySet()) {
            assertEquals(fromGff.get(e.getKey()), e.getValue(), e.getKey());
        }
    }

    private static TranscriptModels read(String text, Boolean gtf) throws IOException {
        return GffReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.gff", gtf);
    }

    private static final String GENE = "1\tx\tgene\t100\t900\t.\t+\t.\tID=gene:G1;Name=GENEA\n";
    private static final String TX = "1\tx\tmRNA\t100\t900\t.\t+\t.\tID=transcript:T1;Parent=gene:G1;tag=basic\n";

    static Stream<Arguments> malformed() {
        return Stream.of(
            Arguments.of("1\tx\texon\t100\t200\t.\t+\t.\tParent=transcript:T1\n1\tx\tCDS\t150\t250\t.\t+\t0\t"
                + "Parent=transcript:T1\n", "t.gff:4: CDS 150-250 of transcript 'T1' is not within one of its exons"),
            Arguments.of("1\tx\texon\t100\t200\t.\t+\t.\tParent=transcript:T9\n",
                "t.gff:3: transcript 'T9' is named as a parent but never defined"),
            Arguments.of("1\tx\texon\t100\t200\t.\t-\t.\tParent=transcript:T1\n",
                "t.gff:3: exon of transcript 'T1' is on 1 -, the transcript (line 2) on 1 +"),
            Arguments.of("1\tx\texon\t100\t950\t.\t+\t.\tParent=transcript:T1\n",
                "t.gff:3: exon 100-950 lies outside its transcript 'T1' (100-900, line 2)"),
            Arguments.of("1\tx\tCDS\t100\t200\t.\t+\t3\tParent=transcript:T1\n",
                "t.gff:3: CDS phase must be 0, 1, 2 or '.', found '3'"),
            Arguments.of("1\tx\texon\t200\t100\t.\t+\t.\tParent=transcript:T1\n", "t.gff:3: end 100 is before start 200"),
            Arguments.of("1\tx\texon\t100\t200\t.\t+\tParent=transcript:T1\n", "t.gff:3: expected 9 tab-separated columns"),
            Arguments.of("1\tx\texon\t1x0\t200\t.\t+\t.\tParent=transcript:T1\n",
                "t.gff:3: start must be a whole number, found '1x0'"),
            Arguments.of("1\tx\texon\t100\t200\t.\t.\t.\tParent=transcript:T1\n",
                "t.gff:3: exon strand must be + or -, found '.'"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformed")
    void malformedOrInconsistentLinesAreNamed(String lines, String message) {
        InputException e = assertThrows(InputException.class, () -> read(GENE + TX + lines, false));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void aTranscriptWithoutParentGeneIsRefused() {
        InputException e = assertThrows(InputException.class, () -> read(
                "1\tx\tmRNA\t100\t900\t.\t+\t.\tID=transcript:T1;Parent=gene:G7\n"
                        + "1\tx\texon\t100\t200\t.\t+\t.\tParent=transcript:T1\n", false));
        assertEquals("t.gff:1: gene 'G7' is named as a parent but never defined", e.getMessage());
    }

    /** The protein a CDS encodes, as Ensembl's GFF3 and a GTF name it; none where the CDS lines name none. */
    @Test
    void proteinIdsFromCdsLines() throws IOException {
        TranscriptModels ensembl = GffReader.read(CSQ.resolve("ENST00000341065/ENST00000341065.gff"));
        assertEquals("ENSP00000349216", ensembl.proteinId(ensembl.findTranscript("ENST00000341065")));
        TranscriptModels gtf = read("1\tx\ttranscript\t100\t900\t.\t+\t.\tgene_id \"G\"; transcript_id \"T\";\n"
                + "1\tx\texon\t100\t900\t.\t+\t.\tgene_id \"G\"; transcript_id \"T\";\n"
                + "1\tx\tCDS\t120\t800\t.\t+\t0\tgene_id \"G\"; transcript_id \"T\"; protein_id \"P1.3\";\n", true);
        assertEquals("P1.3", gtf.proteinId(gtf.findTranscript("T")));
        TranscriptModels none = read("1\tx\tgene\t100\t900\t.\t+\t.\tID=G\n"
                + "1\tx\tmRNA\t100\t900\t.\t+\t.\tID=T;Parent=G\n"
                + "1\tx\tCDS\t120\t800\t.\t+\t0\tParent=T\n", false);
        assertEquals(null, none.proteinId(none.findTranscript("T")));
    }

    /** GENCODE-style GTF with transcript lines and one tag per tag; and GTF 2.2 with exons only. */
    @Test
    void gtfTagsBiotypesAndGenesWithoutLines() throws IOException {
        String gencode = "chr7\tHAVANA\tgene\t100\t900\t.\t-\t.\tgene_id \"ENSG1.5\"; gene_name \"BRAFX\";\n"
                + "chr7\tHAVANA\ttranscript\t100\t900\t.\t-\t.\tgene_id \"ENSG1.5\"; transcript_id \"ENST1.2\"; "
                + "transcript_type \"protein_coding\"; tag \"basic\"; tag \"Ensembl_canonical\"; tag \"MANE_Select\";\n"
                + "chr7\tHAVANA\texon\t100\t300\t.\t-\t.\tgene_id \"ENSG1.5\"; transcript_id \"ENST1.2\";\n"
                + "chr7\tHAVANA\texon\t500\t900\t.\t-\t.\tgene_id \"ENSG1.5\"; transcript_id \"ENST1.2\";\n"
                + "chr7\tHAVANA\tCDS\t200\t300\t.\t-\t2\tgene_id \"ENSG1.5\"; transcript_id \"ENST1.2\";\n"
                + "chr7\tHAVANA\tCDS\t500\t600\t.\t-\t0\tgene_id \"ENSG1.5\"; transcript_id \"ENST1.2\";\n";
        TranscriptModels m = read(gencode, null);
        int t = m.findTranscript("ENST1");
        assertTrue(m.hasTag(t, TranscriptTag.MANE_SELECT) && m.hasTag(t, TranscriptTag.ENSEMBL_CANONICAL));
        assertEquals("protein_coding", m.biotype(t));
        assertEquals(List.of(0), m.findGenes("brafx"));
        assertEquals(List.of(0), m.findGenes("ENSG1"));
        assertEquals(2, m.exonNumber(t, 0));   // minus strand: the first exon by position is the last one
        assertEquals(202, m.cdsLength(t));
        String gtf22 = "2\ts\texon\t10\t20\t.\t+\t.\tgene_id \"g\"; transcript_id \"t\"; gene_name \"GN\";\n"
                + "2\ts\texon\t40\t60\t.\t+\t.\tgene_id \"g\"; transcript_id \"t\";\n";
        TranscriptModels bare = read(gtf22, true);
        assertEquals(10, bare.geneStart(0));
        assertEquals(60, bare.geneEnd(0));
        assertEquals("GN", bare.geneName(0));
        assertEquals(60, bare.transcriptEnd(bare.findTranscript("t")));
    }

    /** The reported transcript: the panel's, else MANE Select, else Ensembl canonical, else the longest CDS. */
    @Test
    void transcriptChoiceFollowsItsRules() throws IOException {
        String base = GENE
                + "1\tx\tmRNA\t100\t900\t.\t+\t.\tID=transcript:LONG;Parent=gene:G1\n"
                + "1\tx\texon\t100\t900\t.\t+\t.\tParent=transcript:LONG\n"
                + "1\tx\tCDS\t100\t900\t.\t+\t0\tParent=transcript:LONG\n"
                + "1\tx\tmRNA\t100\t500\t.\t+\t.\tID=transcript:CANON;Parent=gene:G1;tag=Ensembl_canonical\n"
                + "1\tx\texon\t100\t500\t.\t+\t.\tParent=transcript:CANON\n"
                + "1\tx\tCDS\t100\t300\t.\t+\t0\tParent=transcript:CANON\n";
        String mane = "1\tx\tmRNA\t100\t400\t.\t+\t.\tID=transcript:MANE;Parent=gene:G1;tag=MANE Select\n"
                + "1\tx\texon\t100\t400\t.\t+\t.\tParent=transcript:MANE\n";
        TranscriptModels withMane = read(base + mane, false);
        assertEquals(new TranscriptChoice(withMane.findTranscript("MANE"), "MANE_Select"),
                TranscriptChoice.of(withMane, 0, null));
        TranscriptModels noMane = read(base, false);
        assertEquals(new TranscriptChoice(noMane.findTranscript("CANON"), "Ensembl_canonical"),
                TranscriptChoice.of(noMane, 0, null));
        assertEquals(new TranscriptChoice(noMane.findTranscript("LONG"), "panel"),
                TranscriptChoice.of(noMane, 0, "LONG"));
        TranscriptModels ndnf = GffReader.read(CSQ.resolve("ENSG00000173376/ENSG00000173376.gff"));
        TranscriptChoice c = TranscriptChoice.of(ndnf, ndnf.findGenes("NDNF").get(0), null);
        assertEquals("longest_CDS", c.rule());
        int longest = 0;
        for (int t : ndnf.transcriptsOf(0)) {
            longest = Math.max(longest, ndnf.cdsLength(t));
        }
        assertEquals(longest, ndnf.cdsLength(c.transcript()));
        assertThrows(IllegalArgumentException.class, () -> TranscriptChoice.of(noMane, 0, "NOPE"));
    }

    /** A virus's CDS without exon lines (NCBI style): the CDS are its exons, overlapping segments joined. */
    @Test
    void cdsWithoutExonLinesAreTheExons() throws IOException {
        TranscriptModels m = GffReader.read(CSQ.resolve("EMN908947/ribosomal-slippage.gff"));
        int t = m.findTranscript("ORF1ab");
        assertTrue(m.cdsCount(t) >= 2);
        assertEquals(1, m.exonCount(t));
        assertEquals(m.cdsStart(t, 0), m.exonStart(t, 0));
        List<Integer> ends = new ArrayList<>();
        for (int i = 0; i < m.cdsCount(t); i++) {
            ends.add(m.cdsEnd(t, i));
        }
        assertEquals(ends.stream().max(Integer::compare).orElseThrow(), m.exonEnd(t, 0));
    }
}
