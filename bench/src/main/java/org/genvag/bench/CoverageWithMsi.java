// SPDX-License-Identifier: Apache-2.0
package org.genvag.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.genvag.core.genome.ContigNames;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.core.msi.LengthHistograms;
import org.genvag.core.msi.RepeatSite;
import org.genvag.io.ReadMode;
import org.genvag.io.bed.BedReader;
import org.genvag.io.bed.BedRecord;
import org.genvag.pipeline.coverage.CoverageJob;
import org.genvag.pipeline.coverage.PanelCoverage;
import org.genvag.pipeline.msi.RepeatLengthCounter;
import org.genvag.pipeline.msi.SiteScan;
import org.genvag.testdata.Contig;
import org.genvag.testdata.Region;
import org.genvag.testdata.SyntheticGenome;
import org.genvag.testdata.SyntheticSites;

/**
 * What MSI counting adds to a coverage pass when it rides it (one decode of the BAM), in-process, alternating the
 * two so that both see the same warm JVM and page cache. The sites are the panel regions' microsatellites, scanned
 * from the synthetic genome that generated the BAM (seed 42 unless given).
 * <pre>java -cp bench/target/benchmarks.jar org.genvag.bench.CoverageWithMsi panel30x.bam metabolic-944.tsv
 *     metabolic-944.bed [seed [sites.tsv]]</pre>
 * Each round runs coverage alone, with MSI counting by exact anchors only, and with realignment as well; round 0
 * warms up and the medians of the others are printed ({@code -Drounds=9}). With a fifth argument the site list is written there (for the whole-process runs) and nothing is timed.
 */
public final class CoverageWithMsi {
    private CoverageWithMsi() {
    }

    public static void main(String[] args) throws IOException {
        Path bam = Path.of(args[0]);
        Path panel = Path.of(args[1]);
        List<RepeatSite> sites = sites(Path.of(args[2]), new SyntheticGenome(args.length > 3 ? Long.parseLong(args[3])
                : 42));
        if (args.length > 4) {
            SiteScan.write(sites, Path.of(args[4]));
            System.out.printf("%d sites -> %s%n", sites.size(), args[4]);
            return;
        }
        CoverageJob.Request request = new CoverageJob.Request(bam.toString(), null, List.of(panel), null, 0, false,
                ReadMode.STREAM, PanelCoverage.Options.defaults(2));
        System.out.printf("%d sites%n", sites.size());
        int rounds = Integer.getInteger("rounds", 9);
        double[][] seconds = new double[3][rounds - 1];
        String[] names = {"coverage", "+ MSI, exact anchors only", "+ MSI with realignment"};
        for (int round = 0; round < rounds; round++) {
            StringBuilder line = new StringBuilder("round " + round + ":");
            for (int variant = 0; variant < 3; variant++) {
                LengthHistograms lengths = new LengthHistograms(sites.size());
                RepeatLengthCounter[] counter = {null};
                boolean realign = variant == 2;
                long t0 = System.nanoTime();
                if (variant == 0) {
                    CoverageJob.run(request);
                } else {
                    CoverageJob.run(request, refs -> {
                        counter[0] = realign ? new RepeatLengthCounter(sites, refs, lengths)
                                : new RepeatLengthCounter(sites, refs, lengths, null);
                        return counter[0]::accept;
                    });
                }
                double s = (System.nanoTime() - t0) / 1e9;
                if (round > 0) {
                    seconds[variant][round - 1] = s;
                }
                line.append(String.format(" %s %.2f s", names[variant], s));
                if (counter[0] != null) {
                    line.append(String.format(" (%d measured, %d realigned of %d aligned)", counter[0].counted(),
                            counter[0].realigned(), counter[0].realignments()));
                }
            }
            System.out.println(line);
        }
        double[] median = new double[3];
        for (int v = 0; v < 3; v++) {
            Arrays.sort(seconds[v]);
            median[v] = seconds[v][seconds[v].length / 2];
        }
        System.out.printf("median of rounds 1-%d: coverage %.2f s; with MSI counting, exact anchors only %.2f s "
                + "(%+.1f%%), with realignment %.2f s (%+.1f%%)%n", rounds - 1, median[0], median[1],
                100 * (median[1] - median[0]) / median[0], median[2], 100 * (median[2] - median[0]) / median[0]);
    }

    /** The BED's regions on the generating genome (GRCh38 contigs, chr-prefixed as the benchmark BAM names them). */
    private static List<RepeatSite> sites(Path bed, SyntheticGenome genome) throws IOException {
        List<Region> regions = new ArrayList<>();
        for (BedRecord r : BedReader.read(bed)) {
            int index = GenomeBuild.PRIMARY_CONTIGS.indexOf(ContigNames.canonical(r.contig()));
            if (index >= 0 && r.end() > r.start()) {
                regions.add(new Region(index, r.start(), r.end()));
            }
        }
        return SyntheticSites.inRegions(genome, Contig.parse("GRCh38", true), regions);
    }
}
