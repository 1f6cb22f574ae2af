// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.biomarker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.genvag.core.genome.Gene;
import org.genvag.core.genome.GeneLocator;
import org.genvag.core.transcript.TranscriptModels;
import org.genvag.core.transcript.TranscriptModelsBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Constructed ETV6::NTRK3 and KIF5B::RET junctions, in frame and out of frame, with every gene on the plus strand and
 * again on the mirror image of the contig (every gene on the minus strand): the breakpoints' exons and the verdict
 * must not depend on the strand. 5' partners: exons 100 bases, CDS from base 51 of exon 1 (50 + 100 coding bases
 * kept up to intron 2: a codon 0 bases open). 3' partners: CDS from base 11 of exon 1 (90 coding bases before exon
 * 2: in frame after intron 1; 190 before exon 3: 1 base into a codon, out of frame after intron 2).
 */
class FusionFrameTest {
    private static final int N = 100_000;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void etv6Ntrk3AndKif5bRetInAndOutOfFrame(boolean mirrored) {
        TranscriptModels m = models(mirrored);
        FusionFrame inFrame = FusionFrame.of(m, "ETV6", "chrT", at(mirrored, 2500), "NTRK3", "chrT",
                at(mirrored, 10500));
        assertEquals("intron 2", inFrame.fiveAt());
        assertEquals("intron 1", inFrame.threeAt());
        assertTrue(inFrame.inFrame(), inFrame.detail());
        FusionFrame outOfFrame = FusionFrame.of(m, "ETV6", "chrT", at(mirrored, 2500), "NTRK3", "chrT",
                at(mirrored, 11500));
        assertEquals("intron 2", outOfFrame.threeAt());
        assertFalse(outOfFrame.inFrame(), outOfFrame.detail());
        // KIF5B breaking inside exon 2 (after its 30th base: 50 + 30 coding bases, 2 open) and RET resuming at the
        // 3rd base of its exon 2 (90 + 2 skipped: 2 into a codon): in frame; one base later on RET: out of frame.
        FusionFrame exonic = FusionFrame.of(m, "KIF5B", "chrT", at(mirrored, 42_029), "RET", "chrT",
                at(mirrored, 52_002));
        assertEquals("exon 2", exonic.fiveAt());
        assertEquals("exon 2", exonic.threeAt());
        assertTrue(exonic.inFrame(), exonic.detail());
        assertFalse(FusionFrame.of(m, "KIF5B", "chrT", at(mirrored, 42_029), "RET", "chrT",
                at(mirrored, 52_003)).inFrame());
        // A 5' breakpoint before the 5' partner's CDS keeps none of it.
        assertFalse(FusionFrame.of(m, "KIF5B", "chrT", at(mirrored, 41_010), "RET", "chrT",
                at(mirrored, 52_500)).inFrame());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theCallerMatchesInFrameFusionsAndReportsOutOfFrameOnes(boolean mirrored) {
        TranscriptModels m = models(mirrored);
        List<Gene> genes = List.of(gene(m, "ETV6"), gene(m, "NTRK3"));
        FusionCaller caller = new FusionCaller(new GeneLocator(genes), Set.of("NTRK3"), m, List.of());
        // Head to tail: ETV6 keeps its 5' side, NTRK3 its 3' side (which side that is depends on the strand).
        boolean fiveKeepsLeft = !mirrored;
        FusionCall in = caller.call(junction(at(mirrored, 2500), fiveKeepsLeft, at(mirrored, 10500),
                !fiveKeepsLeft)).get(0);
        FusionCall out = caller.call(junction(at(mirrored, 2500), fiveKeepsLeft, at(mirrored, 11500),
                !fiveKeepsLeft)).get(0);
        assertEquals("ETV6::NTRK3", in.name());
        assertEquals(FusionCall.Status.IN_FRAME, in.status());
        assertEquals(FusionCall.Status.OUT_OF_FRAME, out.status());
        assertTrue(in.readsThrough() && !out.readsThrough());
    }

    private static Junction junction(long a, boolean aKeepsLeft, long b, boolean bKeepsLeft) {
        return new Junction(new Breakend("chrT", a, aKeepsLeft), new Breakend("chrT", b, bKeepsLeft), "BND",
                List.of("j"), true, "PASS", Map.of());
    }

    private static Gene gene(TranscriptModels m, String name) {
        int g = m.findGenes(name).get(0);
        return new Gene("chrT", m.geneStart(g), m.geneEnd(g), m.geneStrand(g), name, m.geneId(g), List.of(),
                List.of());
    }

    private static long at(boolean mirrored, long pos) {
        return mirrored ? N + 1 - pos : pos;
    }

    /** Two 5' partners at 0 and 40 kb, two 3' partners at 9 and 49 kb: three exons of 100 bases each. */
    private static TranscriptModels models(boolean mirrored) {
        TranscriptModelsBuilder b = new TranscriptModelsBuilder("constructed");
        add(b, mirrored, "ETV6", 1000, 50);
        add(b, mirrored, "KIF5B", 41_000, 50);
        add(b, mirrored, "NTRK3", 10_000, 10);
        add(b, mirrored, "RET", 51_000, 10);
        return b.build();
    }

    /** Exons at start, start + 1000, start + 2000 (100 bases each); the CDS from {@code utr} bases into exon 1. */
    private static void add(TranscriptModelsBuilder b, boolean mirrored, String name, int start, int utr) {
        char strand = mirrored ? '-' : '+';
        int[][] exons = {{start, start + 99}, {start + 1000, start + 1099}, {start + 2000, start + 2099}};
        int lo = mirrored ? N + 1 - (start + 2099) : start;
        int hi = mirrored ? N + 1 - start : start + 2099;
        b.gene("G" + name, name, "chrT", strand, lo, hi, 1);
        b.transcript("T" + name, "G" + name, "protein_coding", 0, "chrT", strand, lo, hi, 2);
        int phase = 0;
        for (int i = 0; i < exons.length; i++) {
            int s = exons[i][0];
            int e = exons[i][1];
            b.exon("T" + name, "chrT", strand, mirrored ? N + 1 - e : s, mirrored ? N + 1 - s : e, 3);
            int cs = i == 0 ? s + utr : s;
            int ce = i == 2 ? s + 80 : e;
            b.cds("T" + name, "chrT", strand, mirrored ? N + 1 - ce : cs, mirrored ? N + 1 - cs : ce, phase, 4);
            phase = (3 - ((ce - cs + 1 - phase) % 3)) % 3;
        }
    }
}
