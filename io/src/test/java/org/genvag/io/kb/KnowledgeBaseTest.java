// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.genvag.core.error.InputException;
import org.genvag.core.genome.Gene;
import org.genvag.core.genome.GeneResolution;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.core.biomarker.report.ResistanceFindings;
import org.genvag.core.biomarker.report.TherapyOption;
import org.genvag.core.biomarker.report.TherapyRules;
import org.genvag.core.kb.Agency;
import org.genvag.core.kb.Allele;
import org.genvag.core.kb.ApprovalStatus;
import org.genvag.core.kb.Biomarker;
import org.genvag.core.kb.DrugResponse;
import org.genvag.core.kb.Indication;
import org.genvag.core.kb.KnowledgeBase;
import org.genvag.core.kb.ResistanceMutation;
import org.genvag.core.kb.ReviewDue;
import org.genvag.core.kb.TumourExclusion;
import org.genvag.core.tumour.OncoTree;
import org.genvag.io.genes.GeneTableReader;
import org.junit.jupiter.api.Test;

class KnowledgeBaseTest {
    private static final KnowledgeBase KB = KnowledgeBaseReader.bundled();

    /** The therapies of the current, approved, tissue-agnostic indications naming a biomarker for an agency. */
    private static Set<String> therapies(String biomarker, Agency agency) {
        return KB.currentFor(biomarker).stream().filter(i -> i.agency() == agency && i.tumours().tissueAgnostic()
                && i.status().isApproved()).map(Indication::therapy).collect(Collectors.toSet());
    }

    private static Indication indication(String id) {
        return KB.indication(id).orElseThrow(() -> new AssertionError("no indication " + id));
    }

    @Test
    void everyRequiredTherapyIsThereWithItsAgencies() {
        assertEquals(Set.of("larotrectinib", "entrectinib", "repotrectinib"), therapies("NTRK_FUSION", Agency.FDA));
        assertEquals(Set.of("larotrectinib", "entrectinib", "repotrectinib"), therapies("NTRK_FUSION", Agency.EMA));
        assertEquals(Set.of("pembrolizumab"), therapies("MSI_H", Agency.FDA));
        assertEquals(Set.of(), therapies("MSI_H", Agency.EMA), "the EU approved named tumour types only");
        assertEquals(Set.of("pembrolizumab", "dostarlimab"), therapies("DMMR", Agency.FDA));
        assertEquals(Set.of("pembrolizumab"), therapies("TMB_H", Agency.FDA));
        assertEquals(Set.of("dabrafenib + trametinib"), therapies("BRAF_V600E", Agency.FDA));
        assertEquals(Set.of("selpercatinib"), therapies("RET_FUSION", Agency.FDA));
        assertEquals(Set.of("selpercatinib"), therapies("RET_FUSION", Agency.EMA));
        assertEquals(Set.of("trastuzumab deruxtecan"), therapies("HER2_IHC3", Agency.FDA));
        assertEquals(Set.of(), therapies("HER2_IHC3", Agency.EMA), "the EU decision is not verified: under review");
        assertEquals(List.of("COADREAD", "CMC"), indication("fda-dabrafenib-trametinib-braf-v600e-2022").tumours()
                .excluded().stream().map(TumourExclusion::code).toList());
    }

    /** Each superseded indication named by the audit is history of its successor, never a current one. */
    @Test
    void supersededIndicationsAreHistory() {
        Map<String, String> successor = Map.of(
                "fda-pembrolizumab-msih-dmmr-2017", "fda-pembrolizumab-msih-dmmr-2023",
                "fda-larotrectinib-ntrk-2018", "fda-larotrectinib-ntrk-2025",
                "fda-entrectinib-ntrk-2019", "fda-entrectinib-ntrk-2023",
                "fda-selpercatinib-ret-2022", "fda-selpercatinib-ret-2024",
                "ema-entrectinib-ntrk-2020", "ema-entrectinib-ntrk-2024");
        for (var e : successor.entrySet()) {
            Indication old = indication(e.getKey());
            Indication current = indication(e.getValue());
            for (String b : old.biomarkers()) {
                assertFalse(KB.currentFor(b).contains(old), e.getKey() + " is not current for " + b);
                assertTrue(KB.currentFor(b).contains(current), e.getValue() + " is current for " + b);
            }
            assertTrue(KB.historyOf(current).contains(old), e.getValue() + " has " + e.getKey() + " as history");
        }
        assertEquals("older than 1 month", indication("fda-entrectinib-ntrk-2023").population()
                .replace("adult and paediatric patients ", "").replace(" of age", ""));
    }

