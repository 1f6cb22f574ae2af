// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.fasta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

import org.genvag.core.error.InputException;
import org.genvag.testsupport.PeerTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regions of a plain FASTA read through its .fai equal {@code samtools faidx}'s (upper-cased), on contigs of several
 * line widths, lower-case runs, Windows line ends and a last line shorter than the others; a file whose lines no
 * longer match its index is an error, never newlines returned as bases.
 */
class IndexedFastaTest {
    private static final byte[] BASES = "ACGTNacgtn".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @Test
    void regionsEqualSamtoolsFaidx() throws IOException {
        check("\n");
    }

    @Test
    void windowsLineEndsReadAsSamtoolsReadsThem() throws IOException {
        check("\r\n");
    }

    private void check(String newline) throws IOException {
        Random random = new Random(42);
        int[] widths = {60, 1, 7, 80, 1000};
        int[] lengths = {12_345, 97, 1_000, 80 * 50, 25_001};
        Path fasta = dir.resolve("ref.fa");
        StringBuilder text = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            text.append(">c").append(c).append(" a description").append(newline);
            for (int i = 0; i < lengths[c]; i++) {
                // Runs of lower case (soft-masked repeats) among upper case.
                text.append((char) BASES[random.nextInt(5) + ((i / 37) % 3 == 0 ? 5 : 0)]);
                if ((i + 1) % widths[c] == 0 || i + 1 == lengths[c]) {
                    text.append(newline);
                }
            }
        }
        Files.writeString(fasta, text, StandardCharsets.US_ASCII);
        PeerTool samtools = PeerTool.require("samtools");
        samtools.run("faidx", fasta.toString());
        try (IndexedFasta f = IndexedFasta.open(fasta)) {
            for (int c = 0; c < widths.length; c++) {
                String contig = "c" + c;
                assertEquals(lengths[c], f.length(contig));
                for (int k = 0; k < 60; k++) {
                    long start = 1 + random.nextInt(lengths[c]);
                    long end = Math.min(lengths[c], start + random.nextInt(k < 30 ? 20 : 3 * widths[c] + 5));
                    String region = contig + ":" + start + "-" + end;
                    String expected = sequence(samtools.runText("faidx", fasta.toString(), region));
                    assertEquals(expected.toUpperCase(Locale.ROOT),
                            new String(f.bases(contig, start, end), StandardCharsets.US_ASCII), region);
                }
                // Whole contig, and a range past its end (clipped to it, as the caller asks for windows).
                String whole = sequence(samtools.runText("faidx", fasta.toString(), contig));
                assertArrayEquals(whole.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
                        f.bases(contig, 1, lengths[c] + 500L), contig);
            }
        }
    }

    @Test
    void linesThatNoLongerMatchTheIndexAreAnError() throws IOException {
        Path fasta = dir.resolve("edited.fa");
        Files.writeString(fasta, ">a\nACGTACGTAC\nGTACGTACGT\nACG\n", StandardCharsets.US_ASCII);
        PeerTool.require("samtools").run("faidx", fasta.toString());
        // The same length, but lines of 5 bases now: the .fai's layout places bases where line ends are.
        Files.writeString(fasta, ">a\nACGTA\nCGTAC\nGTACG\nTACGT\nACG\n", StandardCharsets.US_ASCII);
        try (IndexedFasta f = IndexedFasta.open(fasta)) {
            InputException e = assertThrows(InputException.class, () -> f.bases("a", 1, 12));
            assertTrue(e.getMessage().contains("not as indexed"), e.getMessage());
            assertTrue(e.getMessage().contains(fasta.toString()), e.getMessage());
        }
    }

    /** The sequence of samtools faidx's output: lines after the header, joined. */
    private static String sequence(String faidx) {
        StringBuilder b = new StringBuilder();
        int from = faidx.indexOf('\n') + 1;
        for (int i = from; i < faidx.length(); i++) {
            char c = faidx.charAt(i);
            if (c != '\n' && c != '\r') {
                b.append(c);
            }
        }
        return b.toString();
    }
}
