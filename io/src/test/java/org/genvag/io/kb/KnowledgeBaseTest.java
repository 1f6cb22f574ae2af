package org.genvag.io.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.genvag.core.error.InputException;
import org.genvag.core.genome.Gene;
import org.genvag.core.genome.GeneResolution;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.core.kb.Allele;
import org.genvag.core.kb.Approval;
import org.genvag.core.kb.Biomarker;
import org.genvag.core.kb.KnowledgeBase;
import org.genvag.core.kb.ResistanceMutation;
import org.genvag.io.genes.GeneTableReader;
import org.junit.jupiter.api.Test;

class KnowledgeBaseTest {
    private static final KnowledgeBase KB = KnowledgeBaseReader.bundled();

    private static Set<String> therapies(String biomarker, String agency) {
        return KB.approvalsFor(biomarker).stream().filter(a -> a.agency().equals(agency) && a.tissueAgnostic())
                .map(Approval::therapy).collect(Collectors.toSet());
    }

    @Test
    void everyRequiredTherapyIsThereWithItsAgencies() {
        assertEquals(Set.of("larotrectinib", "entrectinib", "repotrectinib"), therapies("NTRK_FUSION", "FDA"));
        assertEquals(Set.of("larotrectinib", "entrectinib", "repotrectinib"), therapies("NTRK_FUSION", "EMA"));
        assertEquals(Set.of("pembrolizumab"), therapies("MSI_H", "FDA"));
        assertEquals(Set.of(), therapies("MSI_H", "EMA"), "the EU approved named tumour types only");
        assertEquals(Set.of("pembrolizumab", "dostarlimab"), therapies("DMMR", "FDA"));
        assertEquals(Set.of("pembrolizumab"), therapies("TMB_H", "FDA"));
        assertEquals(Set.of("dabrafenib + trametinib"), therapies("BRAF_V600E", "FDA"));
        assertEquals(Set.of("selpercatinib"), therapies("RET_FUSION", "FDA"));
        assertEquals(Set.of("selpercatinib"), therapies("RET_FUSION", "EMA"));
        assertEquals(Set.of("trastuzumab deruxtecan"), therapies("HER2_IHC3", "FDA"));
        assertTrue(KB.approvalsFor("BRAF_V600E").get(0).excludedTissues().contains("colorectal"));
        assertTrue(KB.approvalsFor("NTRK_FUSION").stream().filter(a -> a.drugs().contains("larotrectinib"))
                .allMatch(Approval::excludesResistance));
    }

    @Test
    void everyFactCitesADefinedSource() {
        for (Approval a : KB.approvals()) {
            assertFalse(a.sources().isEmpty(), a.toString());
            assertTrue(KB.sources().keySet().containsAll(a.sources()), a.toString());
        }
        for (Biomarker b : KB.biomarkers()) {
            assertTrue(KB.sources().keySet().containsAll(b.sources()), b.id());
        }
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
                {"format": "genvag-kb/1", "version": "x", "sources": {"S1": "a label"},
                 "biomarkers": [{"id": "B", "name": "b", "kind": "tmb", "threshold": {"value": 10}, "sources": ["S1"]},
                                {"id": "H", "name": "h", "kind": "hotspot", "sources": ["S2"],
                                 "alleles": {"GRCh38": [{"chrom": "7", "pos": 5, "ref": "A", "alt": "X", "sources": ["S1"]}]}}],
                 "approvals": [{"drugs": ["d"], "biomarkers": ["NOPE"], "agency": "PMDA", "status": "s",
                                "date": "2024-13-01", "tissue_agnostic": true, "sources": []}]}
                """;
        InputException e = assertThrows(InputException.class, () -> KnowledgeBaseReader.read(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "my-kb.json"));
        List<String> lines = List.of(e.getMessage().split("\n"));
        assertEquals("my-kb.json: 8 problem(s) in the knowledge base:", lines.get(0));
        for (String expected : List.of(
                "biomarkers[0].threshold.comparison: expected '>=' or '>' (say which, as the source does), found ''",
                "biomarkers[0].threshold: a TMB biomarker needs its threshold",
                "biomarkers[1].alleles.GRCh38[0].alt: expected bases (A, C, G, T, N), found 'X'",
                "biomarkers[1].sources: source 'S2' is not defined in 'sources'",
                "approvals[0].biomarkers: names unknown biomarker 'NOPE'",
                "approvals[0].agency: expected FDA or EMA, found 'PMDA'",
                "approvals[0].date: expected an ISO date YYYY-MM-DD (or YYYY-MM), found '2024-13-01'",
                "approvals[0].sources: every fact cites a source: expected at least one source key")) {
            assertTrue(lines.contains("  " + expected), "missing: " + expected + "\nin: " + e.getMessage());
        }
    }
}
