// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.biomarker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.genvag.core.biomarker.report.BiomarkerAssessor;
import org.genvag.core.biomarker.report.BiomarkerReport;
import org.genvag.core.biomarker.report.Evidence;
import org.genvag.core.biomarker.report.Observation;
import org.genvag.core.biomarker.report.TherapyRules;
import org.genvag.core.genome.Gene;
import org.genvag.core.genome.GeneLocator;
import org.genvag.core.kb.Biomarker;
import org.genvag.core.kb.KbFixtures;
import org.genvag.core.kb.KnowledgeBase;
import org.genvag.core.transcript.TranscriptModels;
import org.genvag.core.transcript.TranscriptModelsBuilder;
import org.genvag.core.tumour.TumourType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * KIF5B::RET junctions on constructed transcripts, every gene on the plus strand and again on the mirror image of
 * the contig: RET's kinase domain as the knowledge base states it (exons 12-18 of NM_020975) is kept by a breakpoint
 * in intron 10 or 11 and not by one inside exon 12 or in intron 12, whatever the strand. KIF5B keeps 150 coding bases
 * up to its intron 2 (a codon 0 bases open); RET has 20 exons of 99 bases with its CDS from exon 1's first base, so
 * every RET intron and the 4th base of an exon resume on a codon's first base: every junction below is in frame, and
 * only the domain decides.
 */
