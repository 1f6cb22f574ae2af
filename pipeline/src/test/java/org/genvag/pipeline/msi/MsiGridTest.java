// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.msi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.genvag.core.msi.MsiScorer;
import org.genvag.core.msi.RepeatSite;
import org.genvag.io.msi.SiteList;
import org.genvag.pipeline.msi.MsiCall;
import org.genvag.pipeline.msi.SiteScan;
import org.genvag.testdata.BamGenerator;
import org.genvag.testdata.Contig;
import org.genvag.testdata.FastaGenerator;
import org.genvag.testdata.SyntheticGenome;
import org.genvag.testdata.SyntheticSites;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The call across a grid of depths and tumour purities, 30% of microsatellites unstable in the tumour cells: where
 * the data support a call it is right and the score recovers the planted share; where they do not (too few reads
 * per site), the answer is "not assessable", never a guess; a stable tumour is never called MSI-H.
 */
class MsiGridTest {
    @TempDir
    static Path dir;
    static Path sites;
    static List<RepeatSite> siteList;
    static final SyntheticGenome GENOME = new SyntheticGenome(21);
    static final List<Contig> CONTIGS = Contig.parse("synthetic:1:450000", false);
    static final long SHIFT_SEED = 5;
    /** depth -> purity -> result; purity 0 is a stable tumour. */
    static final Map<Integer, Map<Double, MsiScorer.Result>> GRID = new LinkedHashMap<>();

    @BeforeAll
    static void callTheGrid() throws IOException {
        Path fasta = dir.resolve("ref.fa");
        FastaGenerator.write(GENOME, CONTIGS, fasta);
        sites = dir.resolve("sites.tsv");
        SiteScan.run(fasta, null, SyntheticSites.OPTIONS, sites);
        siteList = SiteList.read(sites);
        Map<Integer, double[]> purities = Map.of(20, new double[] {0.5}, 40, new double[] {0, 0.2, 0.5},
                80, new double[] {0, 0.2, 0.5});
        for (int depth : new int[] {20, 40, 80}) {
            BamGenerator.Options o = BamGenerator.Options.defaults().withDepth(depth);
            Path normal = dir.resolve("normal" + depth + ".bam");
            new BamGenerator(GENOME, CONTIGS, o.withSeed(100 + depth)).write(BamGenerator.wholeContigs(CONTIGS),
                    normal);
            Map<Double, MsiScorer.Result> row = new LinkedHashMap<>();
            for (double purity : purities.get(depth)) {
                Path tumour = dir.resolve("tumour" + depth + "-" + purity + ".bam");
                BamGenerator g = new BamGenerator(GENOME, CONTIGS, o.withSeed(200 + depth));
                if (purity > 0) {
                    g = g.withMsi(new BamGenerator.MsiShift(0.3, purity, SHIFT_SEED));
                }
                g.write(BamGenerator.wholeContigs(CONTIGS), tumour);
                row.put(purity, MsiCall.run(tumour.toString(), normal.toString(), sites, MsiScorer.Options.defaults(),
                        1).result());
            }
            GRID.put(depth, row);
        }
    }

    @Test
    void tooShallowIsNotAssessable() {
        MsiScorer.Result r = GRID.get(20).get(0.5);
        // At 20x fewer than 20 reads span most sites with both flanks: too few evaluable sites to call.
        assertEquals(MsiScorer.Status.NOT_ASSESSABLE, r.status(), describe(r));
        assertTrue(r.evaluable() < MsiScorer.Options.defaults().minSites(), describe(r));
    }

    @Test
    void stableTumoursAreMss() {
        for (int depth : new int[] {40, 80}) {
            MsiScorer.Result r = GRID.get(depth).get(0.0);
            assertEquals(MsiScorer.Status.MSS, r.status(), depth + "x: " + describe(r));
            assertTrue(r.unstable() <= 1, depth + "x: " + describe(r));
        }
    }

    @Test
    void halfPureTumoursAreMsiHWithThePlantedShare() {
        for (int depth : new int[] {40, 80}) {
            MsiScorer.Result r = GRID.get(depth).get(0.5);
            assertEquals(MsiScorer.Status.MSI_H, r.status(), depth + "x: " + describe(r));
            assertEquals(plantedShare(r), r.score(), 3.0, depth + "x: " + describe(r));
        }
    }

    /** At 20% purity only a fifth of reads carry the shift: depth decides whether each site's test sees it. */
    @Test
    void lowPurityNeedsDepth() {
        MsiScorer.Result shallow = GRID.get(40).get(0.2);
        MsiScorer.Result deep = GRID.get(80).get(0.2);
        assertEquals(MsiScorer.Status.MSI_H, deep.status(), "80x: " + describe(deep));
        assertTrue(shallow.status() != MsiScorer.Status.MSS, "40x: " + describe(shallow));
        assertTrue(deep.score() > shallow.score(), describe(shallow) + " vs " + describe(deep));
        assertTrue(deep.score() <= plantedShare(deep) + 3.0, "never more unstable sites than planted: "
                + describe(deep));
    }

    /** % of the evaluable sites that were planted unstable. */
    private static double plantedShare(MsiScorer.Result r) {
        BamGenerator.MsiShift shift = new BamGenerator.MsiShift(0.3, 1, SHIFT_SEED);
        int planted = 0;
        for (int i = r.evaluableSites().nextSetBit(0); i >= 0; i = r.evaluableSites().nextSetBit(i + 1)) {
            planted += MsiCallTest.isShifted(GENOME, shift, siteList.get(i)) ? 1 : 0;
        }
        return 100.0 * planted / r.evaluable();
    }

    private static String describe(MsiScorer.Result r) {
        return r.status() + ", score " + r.score() + ", " + r.unstable() + " unstable of " + r.evaluable()
                + " evaluable of " + r.sites();
    }
}
