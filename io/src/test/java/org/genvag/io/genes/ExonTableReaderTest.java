// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.genes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.genvag.core.error.InputException;
import org.genvag.core.genome.ExonTable;
import org.genvag.core.genome.GenomeBuild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bundled RefSeq exon tables and the reader's refusals. */
class ExonTableReaderTest {
    private static final String HEAD = "#genvag-exon-table\tbuild=GRCh38\tsource=test\n"
            + "chrom\tstart\tend\tstrand\tentrez\n";

    private static ExonTable read(String text) throws IOException {
        return ExonTableReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.tsv",
                GenomeBuild.GRCH38);
    }

    @Test
    void exonsOfAGeneAreOneSortedRun() throws IOException {
        ExonTable t = read(HEAD + "1\t300\t400\t-\t7\n1\t100\t200\t-\t7\n2\t5\t9\t+\t8\n");
        assertEquals(2, t.geneCount());
        assertArrayEquals(new int[] {100, 400}, t.extent("7"));
        assertTrue(t.overlaps("7", "1", 350, 360));
        assertFalse(t.overlaps("7", "1", 201, 299));   // the intron
        assertFalse(t.overlaps("7", "2", 100, 400));   // another contig
        assertEquals('-', t.strand("7"));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "1\t5\t9\t*\t7|t.tsv:3: strand must be + or -, found '*'",
        "1\tx\t9\t+\t7|t.tsv:3: start and end must be whole numbers, found 'x' and '9'",
        "1\t9\t5\t+\t7|t.tsv:3: exon 9-5 is not a 1-based span",
        "1\t5\t9\t+|t.tsv:3: expected 5 tab-separated columns, found 4",
    })
    void malformedRowsAreNamedByLine(String row, String message) {
        InputException e = assertThrows(InputException.class, () -> read(HEAD + row + "\n"));
        assertEquals(message, e.getMessage());
    }

    /**
     * BRAF (Entrez 673) on chromosome 7, minus strand, with an exon over c.1799 (V600E; ClinVar's positions in each
     * build, as BundledGeneTablesTest uses them).
     */
    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"673, GRCh38, 7, -, 140753336", "673, GRCh37, 7, -, 140453136"})
    void bundledTablesPlaceLandmarkGenes(String entrez, String build, String contig, char strand, int landmark) {
        ExonTable t = ExonTableReader.bundled(GenomeBuild.parse(build));
        assertEquals(contig, t.contig(entrez));
        assertEquals(strand, t.strand(entrez));
        assertTrue(t.overlaps(entrez, contig, landmark, landmark), landmark + " in an exon");
    }
}