class KinaseDomainRetentionTest {
    private static final int N = 200_000;
    private static final KinaseDomain RET_DOMAIN = new KinaseDomain("RET", "NM_020975", 12, 18, List.of("S1"));
    private static final long KIF5B_INTRON_2 = 2500;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void retBreakpointsBeforeTheDomainKeepItAndLaterOnesDoNot(boolean mirrored) {
        TranscriptModels m = models(mirrored, "NM_020975.6", 20);
        assertRetention(m, mirrored, retIntron(10), DomainRetention.Verdict.KEPT, "intron 10 of NM_020975.6");
        assertRetention(m, mirrored, retIntron(11), DomainRetention.Verdict.KEPT, "intron 11 of NM_020975.6");
        assertRetention(m, mirrored, retExonStart(12) + 3, DomainRetention.Verdict.NOT_KEPT,
                "exon 12 of NM_020975.6");
        assertRetention(m, mirrored, retIntron(12), DomainRetention.Verdict.NOT_KEPT, "intron 12 of NM_020975.6");
        assertRetention(m, mirrored, retIntron(19), DomainRetention.Verdict.NOT_KEPT, "intron 19 of NM_020975.6");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void withoutTheSourcesTranscriptTheDomainIsNotChecked(boolean mirrored) {
        DomainRetention other = DomainRetention.of(models(mirrored, "ENST00000355710.8", 20), RET_DOMAIN, "chrT",
                at(mirrored, retIntron(11)));
        assertEquals(DomainRetention.Verdict.NOT_CHECKED, other.verdict());
        assertTrue(other.detail().contains("has no NM_020975"), other.detail());
        DomainRetention shorter = DomainRetention.of(models(mirrored, "NM_020975.2", 10), RET_DOMAIN, "chrT",
                at(mirrored, retIntron(5)));
        assertEquals(DomainRetention.Verdict.NOT_CHECKED, shorter.verdict());
        assertTrue(shorter.detail().contains("10 exons"), shorter.detail());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aKinaseLessFusionIsAnObservationNotAMatch(boolean mirrored) {
        TranscriptModels m = models(mirrored, "NM_020975.6", 20);
        FusionCaller caller = new FusionCaller(new GeneLocator(List.of(gene(m, "KIF5B"), gene(m, "RET"))),
                Set.of("RET"), m, List.of(RET_DOMAIN));
        FusionCall kept = call(caller, mirrored, retIntron(11));
        FusionCall lost = call(caller, mirrored, retIntron(12));
        assertTrue(kept.frame().inFrame() && lost.frame().inFrame(), lost.frame().detail());
        assertEquals(FusionCall.Status.IN_FRAME, kept.status());
        assertEquals(FusionCall.Status.KINASE_DOMAIN_NOT_KEPT, lost.status());
        assertFalse(lost.readsThrough());
        // Without a domain for the gene, the in-frame call is a match as before (with its caveat).
        FusionCall unchecked = call(new FusionCaller(new GeneLocator(List.of(gene(m, "KIF5B"), gene(m, "RET"))),
                Set.of("RET"), m, List.of()), mirrored, retIntron(12));
        assertEquals(FusionCall.Status.IN_FRAME, unchecked.status());

        Biomarker ret = KbFixtures.biomarker("ret", "RET fusion", Biomarker.Kind.FUSION, List.of("RET"), List.of());
        Biomarker withDomain = new Biomarker(ret.id(), ret.name(), ret.kind(), ret.gene(), ret.protein(),
                ret.threePrimeGenes(), List.of(RET_DOMAIN), ret.alleles(), ret.codons(), ret.threshold(),
                ret.assessableFromSequencing(), ret.suggestedBy(), ret.note(), ret.unverified(), ret.lastVerified(),
                ret.sources());
        KnowledgeBase kb = KbFixtures.kb(List.of(withDomain), List.of(), List.of());
        TumourType tumour = new TumourType("PAAD", "PAAD name", "oncotree_test");

        BiomarkerReport lostReport = report(kb, tumour, lost);
        assertTrue(lostReport.matches().isEmpty());
        Observation o = lostReport.observations().get(0);
        assertEquals("kinase domain not retained", o.status());
        assertTrue(o.detail().contains("intron 12 of NM_020975.6") && o.detail().contains("does not keep"),
                o.detail());

        BiomarkerReport keptReport = report(kb, tumour, kept);
        assertEquals("KIF5B::RET fusion", keptReport.matches().get(0).name());
        assertTrue(keptReport.matches().get(0).caveats().stream().anyMatch(c -> c.contains("intron 11 of "
                + "NM_020975.6: the fusion keeps the kinase domain (exons 12-18 of NM_020975 [S1])")),
                keptReport.matches().get(0).caveats().toString());
    }

    private static BiomarkerReport report(KnowledgeBase kb, TumourType tumour, FusionCall call) {
        BiomarkerAssessor a = new BiomarkerAssessor(kb, new TherapyRules(kb, KbFixtures.TREE, tumour));
        a.structuralVariantsRead("sv.vcf");
        a.addFusion(call, Evidence.of("j", "PASS", "test"));
        return a.report("s", "GRCh38", Map.of());
    }

    private static void assertRetention(TranscriptModels m, boolean mirrored, long retPos,
                                        DomainRetention.Verdict expected, String at) {
        DomainRetention r = DomainRetention.of(m, RET_DOMAIN, "chrT", at(mirrored, retPos));
        assertEquals(expected, r.verdict(), r.detail());
        assertTrue(r.detail().contains(at), r.detail());
        FusionFrame frame = FusionFrame.of(m, "KIF5B", "chrT", at(mirrored, KIF5B_INTRON_2), "RET", "chrT",
                at(mirrored, retPos));
        assertTrue(frame.inFrame(), frame.detail());
    }

    private static FusionCall call(FusionCaller caller, boolean mirrored, long retPos) {
        // Head to tail: KIF5B keeps its 5' side, RET its 3' side (which side that is depends on the strand).
        Junction j = new Junction(new Breakend("chrT", at(mirrored, KIF5B_INTRON_2), !mirrored),
                new Breakend("chrT", at(mirrored, retPos), mirrored), "BND", List.of("j"), true, "PASS", Map.of());
        return caller.call(j).get(0);
    }

    /** RET exon k (1-based) starts at 50,000 + 1,000 (k - 1) and has 99 bases. */
    private static long retExonStart(int k) {
        return 50_000 + 1_000L * (k - 1);
    }

    /** A position in RET's intron k, between exons k and k + 1. */
    private static long retIntron(int k) {
        return retExonStart(k) + 500;
    }

    private static long at(boolean mirrored, long pos) {
        return mirrored ? N + 1 - pos : pos;
    }

    private static Gene gene(TranscriptModels m, String name) {
        int g = m.findGenes(name).get(0);
        return new Gene("chrT", m.geneStart(g), m.geneEnd(g), m.geneStrand(g), name, m.geneId(g), List.of(),
                List.of());
    }

    /** KIF5B: 3 exons of 100 bases from 1,000, CDS from base 51; RET: {@code retExons} exons of 99 bases. */
    private static TranscriptModels models(boolean mirrored, String retTranscript, int retExons) {
        TranscriptModelsBuilder b = new TranscriptModelsBuilder("constructed");
        int[][] kif5b = new int[3][];
        for (int i = 0; i < 3; i++) {
            kif5b[i] = new int[] {1000 + 1000 * i, 1099 + 1000 * i};
        }
        add(b, mirrored, "KIF5B", "TKIF5B", kif5b, 1050, 3080);
        int[][] ret = new int[retExons][];
        for (int i = 0; i < retExons; i++) {
            int s = (int) retExonStart(i + 1);
            ret[i] = new int[] {s, s + 98};
        }
        add(b, mirrored, "RET", retTranscript, ret, ret[0][0], ret[retExons - 1][1] - 3);
        return b.build();
    }

    /** A gene with one coding transcript over {@code exons} (plus-strand coordinates), its CDS {@code [cds5, cds3]}. */
    private static void add(TranscriptModelsBuilder b, boolean mirrored, String name, String transcript,
                            int[][] exons, int cds5, int cds3) {
        char strand = mirrored ? '-' : '+';
        int first = exons[0][0];
        int last = exons[exons.length - 1][1];
        int lo = mirrored ? N + 1 - last : first;
        int hi = mirrored ? N + 1 - first : last;
        b.gene("G" + name, name, "chrT", strand, lo, hi, 1);
        b.transcript(transcript, "G" + name, "protein_coding", 0, "chrT", strand, lo, hi, 2);
        int phase = 0;
        for (int[] e : exons) {
            b.exon(transcript, "chrT", strand, mirrored ? N + 1 - e[1] : e[0], mirrored ? N + 1 - e[0] : e[1], 3);
            int cs = Math.max(e[0], cds5);
            int ce = Math.min(e[1], cds3);
            if (cs > ce) {
                continue;
            }
            b.cds(transcript, "chrT", strand, mirrored ? N + 1 - ce : cs, mirrored ? N + 1 - cs : ce, phase, 4);
            phase = (3 - ((ce - cs + 1 - phase) % 3)) % 3;
        }
    }
}
