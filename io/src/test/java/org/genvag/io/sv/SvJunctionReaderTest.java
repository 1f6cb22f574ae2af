// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.sv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.genvag.core.biomarker.Junction;
import org.genvag.core.error.InputException;
import org.genvag.core.genome.Gene;
import org.genvag.core.genome.GeneLocator;
import org.genvag.core.genome.GeneResolution;
import org.genvag.core.genome.GeneResolver;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.io.genes.GeneTableReader;
import org.genvag.io.vcf.VcfReader;
import org.genvag.testsupport.Fixtures;
import org.genvag.testsupport.PeerTool;
import org.junit.jupiter.api.Test;

/** Junctions from real SV callers' VCFs, checked against bcftools' reading of the same fields. */
class SvJunctionReaderTest {

    static SvJunctionReader.Result read(Path vcf, int sample) throws IOException {
        try (VcfReader r = VcfReader.open(vcf.toString(), 1)) {
            return SvJunctionReader.read(r, sample);
        }
    }

    @Test
    void oneDeletionWrittenSymbolicallyAndAsABreakendPairIsOneJunction() throws IOException {
        SvJunctionReader.Result r = read(Fixtures.path("sv/representations.vcf"), -1);
        assertEquals(5, r.records());
        assertEquals(1, r.junctions().size(), r.junctions().toString());
        Junction j = r.junctions().get(0);
        assertEquals(List.of("symbolic@chr:5", "breakpoint1@chr:5", "breakpoint2@chr:13"), j.records());
        assertEquals(5, j.first().pos());
        assertTrue(j.first().keepsLeft());
        assertEquals(13, j.second().pos());
        assertFalse(j.second().keepsLeft());
        assertEquals(1, r.singleBreakends(), "T. is a single breakend");
        assertEquals(1, r.otherSkipped(), "a sequence-resolved deletion without SVTYPE is a small variant");
    }

    @Test
    void mantaSomaticCallsGiveBcftoolsCountsAndTheTumoursReadSupport() throws IOException {
        Path vcf = Fixtures.path("sv/colo829_somatic_manta.vcf");
        PeerTool bcftools = PeerTool.require("bcftools");
        List<String[]> rows = bcftools.runText("query", "-s", "COLO829T", "-f",
                "%ID\\t%SVTYPE[\\t%PR][\\t%SR]\\t%CHROM:%POS:%INFO/END\\n", vcf.toString()).lines()
                .map(l -> l.split("\t", -1)).toList();
        long bnd = rows.stream().filter(x -> x[1].equals("BND")).count();
        // The file repeats some deletions under other IDs (two Manta runs merged): one junction each.
        long symbolic = rows.stream().filter(x -> Set.of("DEL", "DUP").contains(x[1])).map(x -> x[1] + x[4])
                .distinct().count();
        long inversions = 0;   // this Manta run wrote inversions as breakend pairs
        long insertions = rows.stream().filter(x -> x[1].equals("INS")).count();
        assertNotEquals(0, bnd);
        SvJunctionReader.Result r = read(vcf, 1);
        assertEquals(rows.size(), r.records());
        assertEquals(bnd / 2 + symbolic + inversions, r.junctions().size());
        assertEquals(insertions, r.insertions());
        Map<String, String[]> byId = new HashMap<>();
        rows.forEach(x -> byId.put(x[0], x));
        for (Junction j : r.junctions()) {
            String[] peer = byId.get(j.records().get(0).substring(0, j.records().get(0).indexOf('@')));
            assertEquals(alt(peer[2]), j.support().get("PR"), j.records().toString());
            assertEquals(alt(peer[3]), j.support().get("SR"), j.records().toString());
            if (peer[1].equals("BND")) {
                assertEquals(2, j.records().size(), "mates merged: " + j.records());
            }
        }
    }

    private static Integer alt(String refAlt) {
        return refAlt.equals(".") ? null : Integer.valueOf(refAlt.substring(refAlt.indexOf(',') + 1));
    }