    @Test
    void emaApprovalsAreDatedByTheCommissionAndPendingOnesAreNotApproved() {
        for (Indication i : KB.indications()) {
            if (i.agency() == Agency.EMA && i.status().isApproved()) {
                assertTrue(i.dates().ecDecision() != null, i.id() + ": the EMA approval is the EC decision");
                assertEquals(i.dates().ecDecision(), i.date(), i.id());
            }
        }
        assertEquals("2019-09-19", indication("ema-larotrectinib-ntrk-2019").dates().ecDecision());
        assertEquals("2019-07-25", indication("ema-larotrectinib-ntrk-2019").dates().chmpOpinion());
        assertEquals("2020-07-31", indication("ema-entrectinib-ntrk-2020").dates().ecDecision());
        assertEquals("2020-05-28", indication("ema-entrectinib-ntrk-2020").dates().chmpOpinion());
        assertEquals("2024-06-27", indication("ema-entrectinib-ntrk-2024").dates().ecDecision());
        assertEquals("2025-01-13", indication("ema-repotrectinib-ntrk-2025").dates().ecDecision());
        assertEquals("2024-04-29", indication("ema-selpercatinib-ret-2024").dates().ecDecision());
        assertEquals(ApprovalStatus.UNDER_REVIEW, indication("ema-trastuzumab-deruxtecan-her2-ihc3").status());
    }

    /** Whatever the tumour, a current indication that is not approved never applies. */
    @Test
    void pendingIndicationsAreNeverApplicable() {
        OncoTree tree = OncoTreeReader.bundled();
        List<Indication> pending = KB.indications().stream().filter(i -> !i.status().isApproved()).toList();
        assertFalse(pending.isEmpty());
        for (Indication i : pending) {
            for (String code : List.of("PAAD", "COADREAD", "BRAIN")) {
                TherapyRules rules = new TherapyRules(KB, tree, OncoTreeReader.tumourType(tree, code, "test"));
                for (String b : i.biomarkers()) {
                    Biomarker biomarker = KB.biomarker(b).orElseThrow();
                    for (TherapyOption t : rules.therapies(biomarker, ResistanceFindings.NONE)) {
                        if (t.indication() == i) {
                            assertEquals(Boolean.FALSE, t.applicability().applies(), i.id() + " for " + code);
                        }
                    }
                }
            }
        }
    }

    /** NTRK resistance per drug, as the evidence says (Cancer Discovery 11(1):126). */
    @Test
    void resistanceIsPerDrug() {
        for (ResistanceMutation m : KB.resistance()) {
            switch (m.mutationClass()) {
                case "xDFG" -> assertEquals(DrugResponse.RESISTANT, m.drugs().get("repotrectinib"), m.label());
                case "solvent front" -> assertEquals(DrugResponse.ACTIVE, m.drugs().get("repotrectinib"), m.label());
                case "gatekeeper" -> assertFalse(m.verified(), m.label() + ": unverified until a primary source");
                default -> throw new AssertionError("unexpected class " + m.label());
            }
            if (m.verified()) {
                assertEquals(DrugResponse.RESISTANT, m.drugs().get("larotrectinib"), m.label());
                assertEquals(DrugResponse.RESISTANT, m.drugs().get("entrectinib"), m.label());
            }
        }
        assertEquals(Set.of("NTRK1 G667C", "NTRK1 G667A", "NTRK1 G667S", "NTRK3 G696C", "NTRK3 G696A",
                "NTRK3 G696S"), KB.resistance().stream().filter(m -> "xDFG".equals(m.mutationClass()))
                .map(m -> m.gene() + " " + m.protein()).collect(Collectors.toSet()));
    }

