// SPDX-License-Identifier: Apache-2.0
package org.genvag.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.genvag.core.error.InputException;
import org.genvag.core.interval.IntervalIndex;
import org.genvag.core.msi.MicrosatelliteScanner;
import org.genvag.core.msi.MsiScorer;
import org.genvag.io.bed.BedReader;
import org.genvag.io.msi.SiteList;
import org.genvag.pipeline.msi.MsiBaseline;
import org.genvag.pipeline.msi.MsiCall;
import org.genvag.pipeline.msi.SiteScan;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "msi", mixinStandardHelpOptions = true,
        header = "Microsatellite instability: scan a reference, pool normals, call a tumour.",
        description = {"Microsatellite instability. 'msi scan' lists the microsatellite sites of a reference; 'msi",
            "baseline' pools normal BAMs at those sites; 'msi call' scores a tumour BAM against its normal or a baseline."},
        subcommands = {MsiCommand.Scan.class, MsiCommand.Baseline.class, MsiCommand.Call.class})
final class MsiCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "scan", mixinStandardHelpOptions = true,
            header = "Find the microsatellite sites of a reference FASTA.",
            description = {"Find microsatellites in a reference FASTA (plain or gzip): homopolymers and 2-6 bp units with",
                "clean flanks; streaming, memory independent of chromosome size. Writes a reusable site list (TSV).",
                "The defaults are MSIsensor-pro's scan defaults (-l 8 -r 5 -s 6 -c 5 -m 50)."})
    static final class Scan implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--reference", required = true, description = "reference FASTA")
        Path reference;

        @Option(names = "--regions", description = "keep sites overlapping these BED regions (panel or callable)")
        Path regions;

        @Option(names = "--min-homopolymer", defaultValue = "8", description = "shortest homopolymer (default: "
                + "${DEFAULT-VALUE})")
        int minHomopolymer;

        @Option(names = "--min-copies", defaultValue = "5", description = "fewest copies of a 2-6 bp unit (default: "
                + "${DEFAULT-VALUE})")
        int minCopies;

        @Option(names = "--max-unit", defaultValue = "6", description = "longest repeat unit (default: "
                + "${DEFAULT-VALUE})")
        int maxUnit;

        @Option(names = "--flank", defaultValue = "5", description = "clean bases required on each side (default: "
                + "${DEFAULT-VALUE})")
        int flank;

        @Option(names = "--max-length", defaultValue = "50", description = "longest repeat kept, in bases: reads "
                + "must span it (default: ${DEFAULT-VALUE})")
        int maxLength;

        @Option(names = {"-o", "--out"}, required = true, description = "site list to write (TSV)")
        Path out;

        @Override
        public Integer call() throws IOException {
            MicrosatelliteScanner.Options options;
            try {
                options = new MicrosatelliteScanner.Options(minHomopolymer, minCopies, maxUnit, flank, maxLength);
            } catch (IllegalArgumentException e) {
                throw new InputException(e.getMessage());
            }
            IntervalIndex index = regions == null ? null : BedReader.index(regions, "region");
            SiteScan.Result r = SiteScan.run(reference, index, options, out);
            spec.commandLine().getErr().printf("genvag msi scan: %s: %d contigs, %d bases, %d sites -> %s%n",
                    reference, r.contigs(), r.bases(), r.sites(), out);
            return 0;
        }
    }

    @Command(name = "call", mixinStandardHelpOptions = true,
            header = "Score a tumour BAM for MSI against its normal or a baseline.",
            description = {"MSI of a tumour against its normal (--normal) or a baseline of normals (--baseline, tumour-only):",
                "repeat lengths at every site (reads anchored by exact flanks in their alignment, or else by a",
                "Smith-Waterman realignment against the site; flag mask 1796, MAPQ >= 20), a chi-square test per",
                "site, the %% of evaluable sites",
                "that are unstable; MSI-H >= 10, indeterminate 3 to < 10, MSS below (MSK-IMPACT); fewer than 50",
                "evaluable sites is not assessable."})
    static final class Call implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--bam", required = true, description = "tumour BAM (coordinate-sorted)")
        String bam;

        @Option(names = "--normal", description = "matched normal BAM")
        String normal;

        @Option(names = "--baseline", description = "baseline of pooled normals from 'genvag msi baseline' (tumour-only)")
        Path baseline;

        @Option(names = "--sites", required = true, description = "site list from 'genvag msi scan'")
        Path sites;

        @Option(names = "--min-reads", defaultValue = "20", description = "reads per site in each BAM for the site to "
                + "count (default: ${DEFAULT-VALUE})")
        int minReads;

        @Option(names = "--site-p", defaultValue = "0.01", description = "a site is unstable when the chi-square "
                + "test's p-value is below this (default: ${DEFAULT-VALUE})")
        double siteP;

        @Option(names = "--min-sites", defaultValue = "50", description = "fewer evaluable sites is not assessable "
                + "(default: ${DEFAULT-VALUE})")
        int minSites;

        @Option(names = "--msi-high", defaultValue = "10", description = "score (%% of evaluable sites unstable) from "
                + "which the tumour is MSI-H (default: ${DEFAULT-VALUE}, MSK-IMPACT's)")
        double high;

        @Option(names = "--indeterminate", defaultValue = "3", description = "score from which, below --msi-high, the "
                + "call is indeterminate rather than MSS (default: ${DEFAULT-VALUE})")
        double indeterminate;

        @Option(names = {"-o", "--out"}, required = true, description = "JSON result to write")
        Path out;

        @picocli.CommandLine.Mixin
        Threads threads;

        @Override
        public Integer call() throws IOException {
            if (minReads < 1 || minSites < 1 || !(siteP > 0 && siteP < 1) || !(indeterminate >= 0)
                    || !(high > indeterminate) || high > 100) {
                throw new InputException("MSI cut-offs out of range: --min-reads " + minReads
                        + ", --min-sites " + minSites + ", --site-p " + siteP + " (0 to 1), --indeterminate "
                        + indeterminate + " and --msi-high " + high + " (0 <= indeterminate < high <= 100)");
            }
            if ((normal == null) == (baseline == null)) {
                throw new InputException("give either --normal (tumour vs normal) or --baseline "
                        + "(tumour-only), not both or neither");
            }
            MsiScorer.Options options = new MsiScorer.Options(minReads,
                    siteP, minSites, high, indeterminate);
            MsiCall.Outcome o = normal != null
                    ? MsiCall.run(bam, normal, sites, options, threads.count())
                    : MsiCall.runAgainstBaseline(bam, baseline, sites, options, threads.count());
            MsiCall.write(o, bam, normal != null ? normal : "baseline " + baseline, sites, out);
            var r = o.result();
            spec.commandLine().getErr().printf(Locale.ROOT, "genvag msi call: %s: %s, score %.2f%% (%d of %d "
                    + "evaluable sites unstable; %d sites listed) -> %s%n", bam, r.status(), r.score(), r.unstable(),
                    r.evaluable(), r.sites(), out);
            return 0;
        }
    }

    @Command(name = "baseline", mixinStandardHelpOptions = true,
            header = "Pool normal BAMs at the sites, for tumour-only MSI calls.",
            description = {"Pool the repeat-length distributions of normal BAMs at the sites, for tumour-only calling",
                "(MSIsensor-pro recommends at least 20 normals sequenced like the tumours)."})
    static final class Baseline implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--normals", required = true, arity = "1..*", description = "normal BAMs")
        List<String> normals;

        @Option(names = "--sites", required = true, description = "site list from 'genvag msi scan'")
        Path sites;

        @Option(names = {"-o", "--out"}, required = true, description = "baseline to write")
        Path out;

        @picocli.CommandLine.Mixin
        Threads threads;

        @Override
        public Integer call() throws IOException {
            var list = SiteList.read(sites);
            var b = MsiBaseline.build(normals, list, threads.count());
            MsiBaseline.write(b, list, out);
            spec.commandLine().getErr().printf("genvag msi baseline: %d normals, %d sites -> %s%s%n", normals.size(),
                    list.size(), out, normals.size() < 20 ? " (fewer than the 20 normals MSIsensor-pro recommends)"
                            : "");
            return 0;
        }
    }
}
