// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.biomarker.report;

import static org.genvag.core.kb.KbFixtures.TREE;
import static org.genvag.core.kb.KbFixtures.biomarker;
import static org.genvag.core.kb.KbFixtures.fda;
import static org.genvag.core.kb.KbFixtures.named;
import static org.genvag.core.kb.KbFixtures.solid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.genvag.core.kb.ApprovalStatus;
import org.genvag.core.kb.Biomarker;
import org.genvag.core.kb.Condition;
import org.genvag.core.kb.ConditionKind;
import org.genvag.core.kb.DrugResponse;
import org.genvag.core.kb.Indication;
import org.genvag.core.kb.IndicationDates;
import org.genvag.core.kb.KbFixtures;
import org.genvag.core.kb.KnowledgeBase;
import org.genvag.core.kb.ResistanceMutation;
import org.genvag.core.kb.TumourExclusion;
import org.genvag.core.tumour.TumourType;
import org.junit.jupiter.api.Test;

/**
 * Each rule that decides whether a therapy applies, one test each, on indications built here: status, the tumour
 * type against exclusions and named types (a child code counts as its parent), supersession, resistance per drug,
 * the conditions that decide the population, tumour-limited conditions, and a biomarker that only suggests another.
 */
class TherapyRulesTest {
    private static final Biomarker BRAF = biomarker("braf", "BRAF V600E", Biomarker.Kind.HOTSPOT, List.of(),
            List.of());
    private static final Biomarker NTRK = biomarker("ntrk", "NTRK fusion", Biomarker.Kind.FUSION, List.of("NTRK1"),
            List.of());
    private static final Biomarker MSI = biomarker("msi", "MSI-H", Biomarker.Kind.MSI, List.of(), List.of());
    private static final Biomarker DMMR = biomarker("dmmr", "dMMR", Biomarker.Kind.EXTERNAL, List.of(),
            List.of("msi"));
    private static final Indication NOT_COLORECTAL = fda("braf-drug", "dabrafenib", List.of("braf"),
            solid(new TumourExclusion("COADREAD", "intrinsic resistance to BRAF inhibition")), false, List.of());

    private static TumourType type(String code) {
        return new TumourType(code, code + " name", TREE.release());
    }

    private static TherapyOption only(KnowledgeBase kb, Biomarker b, TumourType t, ResistanceFindings r) {
        List<TherapyOption> all = new TherapyRules(kb, TREE, t).therapies(b, r);
        assertEquals(1, all.size(), all.toString());
        return all.get(0);
    }

    private static KnowledgeBase kb(Indication... indications) {
        return KbFixtures.kb(List.of(BRAF, NTRK, MSI, DMMR), List.of(), List.of(indications));
    }

    @Test
    void aLabelExclusionAppliesToTheExcludedTypeAndEveryTypeBelowIt() {
        KnowledgeBase kb = kb(NOT_COLORECTAL);
        for (String code : List.of("COADREAD", "COAD", "READ")) {
            Applicability a = only(kb, BRAF, type(code), ResistanceFindings.NONE).applicability();
            assertEquals(Boolean.FALSE, a.applies(), code);
            assertTrue(a.reasons().get(0).startsWith("the label excludes COADREAD: intrinsic resistance to BRAF "
                    + "inhibition"), a.reasons().toString());
        }
        assertEquals(Boolean.TRUE, only(kb, BRAF, type("PAAD"), ResistanceFindings.NONE).applicability().applies());
        assertEquals(Boolean.TRUE, only(kb, BRAF, type("CMC"), ResistanceFindings.NONE).applicability().applies(),
                "CMC is a sibling of COADREAD, not below it: the KB must name it to exclude it");
    }

