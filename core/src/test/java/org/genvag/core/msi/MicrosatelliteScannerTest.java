// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.msi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Thresholds, primitive units, flanks and run starts on sequences written by hand. */
class MicrosatelliteScannerTest {
    /** Sites as "start:unitxcopies:left/right"; the sequence's first base is contig position 101 (1-based). */
    static List<String> scan(String seq) {
        byte[] b = seq.getBytes(StandardCharsets.US_ASCII);
        List<String> out = new ArrayList<>();
        new MicrosatelliteScanner(MicrosatelliteScanner.Options.defaults()).scan("c", b, b.length, 100, 0, b.length,
                s -> out.add(s.start() + ":" + s.unit() + "x" + s.copies() + ":" + s.leftFlank() + "/" + s.rightFlank()));
        return out;
    }

    @Test
    void thresholdsAreInclusive() {
        // The defaults are MSIsensor-pro's: homopolymers from 8 bases, other units from 5 copies, at most 50 bases.
        assertEquals(List.of(), scan("CGTCGAAAAAAATGCTG"));                    // 7 As: below 8
        assertEquals(List.of("106:Ax8:CGTCG/TGCTG"), scan("CGTCGAAAAAAAATGCTG"));
        assertEquals(List.of(), scan("CGTCGATATATATGCTGC"));                   // AT x4: below 5 copies
        assertEquals(List.of("106:ATx5:CGTCG/GCTGC"), scan("CGTCGATATATATATGCTGC"));
        assertEquals(List.of("106:Ax50:CGTCG/TGCTG"), scan("CGTCG" + "A".repeat(50) + "TGCTG"));
        assertEquals(List.of(), scan("CGTCG" + "A".repeat(51) + "TGCTG"));    // longer than 50: reads cannot span
    }

    @Test
    void unitsArePrimitiveAndRunsReportedOnceFromTheirStart() {
        assertEquals(List.of("106:ATx6:CGTCG/GCTGC"), scan("CGTCGATATATATATATGCTGC"));   // not ATAT x3
        assertEquals(List.of("106:CAGx5:TGTCG/TTGCA"), scan("TGTCGCAGCAGCAGCAGCAGTTGCA"));
        // A dinucleotide run ending where a homopolymer begins: both are sites.
        assertEquals(List.of("106:GAx5:TCTCG/AAAAA", "116:Ax8:AGAGA/CTTGC"),
                scan("TCTCG" + "GA".repeat(5) + "A".repeat(8) + "CTTGC"));
    }

    @Test
    void flanksMustBeCleanBasesAndPresent() {
        assertEquals(List.of(), scan("CGTNGAAAAAAAATGCTG"));   // N in the left flank
        assertEquals(List.of(), scan("GTCGAAAAAAAATGCTG"));    // only 4 bases before the repeat
        assertEquals(List.of(), scan("CGTCGAAAAAAAATGCT"));    // only 4 bases after
    }
}
