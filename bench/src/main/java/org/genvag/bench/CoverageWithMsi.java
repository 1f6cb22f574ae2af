package org.genvag.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.genvag.core.genome.ContigNames;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.core.msi.LengthHistograms;
import org.genvag.core.msi.RepeatSite;
import org.genvag.io.ReadMode;
import org.genvag.io.bed.BedReader;
import org.genvag.io.bed.BedRecord;
import org.genvag.io.coverage.CoverageJob;
import org.genvag.io.coverage.PanelCoverage;
import org.genvag.io.msi.RepeatLengthCounter;
import org.genvag.testdata.Contig;
import org.genvag.testdata.Region;
import org.genvag.testdata.SyntheticGenome;
import org.genvag.testdata.SyntheticSites;

/**
 * What MSI counting adds to a coverage pass when it rides it (one decode of the BAM), in-process, alternating the
 * two so that both see the same warm JVM and page cache. The sites are the panel regions' microsatellites, scanned
 * from the synthetic genome that generated the BAM (seed 42 unless given).
 * <pre>java -cp bench/target/benchmarks.jar org.genvag.bench.CoverageWithMsi panel30x.bam metabolic-944.tsv
 *     metabolic-944.bed [seed]</pre>
 */
public final class CoverageWithMsi {
    private CoverageWithMsi() {
    }

    public static void main(String[] args) throws IOException {
        Path bam = Path.of(args[0]);
        Path panel = Path.of(args[1]);
        List<RepeatSite> sites = sites(Path.of(args[2]), new SyntheticGenome(args.length > 3 ? Long.parseLong(args[3])
                : 42));
        CoverageJob.Request request = new CoverageJob.Request(bam.toString(), null, List.of(panel), null, 0, false,
                ReadMode.STREAM, PanelCoverage.Options.defaults(2));
        System.out.printf("%d sites%n", sites.size());
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            CoverageJob.run(request);
            long t1 = System.nanoTime();
            LengthHistograms lengths = new LengthHistograms(sites.size());
            long[] counted = {0};
            CoverageJob.run(request, names -> {
                RepeatLengthCounter c = new RepeatLengthCounter(sites, names, lengths);
                return r -> {
                    c.accept(r);
                    counted[0] = c.counted();
                };
            });
            long t2 = System.nanoTime();
            System.out.printf("round %d: coverage %.2f s, coverage + MSI counting %.2f s (%+.1f%%), %d reads measured%n",
                    round, (t1 - t0) / 1e9, (t2 - t1) / 1e9, 100.0 * ((t2 - t1) - (t1 - t0)) / (t1 - t0), counted[0]);
        }
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