    /** BOWEL holds COADREAD: a tumour typed only as bowel may be the excluded colorectal one, so it depends. */
    @Test
    void aCoarseTypeThatHoldsAnExcludedOneDependsOnAMoreSpecificType() {
        Applicability bowel = only(kb(NOT_COLORECTAL), BRAF, type("BOWEL"), ResistanceFindings.NONE).applicability();
        assertNull(bowel.applies());
        assertEquals(List.of("a more specific tumour type: BOWEL (BOWEL name) includes COADREAD (which the label "
                + "excludes: intrinsic resistance to BRAF inhibition)"), bowel.dependsOn());
        Applicability tissue = only(kb(NOT_COLORECTAL), BRAF, type("TISSUE"), ResistanceFindings.NONE).applicability();
        assertNull(tissue.applies(), "the root holds haematological types and colorectal ones");
        assertTrue(tissue.dependsOn().get(0).contains("LYMPH (haematological"), tissue.toString());
        KnowledgeBase named = kb(fda("named", "pembrolizumab", List.of("msi"), named("COAD"), false, List.of()));
        Applicability colorectal = only(named, MSI, type("COADREAD"), ResistanceFindings.NONE).applicability();
        assertNull(colorectal.applies(), "COADREAD holds the named COAD, and READ which is not named");
        assertEquals(Boolean.FALSE, only(named, MSI, type("PAAD"), ResistanceFindings.NONE).applicability()
                .applies());
    }

    @Test
    void withoutTheTumourTypeAnExclusionMakesItDependOnTheType() {
        TherapyOption t = only(kb(NOT_COLORECTAL), BRAF, null, ResistanceFindings.NONE);
        assertNull(t.applicability().applies());
        assertEquals(List.of("tumour type: the label excludes COADREAD (intrinsic resistance to BRAF inhibition)"),
                t.applicability().dependsOn());
        assertTrue(t.conditionsToConfirm().contains("a solid tumour (the label covers solid tumours)"));
        Indication noExclusion = fda("x", "drug", List.of("braf"), solid(), false, List.of());
        assertEquals(Boolean.TRUE, only(kb(noExclusion), BRAF, null, ResistanceFindings.NONE).applicability()
                .applies(), "a label without exclusions does not depend on the type");
    }

    @Test
    void aSolidTumourLabelDoesNotCoverAHaematologicalType() {
        Applicability a = only(kb(NOT_COLORECTAL), BRAF, type("AML"), ResistanceFindings.NONE).applicability();
        assertEquals(Boolean.FALSE, a.applies());
        assertTrue(a.reasons().get(0).contains("TISSUE > MYELOID > AML"), a.reasons().toString());
    }

    @Test
    void aNamedTypesIndicationAppliesToItsTypesOnly() {
        KnowledgeBase kb = kb(fda("named", "pembrolizumab", List.of("msi"), named("UCEC", "COADREAD"), false,
                List.of()));
        assertEquals(Boolean.TRUE, only(kb, MSI, type("COAD"), ResistanceFindings.NONE).applicability().applies());
        assertEquals(Boolean.FALSE, only(kb, MSI, type("PAAD"), ResistanceFindings.NONE).applicability().applies());
        Applicability unknown = only(kb, MSI, null, ResistanceFindings.NONE).applicability();
        assertNull(unknown.applies());
        assertTrue(unknown.dependsOn().get(0).contains("named tumour types only (UCEC, COADREAD)"));
    }

    @Test
    void onlyAnApprovedIndicationApplies() {
        for (ApprovalStatus s : ApprovalStatus.values()) {
            Indication i = KbFixtures.ema("e", "drug", List.of("braf"), s,
                    new IndicationDates("2024-01-01", "2024-06-01", s.isApproved() ? "2024-08-01" : null, null, null,
                            s == ApprovalStatus.WITHDRAWN ? "2025-01-01" : null));
            Applicability a = only(kb(i), BRAF, type("PAAD"), ResistanceFindings.NONE).applicability();
            assertEquals(s.isApproved(), Boolean.TRUE.equals(a.applies()), s.label());
            if (!s.isApproved()) {
                assertTrue(a.reasons().get(0).startsWith("not approved: EMA status " + s.label()), a.toString());
            }
        }
    }

