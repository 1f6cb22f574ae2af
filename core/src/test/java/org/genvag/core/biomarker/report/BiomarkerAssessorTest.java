// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.biomarker.report;

import static org.genvag.core.kb.KbFixtures.biomarker;
import static org.genvag.core.kb.KbFixtures.fda;
import static org.genvag.core.kb.KbFixtures.named;
import static org.genvag.core.kb.KbFixtures.solid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

import org.genvag.core.biomarker.Breakend;
import org.genvag.core.biomarker.CodonMatch;
import org.genvag.core.biomarker.FusionCall;
import org.genvag.core.biomarker.Junction;
import org.genvag.core.biomarker.Threshold;
import org.genvag.core.biomarker.TmbCalculator;
import org.genvag.core.genome.Gene;
import org.genvag.core.kb.Biomarker;
import org.genvag.core.kb.DrugResponse;
import org.genvag.core.kb.Indication;
import org.genvag.core.kb.KbFixtures;
import org.genvag.core.kb.KnowledgeBase;
import org.genvag.core.kb.ResistanceMutation;
import org.genvag.core.msi.MsiScorer;
import org.genvag.core.tumour.TumourType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every outcome the assessor can give, one case each, over a small knowledge base built here (one biomarker of
 * each kind, a tissue-agnostic approval for each, a tissue-specific one and one that excludes resistance): each
 * biomarker lands in exactly one of matched, assessed and not found, not assessable; observations stay observations.
 */
class BiomarkerAssessorTest {
    private static final Biomarker HOTSPOT = biomarker("braf", "BRAF V600E", Biomarker.Kind.HOTSPOT, List.of(),
            List.of());
    private static final Biomarker FUSION = biomarker("ntrk", "NTRK fusion", Biomarker.Kind.FUSION,
            List.of("NTRK1", "NTRK3"), List.of());
    private static final Biomarker TMB = biomarker("tmb", "TMB-high", Biomarker.Kind.TMB, List.of(), List.of());
    private static final Biomarker MSI = biomarker("msi", "MSI-H", Biomarker.Kind.MSI, List.of(), List.of());
    private static final Biomarker IHC = biomarker("dmmr", "dMMR", Biomarker.Kind.EXTERNAL, List.of(), List.of());
    private static final Indication AGNOSTIC = fda("a", "drug A", List.of("braf", "ntrk", "tmb", "msi"), solid(),
            false, List.of());
    private static final Indication NAMED_TUMOURS = fda("b", "drug B", List.of("braf"), named("UCEC"), false,
            List.of());
    private static final Indication NO_RESISTANCE = fda("c", "drug C", List.of("ntrk"), solid(), true, List.of());
    private static final ResistanceMutation G623R = KbFixtures.resistance("NTRK3", "G623R",
            "solvent front", true, Map.of("drug C", DrugResponse.RESISTANT));
    private static final KnowledgeBase KB = KbFixtures.kb(List.of(HOTSPOT, FUSION, TMB, MSI, IHC),
            List.of(G623R), List.of(AGNOSTIC, NAMED_TUMOURS, NO_RESISTANCE));
    private static final TumourType PANCREATIC = new TumourType("PAAD", "PAAD name", "oncotree_test");
    private static final Evidence EVIDENCE = Evidence.of("7:140753336:A:T", "PASS", "test");

    private static BiomarkerAssessor assessor() {
        return new BiomarkerAssessor(KB, new TherapyRules(KB, KbFixtures.TREE, PANCREATIC));
    }

    private static Gene gene(String symbol) {
        return new Gene("1", 1000, 2000, '+', symbol, "ENSG0", List.of(), List.of());
    }

    private static FusionCall fusion(String five, String three, FusionCall.Status status) {
        Junction j = new Junction(new Breakend("1", 1500, true), new Breakend("2", 1500, false), "BND", List.of("sv1"),
                status != FusionCall.Status.FILTERED, status == FusionCall.Status.FILTERED ? "LowQual" : "PASS",
                Map.of());
        return new FusionCall(gene(five), gene(three), status, 0.4, j);
    }

