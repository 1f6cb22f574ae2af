package org.genvag.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.genvag.core.genome.ContigNames;
import org.genvag.core.interval.IntervalIndex;
import org.genvag.core.msi.MicrosatelliteScanner;
import org.genvag.io.bed.BedReader;
import org.genvag.io.bed.BedRecord;
import org.genvag.io.msi.SiteScan;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "msi", mixinStandardHelpOptions = true,
        description = {"Microsatellite instability. 'msi scan' lists the microsatellite sites of a reference; calling MSI",
            "from BAMs (msi call, msi baseline) is not built yet."},
        subcommands = {MsiCommand.Scan.class})
final class MsiCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "scan", mixinStandardHelpOptions = true,
            description = {"Find microsatellites in a reference FASTA (plain or gzip): homopolymers and 2-6 bp units with",
                "clean flanks; streaming, memory independent of chromosome size. Writes a reusable site list (TSV)."})
    static final class Scan implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--reference", required = true, description = "reference FASTA")
        Path reference;

        @Option(names = "--regions", description = "keep sites overlapping these BED regions (panel or callable)")
        Path regions;

        @Option(names = "--min-homopolymer", defaultValue = "5", description = "shortest homopolymer (default: "
                + "${DEFAULT-VALUE})")
        int minHomopolymer;

        @Option(names = "--min-copies", defaultValue = "3", description = "fewest copies of a 2-6 bp unit (default: "
                + "${DEFAULT-VALUE})")
        int minCopies;

        @Option(names = "--max-unit", defaultValue = "6", description = "longest repeat unit (default: "
                + "${DEFAULT-VALUE})")
        int maxUnit;

        @Option(names = "--flank", defaultValue = "5", description = "clean bases required on each side (default: "
                + "${DEFAULT-VALUE})")
        int flank;

        @Option(names = "--max-length", defaultValue = "100", description = "longest repeat kept, in bases: reads "
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
                throw new org.genvag.core.error.InputException(e.getMessage());
            }
            IntervalIndex index = null;
            if (regions != null) {
                IntervalIndex.Builder b = IntervalIndex.builder();
                for (BedRecord r : BedReader.read(regions)) {
                    b.add(ContigNames.canonical(r.contig()), r.start(), r.end(), "region");
                }
                index = b.build();
            }
            SiteScan.Result r = SiteScan.run(reference, index, options, out);
            spec.commandLine().getErr().printf("genvag msi scan: %s: %d contigs, %d bases, %d sites -> %s%n",
                    reference, r.contigs(), r.bases(), r.sites(), out);
            return 0;
        }
    }
}
