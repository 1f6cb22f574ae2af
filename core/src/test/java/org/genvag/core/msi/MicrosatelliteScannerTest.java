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
        assertEquals(List.of(), scan("CGTCGAAAATGCTG"));                       // 4 As: below 5
        assertEquals(List.of("106:Ax5:CGTCG/TGCTG"), scan("CGTCGAAAAATGCTG"));
        assertEquals(List.of(), scan("CGTCGATATGCTG"));                       // AT x2: below 3 copies
        assertEquals(List.of("106:ATx3:CGTCG/GCTGC"), scan("CGTCGATATATGCTGC"));
    }

    @Test
    void unitsArePrimitiveAndRunsReportedOnceFromTheirStart() {
        assertEquals(List.of("106:ATx6:CGTCG/GCTGC"), scan("CGTCGATATATATATATGCTGC"));   // not ATAT x3
        assertEquals(List.of("106:CAGx4:TGTCG/TTGCA"), scan("TGTCGCAGCAGCAGCAGTTGCA"));
        // A dinucleotide run ending where a homopolymer begins: both are sites.
        assertEquals(List.of("106:GAx3:TCTCG/AAAAA", "112:Ax5:AGAGA/CTTGC"),
                scan("TCTCGGAGAGAAAAAACTTGC"));
    }

    @Test
    void flanksMustBeCleanBasesAndPresent() {
        assertEquals(List.of(), scan("CGTNGAAAAATGCTG"));      // N in the left flank
        assertEquals(List.of(), scan("GTCGAAAAATGCTG"));       // only 4 bases before the repeat
        assertEquals(List.of(), scan("CGTCGAAAAATGCT"));       // only 4 bases after
    }
}