    @Test
    void aSupersededIndicationIsHistoryNotATherapy() {
        Indication old = fda("old", "larotrectinib", List.of("ntrk"), solid(), true, List.of());
        Indication middle = fda("middle", "larotrectinib", List.of("ntrk"), solid(), true, List.of("old"));
        Indication current = fda("current", "larotrectinib", List.of("ntrk"), solid(), true, List.of("middle"));
        KnowledgeBase kb = kb(old, middle, current);
        TherapyOption t = only(kb, NTRK, type("PAAD"), new ResistanceFindings(null, List.of()));
        assertEquals("current", t.indication().id());
        assertEquals(List.of("middle", "old"), t.history().stream().map(Indication::id).toList());
    }

    private static KnowledgeBase ntrk(ResistanceMutation m, Indication... indications) {
        return KbFixtures.kb(List.of(NTRK), List.of(m), List.of(indications));
    }

    @Test
    void resistanceIsAppliedPerDrugAsTheEvidenceSays() {
        ResistanceMutation xdfg = KbFixtures.resistance("NTRK1", "G667C", "xDFG", true,
                Map.of("larotrectinib", DrugResponse.RESISTANT, "repotrectinib", DrugResponse.RESISTANT));
        ResistanceMutation solventFront = KbFixtures.resistance("NTRK1", "G595R", "solvent front", true,
                Map.of("larotrectinib", DrugResponse.RESISTANT, "repotrectinib", DrugResponse.ACTIVE));
        Indication laro = fda("laro", "larotrectinib", List.of("ntrk"), solid(), true, List.of());
        Indication repo = fda("repo", "repotrectinib", List.of("ntrk"), solid(), false, List.of());
        List<TherapyOption> withXdfg = new TherapyRules(ntrk(xdfg, laro, repo), TREE, type("PAAD"))
                .therapies(NTRK, new ResistanceFindings(null, List.of(xdfg)));
        assertEquals(List.of(false, false), withXdfg.stream().map(t -> t.applicability().applies()).toList());
        assertTrue(withXdfg.get(0).applicability().reasons().get(0).endsWith("the label excludes tumours with a "
                + "known acquired resistance mutation"));
        assertTrue(withXdfg.get(1).applicability().reasons().get(0).startsWith("NTRK1 G667C (xDFG) found: it "
                + "confers resistance to repotrectinib"), "the evidence decides where the label is silent");
        List<TherapyOption> withSolventFront = new TherapyRules(ntrk(solventFront, laro, repo), TREE, type("PAAD"))
                .therapies(NTRK, new ResistanceFindings(null, List.of(solventFront)));
        assertEquals(List.of(false, true), withSolventFront.stream().map(t -> t.applicability().applies()).toList());
        assertEquals(List.of("NTRK1 G595R (solvent front) found: repotrectinib retains activity against it (S1)"),
                withSolventFront.get(1).notes());
    }

    @Test
    void anUnverifiedResistanceMutationIsReportedNotUsed() {
        ResistanceMutation gatekeeper = KbFixtures.resistance("NTRK1", "F589L", "gatekeeper", false,
                Map.of("larotrectinib", DrugResponse.RESISTANT));
        Indication laro = fda("laro", "larotrectinib", List.of("ntrk"), solid(), true, List.of());
        TherapyOption t = only(ntrk(gatekeeper, laro), NTRK, type("PAAD"),
                new ResistanceFindings(null, List.of(gatekeeper)));
        assertEquals(Boolean.TRUE, t.applicability().applies());
        assertTrue(t.notes().get(0).contains("unverified resistance candidate"), t.notes().toString());
    }

