// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.msi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.broadinstitute.gatk.nativebindings.smithwaterman.SWAlignerNativeBinding;
import org.genvag.core.msi.LengthHistograms;
import org.genvag.core.msi.RepeatSite;
import org.genvag.io.bam.BamReader;
import org.genvag.io.bam.BamRecord;
import org.genvag.io.msi.SiteList;
import org.genvag.pipeline.align.Aligners;
import org.genvag.pipeline.msi.RepeatLengthCounter;
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
 * Reads the mapper soft-clipped inside an unstable repeat are recovered by realignment: the same tumour written twice
 * from one seed, once with every read's deletion in its CIGAR and once with half of the deleted reads soft-clipped at
 * the repeat instead (as a mapper that prefers a clip near a read's end writes them), gives the same repeat-length
 * counts at every site once clipped reads are realigned, with the pure-Java and the GKL aligner alike.
 */
class MsiRealignmentTest {
    @TempDir
    static Path dir;
    static List<RepeatSite> sites;
    static Path gapped;
    static Path clipped;

    @BeforeAll
    static void generate() throws IOException {
        SyntheticGenome genome = new SyntheticGenome(9);
        List<Contig> contigs = Contig.parse("synthetic:1:400000", false);
        Path fasta = dir.resolve("ref.fa");
        FastaGenerator.write(genome, contigs, fasta);
        Path siteFile = dir.resolve("sites.tsv");
        SiteScan.run(fasta, null, SyntheticSites.OPTIONS, siteFile);
        sites = SiteList.read(siteFile);
        BamGenerator.Options o = BamGenerator.Options.defaults().withDepth(40).withSeed(2);
        gapped = dir.resolve("gapped.bam");
        new BamGenerator(genome, contigs, o).withMsi(new BamGenerator.MsiShift(0.5, 0.8, 5, 0))
                .write(BamGenerator.wholeContigs(contigs), gapped);
        clipped = dir.resolve("clipped.bam");
        new BamGenerator(genome, contigs, o).withMsi(new BamGenerator.MsiShift(0.5, 0.8, 5, 0.5))
                .write(BamGenerator.wholeContigs(contigs), clipped);
    }

    @Test
    void clippedReadsAreRecoveredByRealignment() throws IOException {
        SWAlignerNativeBinding gkl = Aligners.gklIfAvailable().get();
        assertNotNull(gkl, "GKL's aligner loads on x86-64 Linux");
        Counted truth = count(gapped, Aligners.java().get());
        Counted exactOnly = count(clipped, null);
        Counted java = count(clipped, Aligners.java().get());
        Counted native_ = count(clipped, gkl);

        assertTrue(exactOnly.counted < truth.counted, "clipping hides reads from exact anchoring: "
                + exactOnly.counted + " vs " + truth.counted);
        assertTrue(java.realigned > 100, "realigned " + java.realigned);
        List<String> differences = differences(truth.histograms, java.histograms);
        assertEquals(List.of(), differences.subList(0, Math.min(5, differences.size())),
                differences.size() + " sites differ after realignment");
        assertEquals(java.counted, native_.counted);
        assertEquals(List.of(), differences(java.histograms, native_.histograms), "java and GKL agree");
        assertEquals(truth.counted, java.counted);
    }

    record Counted(LengthHistograms histograms, long counted, long realigned) {
    }

    static Counted count(Path bam, SWAlignerNativeBinding aligner) throws IOException {
        LengthHistograms h = new LengthHistograms(sites.size());
        try (BamReader reader = BamReader.open(bam.toString(), 1)) {
            RepeatLengthCounter c = new RepeatLengthCounter(sites, reader.header().names(), h, aligner);
            BamRecord r = new BamRecord();
            while (reader.next(r)) {
                c.accept(r);
            }
            return new Counted(h, c.counted(), c.realigned());
        }
    }

    static List<String> differences(LengthHistograms a, LengthHistograms b) {
        List<String> out = new ArrayList<>();
        for (int s = 0; s < a.sites(); s++) {
            for (int len = 0; len <= LengthHistograms.MAX_LENGTH; len++) {
                if (a.count(s, len) != b.count(s, len)) {
                    out.add(sites.get(s) + " length " + len + ": " + a.count(s, len) + " vs " + b.count(s, len));
                }
            }
        }
        return out;
    }
}