    @Test
    void everyEntryCitesADefinedSourceAndItsReviewDate() {
        for (Indication i : KB.indications()) {
            assertFalse(i.sources().isEmpty(), i.id());
            assertTrue(KB.sources().keySet().containsAll(i.sources()), i.id());
            assertTrue(i.lastVerified() != null, i.id());
        }
        for (Biomarker b : KB.biomarkers()) {
            assertTrue(KB.sources().keySet().containsAll(b.sources()), b.id());
        }
        // The entries the 2026-11-29 audit corrected cite the database they were checked against.
        for (String id : List.of("fda-pembrolizumab-msih-dmmr-2023", "ema-larotrectinib-ntrk-2019",
                "ema-entrectinib-ntrk-2020", "ema-entrectinib-ntrk-2024", "fda-repotrectinib-ntrk-2024",
                "ema-repotrectinib-ntrk-2025", "fda-dabrafenib-trametinib-braf-v600e-2022",
                "fda-selpercatinib-ret-2024", "fda-trastuzumab-deruxtecan-her2-ihc3-2024",
                "fda-pembrolizumab-tmbh-2020")) {
            assertTrue(indication(id).sources().contains("M"), id);
            assertEquals(LocalDate.of(2026, 11, 29), indication(id).lastVerified(), id);
        }
    }

    @Test
    void everyTumourTypeIsAnOncoTreeCodeOfTheShippedRelease() {
        OncoTree tree = OncoTreeReader.bundled();
        assertEquals(KB.oncotreeRelease(), tree.release());
        assertTrue(tree.size() > 850, "the whole tree ships: " + tree.size());
        assertTrue(tree.isWithin("COAD", "COADREAD") && tree.isWithin("READ", "COADREAD"));
        assertFalse(tree.isWithin("PAAD", "COADREAD"));
        assertEquals(List.of("TISSUE", "BOWEL", "COADREAD", "COAD"), tree.lineage("COAD"));
    }

    /** The hotspot's coordinates agree with an independent source: the gene tables' BRAF span on each build. */
    @Test
    void brafV600eAllelesLieInBrafOnBothBuilds() {
        Biomarker v600e = KB.biomarker("BRAF_V600E").orElseThrow();
        assertEquals(Set.of(GenomeBuild.GRCH37, GenomeBuild.GRCH38), v600e.alleles().keySet());
        for (var e : v600e.alleles().entrySet()) {
            Gene braf = assertInstanceOf(GeneResolution.Found.class,
                    GeneTableReader.bundled(e.getKey()).resolve("BRAF")).gene();
            for (Allele a : e.getValue()) {
                assertEquals(braf.contig(), a.chrom());
                assertTrue(braf.start() <= a.pos() && a.pos() + a.ref().length() - 1 <= braf.end(), a.toString());
            }
        }
        // The GRCh37 MNV is derived, not sourced: it stays out of the rules and says so.
        assertEquals(1, v600e.alleles().get(GenomeBuild.GRCH37).size());
        assertFalse(v600e.unverified().isEmpty());
    }

    @Test
    void fusionPartnersAndResistanceGenesResolveOnBothBuilds() {
        for (GenomeBuild build : GenomeBuild.values()) {
            var genes = GeneTableReader.bundled(build);
            for (Biomarker b : KB.biomarkers()) {
                for (String g : b.threePrimeGenes()) {
                    assertInstanceOf(GeneResolution.Found.class, genes.resolve(g), g + " on " + build);
                }
            }
            for (ResistanceMutation r : KB.resistance()) {
                assertInstanceOf(GeneResolution.Found.class, genes.resolve(r.gene()), r.gene() + " on " + build);
            }
        }
    }

    @Test
    void retsKinaseDomainIsDataWithItsSourceAndNtrksIsNotClaimed() {
        var ret = KB.biomarker("RET_FUSION").orElseThrow();
        var domain = ret.kinaseDomain("RET").orElseThrow();
        assertEquals("exons 12-18 of NM_020975", domain.describe());
        assertTrue(domain.sources().stream().allMatch(KB.sources()::containsKey), domain.sources().toString());
        // The collected facts leave NTRK's per-transcript ranges unverified: no domain, and the entry says so.
        var ntrk = KB.biomarker("NTRK_FUSION").orElseThrow();
        assertTrue(ntrk.kinaseDomains().isEmpty());
        assertTrue(ntrk.unverified().stream().anyMatch(u -> u.contains("kinase-domain")), ntrk.unverified().toString());
    }

    @Test
    void tmbCutOffIsInclusiveAsTheLabelSays() {
        var t = KB.biomarker("TMB_H").orElseThrow().threshold();
        assertTrue(t.isMetBy(10.0));
        assertFalse(t.isMetBy(9.99));
        assertFalse(KB.biomarker("DMMR").orElseThrow().assessableFromSequencing());
        assertFalse(KB.biomarker("HER2_IHC3").orElseThrow().assessableFromSequencing());
    }

