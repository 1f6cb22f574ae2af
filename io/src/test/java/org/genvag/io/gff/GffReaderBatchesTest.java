// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.gff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.genvag.core.error.InputException;
import org.genvag.core.transcript.TranscriptModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files of many batches (the reader cuts lines on several threads, 4,096 lines at a time, and applies them in order):
 * 3,000 genes written as GFF3 and as GTF read to the same models, every gene, transcript, exon, CDS phase and protein
 * as written; an error deep in the file names its line, and of two errors the first in the file is the one reported
 * whether the later one is a malformed line or not.
 */
class GffReaderBatchesTest {
    private static final int GENES = 3000;

    @TempDir
    Path dir;

    @Test
    void gff3AndGtfOfManyBatchesReadToTheModelsWritten() throws IOException {
        TranscriptModels gff3 = GffReader.read(write("genes.gff3", gff3Lines()));
        TranscriptModels gtf = GffReader.read(write("genes.gtf", gtfLines()));
        for (TranscriptModels m : List.of(gff3, gtf)) {
            assertEquals(GENES, m.geneCount());
            assertEquals(GENES, m.transcriptCount());
            for (int g = 0; g < GENES; g++) {
                int t = m.findTranscript(transcript(g));
                assertTrue(t >= 0, transcript(g));
                assertEquals(gene(g), m.geneId(m.transcriptGene(t)));
                assertEquals("NAME" + g, m.geneName(m.transcriptGene(t)));
                assertEquals(strand(g), m.geneStrand(m.transcriptGene(t)));
                assertEquals(5, m.exonCount(t));
                assertEquals(5, m.cdsCount(t));
                assertEquals("P" + g, m.proteinId(t));
                for (int i = 0; i < 5; i++) {
                    assertEquals(exonStart(g, i), m.exonStart(t, i));
                    assertEquals(exonStart(g, i) + 99, m.exonEnd(t, i));
                }
            }
        }
        assertEquals(describe(gff3), describe(gtf));
        // Told by content when the name says nothing: GTF's attributes, on the first line the models read.
        assertEquals(describe(gtf), describe(GffReader.read(write("genes.annotation", gtfLines()))));
        assertEquals(describe(gff3), describe(GffReader.read(write("genes.txt", gff3Lines()))));
    }

    @Test
    void aSmallFileOfSeveralBatchesReadsTheSameOnTheCallersThread() throws IOException {
        int genes = 600;
        Path small = write("small.gff3", gff3Lines().subList(0, 1 + 12 * genes));
        assertTrue(Files.size(small) < 1 << 20, "read without threads below 1 MiB: " + Files.size(small));
        TranscriptModels m = GffReader.read(small);
        assertEquals(genes, m.transcriptCount());
        assertEquals(describe(GffReader.read(write("all.gff3", gff3Lines()))).subList(0, genes),
                describe(m).subList(0, genes));
        List<String> lines = gff3Lines().subList(0, 1 + 12 * genes);
        lines.set(6000 - 1, lines.get(6000 - 1).replace("\t.\tParent=", "\tParent="));
        InputException e = assertThrows(InputException.class, () -> GffReader.read(write("bad-small.gff3", lines)));
        assertTrue(e.getMessage().contains(":6000: "), e.getMessage());
    }

    @Test
    void anErrorDeepInTheFileNamesItsLine() throws IOException {
        List<String> lines = gff3Lines();
        int bad = 30_000;
        lines.set(bad - 1, lines.get(bad - 1).replace("\t.\tParent=", "\tParent="));   // 8 columns
        InputException e = assertThrows(InputException.class, () -> GffReader.read(write("bad.gff3", lines)));
        assertTrue(e.getMessage().contains(":" + bad + ": ") && e.getMessage().contains("found 8"),
                e.getMessage());
    }

    @Test
    void theFirstErrorInTheFileIsReportedWhicheverThreadFindsIt() throws IOException {
        List<String> lines = gff3Lines();
        int first = 20_000;
        int second = 20_002;   // a malformed line in the same batch, after a line only the models refuse
        assertTrue(lines.get(first - 1).contains("\texon\t") && lines.get(second - 1).contains("\texon\t"));
        lines.set(first - 1, lines.get(first - 1).replaceFirst("\t[+-]\t", "\t.\t"));
        lines.set(second - 1, lines.get(second - 1).replace("\t.\tParent=", "\tParent="));
        InputException e = assertThrows(InputException.class, () -> GffReader.read(write("two.gff3", lines)));
        assertTrue(e.getMessage().contains(":" + first + ": ") && e.getMessage().contains("strand"),
                e.getMessage());
        // A malformed line alone, batches later: named by its line.
        lines.set(first - 1, gff3Lines().get(first - 1));
        lines.set(second - 1, gff3Lines().get(second - 1));
        lines.set(second + 5000 - 1, lines.get(second + 5000 - 1).replace("\t", " "));
        e = assertThrows(InputException.class, () -> GffReader.read(write("three.gff3", lines)));
        assertTrue(e.getMessage().contains(":" + (second + 5000) + ": "), e.getMessage());
    }