    @Test
    void resistanceNotAssessedDependsOnlyWhereTheLabelExcludesIt() {
        ResistanceMutation any = KbFixtures.resistance("NTRK1", "G595R", "solvent front", true,
                Map.of("larotrectinib", DrugResponse.RESISTANT));
        Indication laro = fda("laro", "larotrectinib", List.of("ntrk"), solid(), true, List.of());
        Indication euLaro = fda("eu-laro", "larotrectinib-eu", List.of("ntrk"), solid(), false, List.of());
        List<TherapyOption> t = new TherapyRules(ntrk(any, laro, euLaro), TREE, type("PAAD"))
                .therapies(NTRK, new ResistanceFindings("no somatic VCF", List.of()));
        assertNull(t.get(0).applicability().applies());
        assertTrue(t.get(0).applicability().dependsOn().get(0).startsWith("acquired resistance: "));
        assertEquals(Boolean.TRUE, t.get(1).applicability().applies());
        assertEquals(List.of("acquired resistance mutations were not looked for (no somatic VCF)"), t.get(1).notes());
    }

    @Test
    void aTreatmentHistoryConditionDecidesThePopulationAndIsNeverInferred() {
        Indication euEntrectinib = fda("eu", "entrectinib", List.of("ntrk"), solid(), false, List.of(),
                new Condition(ConditionKind.PRIOR_TARGETED_THERAPY, "has not received a prior NTRK inhibitor",
                        List.of()));
        TherapyOption t = only(kb(euEntrectinib), NTRK, type("PAAD"), new ResistanceFindings(null, List.of()));
        assertNull(t.applicability().applies(), "no resistance mutation found does not prove no prior inhibitor");
        assertEquals(List.of("prior-targeted-therapy: has not received a prior NTRK inhibitor"),
                t.applicability().dependsOn());
        assertEquals(List.of("progressed following prior treatment"), t.conditionsToConfirm());
    }

    @Test
    void aConditionLimitedToSomeTumoursConcernsOnlyThoseAndUnknownOnes() {
        Indication tmb = fda("tmb", "pembrolizumab", List.of("msi"), solid(), false, List.of(),
                new Condition(ConditionKind.AGE, "paediatric CNS cancers: not established", List.of("BRAIN")));
        String cns = "paediatric CNS cancers: not established";
        assertTrue(only(kb(tmb), MSI, type("DIFG"), ResistanceFindings.NONE).conditionsToConfirm().contains(cns));
        assertTrue(only(kb(tmb), MSI, null, ResistanceFindings.NONE).conditionsToConfirm().contains(cns));
        assertFalse(only(kb(tmb), MSI, type("PAAD"), ResistanceFindings.NONE).conditionsToConfirm().contains(cns));
    }

    @Test
    void aBiomarkerThatSuggestsAnotherListsItsTherapiesAsDependingOnItsTest() {
        Indication pembro = fda("pembro", "pembrolizumab", List.of("msi", "dmmr"), solid(), false, List.of());
        Indication dostarlimab = fda("dostar", "dostarlimab", List.of("dmmr"), solid(), false, List.of());
        List<TherapyOption> t = new TherapyRules(kb(pembro, dostarlimab), TREE, type("UCEC"))
                .therapies(MSI, ResistanceFindings.NONE);
        assertEquals(List.of("pembro", "dostar"), t.stream().map(x -> x.indication().id()).toList());
        assertEquals(Boolean.TRUE, t.get(0).applicability().applies());
        assertNull(t.get(1).applicability().applies());
        assertTrue(t.get(1).applicability().dependsOn().get(0).startsWith("ihc: dMMR is the label's biomarker"));
    }

    @Test
    void aReasonToSayNoOutweighsAnOpenQuestion() {
        Indication i = fda("both", "entrectinib", List.of("braf"),
                solid(new TumourExclusion("COADREAD", "excluded")), false, List.of(),
                new Condition(ConditionKind.IHC, "an IHC result", List.of()));
        Applicability a = only(kb(i), BRAF, type("COAD"), ResistanceFindings.NONE).applicability();
        assertEquals(Boolean.FALSE, a.applies());
        assertEquals(List.of(), a.dependsOn());
    }
}
