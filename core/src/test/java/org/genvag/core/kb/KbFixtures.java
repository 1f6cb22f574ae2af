// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.kb;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.genvag.core.biomarker.Threshold;
import org.genvag.core.tumour.OncoTree;

/**
 * Small knowledge-base parts for core tests, built in code (core reads no files): an OncoTree excerpt with the
 * real codes and parents of the types the rules need, and indications in a few lines each.
 */
public final class KbFixtures {
    public static final LocalDate VERIFIED = LocalDate.of(2026, 11, 29);

    /** Real OncoTree 2025-10-03 codes and parents, cut to what the tests name. */
    public static final OncoTree TREE = OncoTree.of("oncotree_test", List.of(
            node("TISSUE", ""), node("BOWEL", "TISSUE"), node("COADREAD", "BOWEL"), node("COAD", "COADREAD"),
            node("READ", "COADREAD"), node("CMC", "BOWEL"), node("PANCREAS", "TISSUE"), node("PAAD", "PANCREAS"),
            node("BRAIN", "TISSUE"), node("DIFG", "BRAIN"), node("LYMPH", "TISSUE"), node("MYELOID", "TISSUE"),
            node("AML", "MYELOID"), node("UTERUS", "TISSUE"), node("UCEC", "UTERUS")));

    private KbFixtures() {
    }

    private static OncoTree.Node node(String code, String parent) {
        return new OncoTree.Node(code, parent, code + " name", "");
    }

    public static TumourScope solid(TumourExclusion... excluded) {
        return new TumourScope(TumourScope.Kind.SOLID_TUMOURS, List.of(), List.of(excluded));
    }

    public static TumourScope named(String... codes) {
        return new TumourScope(TumourScope.Kind.NAMED_TYPES, List.of(codes), List.of());
    }

    /** An approved FDA accelerated indication with one line-of-therapy condition. */
    public static Indication fda(String id, String drug, List<String> biomarkers, TumourScope scope,
                                 boolean excludesResistance, List<String> supersedes, Condition... more) {
        List<Condition> conditions = new ArrayList<>(List.of(new Condition(ConditionKind.LINE_OF_THERAPY,
                "progressed following prior treatment", List.of())));
        conditions.addAll(List.of(more));
        return new Indication(id, List.of(drug), biomarkers, Agency.FDA, ApprovalStatus.APPROVED_ACCELERATED,
                new IndicationDates(null, null, null, "2020-01-01", null, null), scope, "adults", conditions,
                excludesResistance, supersedes, List.of(), VERIFIED, List.of("S1"));
    }

    public static Indication ema(String id, String drug, List<String> biomarkers, ApprovalStatus status,
                                 IndicationDates dates, Condition... conditions) {
        return new Indication(id, List.of(drug), biomarkers, Agency.EMA, status, dates, solid(), "adults",
                List.of(conditions), false, List.of(), List.of(), VERIFIED, List.of("S1"));
    }

    public static Biomarker biomarker(String id, String name, Biomarker.Kind kind, List<String> threePrime,
                                      List<String> suggestedBy) {
        return new Biomarker(id, name, kind, kind == Biomarker.Kind.HOTSPOT ? "BRAF" : null,
                kind == Biomarker.Kind.HOTSPOT ? "V600E" : null, threePrime, List.of(), Map.of(), Map.of(),
                kind == Biomarker.Kind.TMB ? new Threshold(10, ">=", "mut/Mb") : null, kind != Biomarker.Kind.EXTERNAL,
                suggestedBy, kind == Biomarker.Kind.EXTERNAL ? "immunohistochemistry" : null, List.of(), VERIFIED,
                List.of("S1"));
    }

    public static ResistanceMutation resistance(String gene, String protein, String cls, boolean verified,
                                                Map<String, DrugResponse> drugs) {
        return new ResistanceMutation(gene, protein, cls, drugs, verified, VERIFIED, List.of("S1"));
    }

    public static KnowledgeBase kb(List<Biomarker> biomarkers, List<ResistanceMutation> resistance,
                                   List<Indication> indications) {
        return new KnowledgeBase("test", "2026-11-29", TREE.release(), Map.of("S1", "a label"), biomarkers,
                resistance, indications, List.of());
    }
}