    @Test
    void aBrokenKnowledgeBaseListsEveryProblemWithItsPath() {
        String json = """
                {"format": "genvag-kb/2", "version": "x", "oncotree_release": "oncotree_2025_10_03",
                 "sources": {"S1": "a label"},
                 "biomarkers": [{"id": "B", "name": "b", "kind": "tmb", "threshold": {"value": 10}, "sources": ["S1"],
                                 "last_verified": "2026-11-29"},
                                {"id": "H", "name": "h", "kind": "hotspot", "sources": ["S2"], "last_verified": "2026-11-29",
                                 "alleles": {"GRCh38": [{"chrom": "7", "pos": 5, "ref": "A", "alt": "X", "sources": ["S1"]}]}},
                                {"id": "F", "name": "f", "kind": "fusion", "three_prime_genes": ["RET"], "sources": ["S1"],
                                 "last_verified": "2026-11-29", "kinase_domains": [{"gene": "NTRK1",
                                 "transcript": "NM_020975.6", "exons": [18, 12], "sources": ["S9"]}]}],
                 "indications": [
                   {"id": "a", "drugs": ["d"], "biomarkers": ["NOPE"], "agency": "PMDA", "status": "approved-regular",
                    "dates": {"regular": "2024-13-01"}, "tumours": {"scope": "solid-tumours"}, "conditions": [],
                    "last_verified": "2026-11-29", "sources": []},
                   {"id": "b", "drugs": ["d"], "biomarkers": ["B"], "agency": "EMA", "status": "approved-conditional",
                    "dates": {"chmp_opinion": "2024-05-01"}, "tumours": {"scope": "solid-tumours",
                    "exclude": [{"code": "COLON", "reason": "r"}]}, "conditions": [{"kind": "mood", "text": "t"}],
                    "last_verified": "2026-11-29", "sources": ["S1"], "supersedes": ["c"]},
                   {"id": "c", "drugs": ["d"], "biomarkers": ["B"], "agency": "EMA", "status": "chmp-positive-opinion",
                    "dates": {"chmp_opinion": "2024-05-01", "ec_decision": "2024-04-01"}, "tumours": {"scope": "solid-tumours"},
                    "conditions": [], "sources": ["S1"]}]}
                """;
        InputException e = assertThrows(InputException.class, () -> KnowledgeBaseReader.read(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "my-kb.json"));
        List<String> lines = List.of(e.getMessage().split("\n"));
        List<String> expected = List.of(
                "biomarkers[0].threshold.comparison: expected '>=' or '>' (say which, as the source does), found ''",
                "biomarkers[0].threshold: a TMB biomarker needs its threshold",
                "biomarkers[1].alleles.GRCh38[0].alt: expected bases (A, C, G, T, N), found 'X'",
                "biomarkers[1].sources: source 'S2' is not defined in 'sources'",
                "biomarkers[2].kinase_domains[0].sources: source 'S9' is not defined in 'sources'",
                "biomarkers[2].kinase_domains[0].gene: 'NTRK1' is not one of the 3' partner genes [RET]",
                "biomarkers[2].kinase_domains[0].transcript: name the accession without its version "
                        + "('NM_020975.6'): the check matches any version and names the one it used",
                "biomarkers[2].kinase_domains[0].exons: expected [first, last] exon numbers, 1 or more, "
                        + "first <= last",
                "indications[0].biomarkers: names unknown biomarker 'NOPE'",
                "indications[0].agency: expected FDA or EMA, found 'PMDA'",
                "indications[0].dates.regular: expected an ISO date YYYY-MM-DD (or YYYY-MM), found '2024-13-01'",
                "indications[0].sources: every fact cites a source: expected at least one source key",
                "indications[1].dates: status 'approved-conditional' needs its date (ec_decision: the EMA approval "
                        + "is the Commission's decision)",
                "indications[1].tumours.exclude[0].code: 'COLON' is not an OncoTree code of release "
                        + "oncotree_2025_10_03",
                "indications[1].conditions[0].kind: expected one of [disease-extent, line-of-therapy, "
                        + "no-alternative, approved-test, age, prior-targeted-therapy, ihc], found 'mood'",
                "indications[2].status: the EC decided on 2024-04-01: the status is no longer a CHMP opinion",
                "indications[2].dates: chmp_opinion 2024-05-01 is after ec_decision 2024-04-01",
                "indications[2].last_verified: required");
        for (String x : expected) {
            assertTrue(lines.contains("  " + x), "missing: " + x + "\nin: " + e.getMessage());
        }
        assertEquals("my-kb.json: " + expected.size() + " problem(s) in the knowledge base:", lines.get(0),
                e.getMessage());
    }