    @Test
    void gridssMatesByParidAndDellyOrientationByCt() throws IOException {
        SvJunctionReader.Result gridss = read(Fixtures.path("sv/gridss-na12878.vcf"), -1);
        PeerTool bcftools = PeerTool.require("bcftools");
        // An excerpt: some mates are in the file, most are not. Each record whose PARID is present pairs up.
        List<String[]> rows = bcftools.runText("query", "-f", "%ID\\t%INFO/PARID\\n",
                Fixtures.path("sv/gridss-na12878.vcf").toString()).lines().map(l -> l.split("\t")).toList();
        Set<String> ids = rows.stream().map(x -> x[0]).collect(Collectors.toSet());
        long paired = rows.stream().filter(x -> ids.contains(x[1])).count();
        assertNotEquals(0, paired);
        assertEquals(rows.size() - paired / 2, gridss.junctions().size());
        assertEquals(paired / 2, gridss.junctions().stream().filter(j -> j.records().size() == 2).count());
        assertTrue(gridss.junctions().stream().noneMatch(Junction::pass), "all are LOW_QUAL in this file");
        assertTrue(gridss.junctions().stream().noneMatch(j -> j.support().isEmpty()),
                "split-read, read-pair or assembly support from INFO in a sites-only file");

        SvJunctionReader.Result delly = read(Fixtures.path("sv/delly-0.6.8.vcf"), 0);
        Junction inv = delly.junctions().get(0);
        assertEquals("INV", inv.svType());
        assertTrue(inv.first().keepsLeft() && inv.second().keepsLeft(), "CT=3to3");
        assertEquals(249240606, inv.second().pos());
        Junction del = delly.junctions().get(1);
        assertTrue(del.first().keepsLeft() && !del.second().keepsLeft(), "CT=3to5");
        assertEquals("LowQual", del.filter());
        assertEquals(5, del.support().get("DV"));
    }

    /**
     * The COLO829 truth set names the genes each junction touches (GENE=): every one of them that genvag's GRCh37
     * table knows must cover one of the junction's two breakends, or lie between them on one chromosome.
     */
    @Test
    void truthSetGeneAnnotationAgreesWithTheGeneTable() throws IOException {
        Path vcf = Fixtures.path("sv/truthset_somaticSVs_COLO829.vcf");
        GeneResolver genes = GeneTableReader.bundled(GenomeBuild.GRCH37);
        GeneLocator locator = new GeneLocator(genes.genes());
        PeerTool bcftools = PeerTool.require("bcftools");
        Map<String, String> geneById = bcftools.runText("query", "-f", "%ID\\t%INFO/GENE\\n", vcf.toString())
                .lines().map(l -> l.split("\t")).collect(Collectors.toMap(x -> x[0], x -> x[1]));
        int checked = 0;
        List<String> disagreements = new ArrayList<>();
        for (Junction j : read(vcf, 0).junctions()) {
            String id = j.records().get(0).substring(0, j.records().get(0).indexOf('@'));
            for (String symbol : geneById.get(id).split(",")) {
                if (symbol.equals(".")) {
                    continue;
                }
                if (!(genes.resolve(symbol) instanceof GeneResolution.Found found)) {
                    continue;   // a name the truth set used that the tables do not know, or know twice
                }
                Gene g = found.gene();
                // GENE lists the genes at either breakend and, for a deletion or duplication, those in between.
                boolean between = j.first().chrom().equals(j.second().chrom()) && g.end() >= Math.min(j.first()
                        .pos(), j.second().pos()) && g.start() <= Math.max(j.first().pos(), j.second().pos());
                boolean covered = between || locator.at(j.first().chrom(), j.first().pos()).contains(g)
                        || locator.at(j.second().chrom(), j.second().pos()).contains(g);
                checked++;
                if (!covered) {
                    disagreements.add(id + " " + symbol);
                }
            }
        }
        assertTrue(checked >= 20, "checked " + checked);
        assertEquals(List.of(), disagreements);
    }

    @Test
    void aMalformedBreakendIsAnErrorAtItsLine() {
        String vcf = "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n"
                + "1\t100\tb1\tA\tA[1:x[\t.\tPASS\tSVTYPE=BND\n";
        InputException e = assertThrows(InputException.class, () -> {
            try (VcfReader r = VcfReader.open(new ByteArrayInputStream(vcf.getBytes(StandardCharsets.US_ASCII)),
                    "sv.vcf", 1)) {
                SvJunctionReader.read(r, -1);
            }
        });
        assertTrue(e.getMessage().startsWith("sv.vcf:3:"), e.getMessage());
        assertTrue(e.getMessage().contains("chrom:pos"), e.getMessage());
    }
}