    private Path write(String name, List<String> lines) throws IOException {
        return Files.write(dir.resolve(name), lines);
    }

    private static String gene(int g) {
        return "G" + g;
    }

    private static String transcript(int g) {
        return "T" + g;
    }

    private static char strand(int g) {
        return g % 3 == 0 ? '-' : '+';
    }

    private static int exonStart(int g, int i) {
        return 1000 + g * 10_000 + i * 1000;
    }

    /** Each gene's line, transcript line, then per exon an exon and a CDS line with the CDS's phase. */
    private static List<String> gff3Lines() {
        List<String> out = new ArrayList<>();
        out.add("##gff-version 3");
        for (int g = 0; g < GENES; g++) {
            int lo = exonStart(g, 0);
            int hi = exonStart(g, 4) + 99;
            String c = "chr" + (1 + g % 3) + "\ttest\t";
            out.add(c + "gene\t" + lo + "\t" + hi + "\t.\t" + strand(g) + "\t.\tID=gene:" + gene(g) + ";Name=NAME" + g
                    + ";biotype=protein_coding");
            out.add(c + "mRNA\t" + lo + "\t" + hi + "\t.\t" + strand(g) + "\t.\tID=transcript:" + transcript(g)
                    + ";Parent=gene:" + gene(g) + ";biotype=protein_coding");
            for (int i = 0; i < 5; i++) {
                int s = exonStart(g, i);
                out.add(c + "exon\t" + s + "\t" + (s + 99) + "\t.\t" + strand(g) + "\t.\tParent=transcript:"
                        + transcript(g));
                out.add(c + "CDS\t" + s + "\t" + (s + 99) + "\t.\t" + strand(g) + "\t" + phase(g, i)
                        + "\tParent=transcript:" + transcript(g) + ";protein_id=P" + g);
            }
        }
        return out;
    }

    private static List<String> gtfLines() {
        List<String> out = new ArrayList<>();
        for (int g = 0; g < GENES; g++) {
            int lo = exonStart(g, 0);
            int hi = exonStart(g, 4) + 99;
            String c = "chr" + (1 + g % 3) + "\ttest\t";
            String ids = "gene_id \"" + gene(g) + "\"; gene_name \"NAME" + g + "\";";
            String tx = ids + " transcript_id \"" + transcript(g) + "\"; transcript_type \"protein_coding\";";
            out.add(c + "gene\t" + lo + "\t" + hi + "\t.\t" + strand(g) + "\t.\t" + ids);
            out.add(c + "transcript\t" + lo + "\t" + hi + "\t.\t" + strand(g) + "\t.\t" + tx);
            for (int i = 0; i < 5; i++) {
                int s = exonStart(g, i);
                out.add(c + "exon\t" + s + "\t" + (s + 99) + "\t.\t" + strand(g) + "\t.\t" + tx);
                out.add(c + "CDS\t" + s + "\t" + (s + 99) + "\t.\t" + strand(g) + "\t" + phase(g, i) + "\t" + tx
                        + " protein_id \"P" + g + "\";");
            }
        }
        return out;
    }

    /** The CDS's phase in transcript order: 100-base exons, so the phase steps 0, 2, 1, 0, 2. */
    private static int phase(int g, int i) {
        int k = strand(g) == '-' ? 4 - i : i;
        return (3 - (100 * k) % 3) % 3;
    }

    /** Every transcript's exons and CDS with phases, in ID order. */
    private static List<String> describe(TranscriptModels m) {
        List<String> out = new ArrayList<>();
        for (int g = 0; g < m.transcriptCount(); g++) {
            int t = m.findTranscript(transcript(g));
            StringBuilder b = new StringBuilder(transcript(g));
            for (int i = 0; i < m.cdsCount(t); i++) {
                b.append(String.format(Locale.ROOT, " %d-%d/%d", m.cdsStart(t, i), m.cdsEnd(t, i), m.cdsPhase(t, i)));
            }
            out.add(b.toString());
        }
        return out;
    }
}