    @Test
    void aHistoryThatDoesNotHoldTogetherIsRefused() {
        String indications = """
                [{"id": "one", "drugs": ["d"], "biomarkers": ["B"], "agency": "FDA", "status": "approved-accelerated",
                  "dates": {"accelerated": "2020-01-01"}, "tumours": {"scope": "solid-tumours"}, "conditions": [],
                  "last_verified": "2026-11-29", "sources": ["S1"]},
                 {"id": "two", "drugs": ["d"], "biomarkers": ["B"], "agency": "FDA", "status": "approved-regular",
                  "dates": {"accelerated": "2020-01-01", "regular": "2022-01-01"}, "tumours": {"scope": "solid-tumours"},
                  "conditions": [], "last_verified": "2026-11-29", "sources": ["S1"]},
                 {"id": "three", "drugs": ["e"], "biomarkers": ["B"], "agency": "FDA", "status": "approved-regular",
                  "dates": {"regular": "2023-01-01"}, "tumours": {"scope": "solid-tumours"}, "conditions": [],
                  "supersedes": ["four", "missing"], "last_verified": "2026-11-29", "sources": ["S1"]},
                 {"id": "four", "drugs": ["d"], "biomarkers": ["B"], "agency": "EMA", "status": "approved",
                  "dates": {"ec_decision": "2021-01-01"}, "tumours": {"scope": "solid-tumours"}, "conditions": [],
                  "last_verified": "2026-11-29", "sources": ["S1"]}]
                """;
        String json = "{\"format\": \"genvag-kb/2\", \"version\": \"x\", \"oncotree_release\": "
                + "\"oncotree_2025_10_03\", \"sources\": {\"S1\": \"a label\"}, \"biomarkers\": [{\"id\": \"B\", "
                + "\"name\": \"b\", \"kind\": \"msi\", \"sources\": [\"S1\"], \"last_verified\": \"2026-11-29\"}], "
                + "\"indications\": " + indications + "}";
        InputException e = assertThrows(InputException.class, () -> KnowledgeBaseReader.read(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "kb.json"));
        for (String x : List.of("indication three: supersedes: 'four' is of other drugs, agency or biomarkers",
                "indication three: supersedes: no indication 'missing'",
                "indication two: 'one' is current for FDA [d] B too: one must supersede the other")) {
            assertTrue(e.getMessage().contains("  " + x), "missing: " + x + "\nin: " + e.getMessage());
        }
    }

    @Test
    void aVersionOneKnowledgeBaseIsRefusedWithTheWayForward() {
        InputException e = assertThrows(InputException.class, () -> KnowledgeBaseReader.read(
                new ByteArrayInputStream("{\"format\": \"genvag-kb/1\"}".getBytes(StandardCharsets.UTF_8)),
                "old.json"));
        assertTrue(e.getMessage().startsWith("old.json: format 'genvag-kb/1' has no approval status, history"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("convert it to 'genvag-kb/2' (docs/knowledge-base.md)"));
    }

    @Test
    void reviewIsDueTwelveMonthsAfterTheLastVerification() {
        assertEquals(List.of(), ReviewDue.of(KB, LocalDate.of(2026, 11, 29)), "all verified within the year");
        List<ReviewDue.Entry> due = ReviewDue.of(KB, LocalDate.of(2027, 11, 25));
        assertEquals(Set.of(LocalDate.of(2026, 11, 22)), due.stream().map(ReviewDue.Entry::lastVerified)
                .collect(Collectors.toSet()), "only the entries last verified on 2026-11-22 are a year old");
        assertTrue(due.stream().anyMatch(d -> d.what().equals("indication fda-entrectinib-ntrk-2019")));
        assertEquals(KB.biomarkers().size() + KB.resistance().size() + KB.indications().size(),
                ReviewDue.of(KB, LocalDate.of(2028, 1, 1)).size());
        assertTrue(ReviewDue.of(KB, LocalDate.of(2026, 11, 1)).get(0).why().endsWith(": check the date"),
                "a review date after the day of the check is listed");
    }
}