    /** Where each biomarker landed: "match", "resistance detected", "not found" or "not assessable". */
    @SuppressWarnings("unchecked")
    private static Map<String, String> outcomes(BiomarkerReport r) {
        List<Map.Entry<String, String>> all = new ArrayList<>();
        r.matches().forEach(m -> all.add(Map.entry(m.biomarker().id(), m.status())));
        r.assessedNotFound().forEach(u -> all.add(Map.entry(u.biomarker().id(), "not found")));
        r.notAssessable().forEach(u -> all.add(Map.entry(u.biomarker().id(), "not assessable")));
        assertEquals(KB.biomarkers().size(), all.size(), "each biomarker exactly once: " + all);
        return Map.ofEntries(all.toArray(Map.Entry[]::new));
    }

    private static String detail(List<Unassessed> list, Biomarker b) {
        return list.stream().filter(u -> u.biomarker() == b).findFirst().orElseThrow().detail();
    }

    @Test
    void withoutInputsNothingIsAssessableAndEachSaysWhy() {
        BiomarkerReport r = assessor().report("s", "GRCh38", Map.of());
        assertEquals(Map.of("braf", "not assessable", "ntrk", "not assessable", "tmb", "not assessable",
                "msi", "not assessable", "dmmr", "not assessable"), outcomes(r));
        assertEquals("no somatic VCF given", detail(r.notAssessable(), HOTSPOT));
        assertTrue(detail(r.notAssessable(), FUSION).startsWith("no structural-variant VCF given"));
        assertEquals("no somatic VCF", detail(r.notAssessable(), TMB));
        assertTrue(detail(r.notAssessable(), MSI).startsWith("MSI is called from the tumour and normal BAMs"));
        assertEquals("immunohistochemistry", detail(r.notAssessable(), IHC));
    }

    @Test
    void readInputsWithNothingInThemAreAssessedAndNotFound() {
        BiomarkerAssessor a = assessor();
        a.somaticVcfRead(null);
        a.addCodon(HOTSPOT, new CodonMatch(CodonMatch.Status.NONE, "chr7:140753335-140753337", 'V', List.of(), ""),
                List.of());
        a.structuralVariantsRead("sv.vcf");
        Map<String, String> o = outcomes(a.report("s", "GRCh38", Map.of()));
        assertEquals("not found", o.get("braf"));
        assertEquals("not found", o.get("ntrk"));
    }

    @Test
    void aHotspotMatchListsEveryApprovalWithWhetherItApplies() {
        BiomarkerAssessor a = assessor();
        a.somaticVcfRead(null);
        a.addCodon(HOTSPOT, new CodonMatch(CodonMatch.Status.MATCH, "chr7:140753335-140753337", 'E', List.of(), ""),
                List.of(EVIDENCE));
        BiomarkerReport r = a.report("s", "GRCh38", Map.of());
        assertEquals("match", outcomes(r).get("braf"));
        BiomarkerMatch m = r.matches().get(0);
        assertEquals(List.of(EVIDENCE), m.evidence());
        assertEquals(List.of("drug A", "drug B"), m.therapies().stream().map(t -> t.indication().drugs().get(0))
                .toList());
        assertEquals(List.of(true, false), m.therapies().stream().map(t -> t.applicability().applies()).toList());
        assertTrue(m.therapies().get(1).applicability().reasons().get(0).startsWith("the FDA indication covers "
                + "named tumour types only (UCEC)"), m.therapies().get(1).applicability().reasons().toString());
    }

    @Test
    void anotherChangeAtTheCodonIsAnObservationNotAMatch() {
        BiomarkerAssessor a = assessor();
        a.somaticVcfRead(null);
        a.addCodon(HOTSPOT, new CodonMatch(CodonMatch.Status.OTHER_CHANGE, "chr7:140753335-140753337", 'K',
                List.of(), "V600K"), List.of(EVIDENCE));
        BiomarkerReport r = a.report("s", "GRCh38", Map.of());
        assertEquals("not found", outcomes(r).get("braf"));
        assertEquals(List.of("other change"), r.observations().stream().map(Observation::status).toList());
    }

    @Test
    void fusionsByPartnerAndFilter() {
        BiomarkerAssessor a = assessor();
        a.structuralVariantsRead("sv.vcf");
        a.addFusion(fusion("ETV6", "NTRK3", FusionCall.Status.IN_FRAME_UNVERIFIED), EVIDENCE);
        a.addFusion(fusion("NTRK1", "TPM3", FusionCall.Status.TARGET_IS_FIVE_PRIME), EVIDENCE);
        a.addFusion(fusion("LMNA", "NTRK1", FusionCall.Status.FILTERED), EVIDENCE);
        a.addFusion(fusion("EML4", "ALK", FusionCall.Status.IN_FRAME_UNVERIFIED), EVIDENCE);
        BiomarkerReport r = a.report("s", "GRCh38", Map.of());
        assertEquals("match", outcomes(r).get("ntrk"));
        assertEquals("ETV6::NTRK3 fusion", r.matches().get(0).name());
        assertTrue(r.matches().get(0).caveats().stream().anyMatch(c -> c.contains("not assessed: no somatic VCF")));
        assertEquals(List.of("kinase domain not retained", "filtered", "reported, not matched"),
                r.observations().stream().map(Observation::status).toList());
    }

    @Test
    void aResistanceMutationTurnsTheFusionAndTheApprovalsThatExcludeIt() {
        BiomarkerAssessor a = assessor();
        a.somaticVcfRead("CSQ");
        a.structuralVariantsRead("sv.vcf");
        a.addFusion(fusion("ETV6", "NTRK3", FusionCall.Status.IN_FRAME_UNVERIFIED), EVIDENCE);
        a.addProtein(new BiomarkerAssessor.ProteinFinding("resistance", "NTRK3", "p.Gly623Arg", true, EVIDENCE,
                G623R));
        BiomarkerReport r = a.report("s", "GRCh38", Map.of());
        assertEquals("resistance detected", outcomes(r).get("ntrk"));
        List<TherapyOption> t = r.matches().get(0).therapies();
        assertEquals(List.of(true, false), t.stream().map(x -> x.applicability().applies()).toList());
        assertTrue(t.get(1).applicability().reasons().get(0).contains("excludes tumours with a known acquired "
                + "resistance mutation"));
        assertEquals(List.of("present"), r.observations().stream().map(Observation::status).toList());
    }

    private static TmbCalculator.Result tmb(double value, boolean high, boolean assessable) {
        return new TmbCalculator.Result(Math.round(value * 30), 30, value, high, assessable,
                new Threshold(10, ">=", "mut/Mb"), 0, 0, 0, 0, 0, 0);
    }

    @Test
    void tmbByItsCutOffAndItsTerritory() {
        for (Object[] c : new Object[][] {{tmb(12, true, true), "match"}, {tmb(4, false, true), "not found"},
            {tmb(12, true, false), "not assessable"}}) {
            BiomarkerAssessor a = assessor();
            a.tmb(new TmbReport((TmbCalculator.Result) c[0], "callable.bed", "CSQ", "coding", 0));
            assertEquals(c[1], outcomes(a.report("s", "GRCh38", Map.of())).get("tmb"));
        }
        BiomarkerAssessor a = assessor();
        a.tmbNotAssessable("no territory: give --callable or --territory-mb");
        assertEquals("no territory: give --callable or --territory-mb",
                detail(a.report("s", "GRCh38", Map.of()).notAssessable(), TMB));
    }

    @ParameterizedTest
    @EnumSource(MsiScorer.Status.class)
    void msiByItsStatus(MsiScorer.Status status) {
        BiomarkerAssessor a = assessor();
        a.msi(new MsiScorer.Result(status, 25, 80, 20, 100, MsiScorer.Options.defaults(), new BitSet(), new BitSet()));
        String expected = switch (status) {
            case MSI_H -> "match";
            case MSS -> "not found";
            case INDETERMINATE, NOT_ASSESSABLE -> "not assessable";
        };
        BiomarkerReport r = a.report("s", "GRCh38", Map.of());
        assertEquals(expected, outcomes(r).get("msi"));
        if (status == MsiScorer.Status.INDETERMINATE) {
            assertTrue(detail(r.notAssessable(), MSI).endsWith("; confirm by IHC or PCR"));
        }
    }
}
