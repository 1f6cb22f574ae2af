package org.genvag.cli;

import org.genvag.io.ReadMode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.genvag.core.error.InputException;
import org.genvag.core.genome.GeneResolver;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.core.panel.GenePanel;
import org.genvag.core.panel.PanelIntervals;
import org.genvag.core.panel.Unresolved;
import org.genvag.io.bam.BamReader;
import org.genvag.io.bam.CramSource;
import org.genvag.io.coverage.BamReadPlan;
import org.genvag.io.coverage.CoverageReports;
import org.genvag.io.coverage.PanelCoverage;
import org.genvag.io.genes.GeneTableReader;
import org.genvag.io.panel.BuildDetector;
import org.genvag.io.panel.PanelReader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "coverage", mixinStandardHelpOptions = true,
        description = {"Panel coverage QC from a coordinate-sorted BAM: per region and per gene mean, median, min and",
            "% of bases at each threshold; low-coverage stretches; genes failing the QC rule. Depth is counted as",
            "mosdepth 0.3.3 counts it by default (flag mask 1796; M/=/X covered, D, N and clips not; mate overlaps once)."})
final class CoverageCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--bam", required = true, description = "coordinate-sorted BAM")
    String bam;

    @Option(names = "--panel", required = true, paramLabel = "PANEL", description = "panel file (repeatable)")
    List<Path> panels;

    @Option(names = "--build", description = "GRCh37 or GRCh38; must agree with the BAM header when it tells")
    String build;

    @Option(names = "--padding", defaultValue = "0", description = "bases added each side (default: ${DEFAULT-VALUE})")
    long padding;

    @Option(names = "--thresholds", defaultValue = "10,20,30,50", split = ",",
            description = "depths to report the % of bases at or above (default: ${DEFAULT-VALUE})")
    int[] thresholds;

    @Option(names = "--min-mapq", defaultValue = "0", description = "skip reads below this MAPQ (default: 0)")
    int minMapq;

    @Option(names = {"-F", "--flag"}, defaultValue = "1796", description = "skip reads with any of these flag bits "
            + "(default: ${DEFAULT-VALUE}: unmapped, secondary, QC-fail, duplicate)")
    int flag;

    @Option(names = "--low-depth", defaultValue = "20", description = "report stretches below this depth "
            + "(default: ${DEFAULT-VALUE})")
    int lowDepth;

    @Option(names = "--qc-depth", defaultValue = "20", description = "QC rule depth, one of the thresholds "
            + "(default: ${DEFAULT-VALUE})")
    int qcDepth;

    @Option(names = "--qc-fraction", defaultValue = "0.95", description = "QC rule: a gene passes with at least this "
            + "fraction of bases at --qc-depth (default: ${DEFAULT-VALUE})")
    double qcFraction;

    @Option(names = "--out-prefix", required = true, description = "writes PREFIX.regions.tsv, PREFIX.genes.tsv, "
            + "PREFIX.lowcov.bed.gz, PREFIX.summary.json")
    String prefix;

    @Option(names = "--strict", description = "unknown or ambiguous panel genes are an error")
    boolean strict;

    @Option(names = "--reference", description = "reference FASTA, needed for CRAM input")
    Path reference;

    @Option(names = "--mode", defaultValue = "auto", description = "auto (default): use the BAM's BAI/CSI index when "
            + "the panel covers little of the reference; stream: read everything; index: require the index")
    String mode;

    @Mixin
    Threads threads;

    @Override
    public Integer call() throws IOException {
        if (padding < 0) {
            throw new InputException("--padding must be >= 0, got " + padding);
        }
        PanelCoverage.Options options = new PanelCoverage.Options(flag, minMapq, thresholds, lowDepth, qcDepth,
                qcFraction, threads.count());
        PrintWriter err = spec.commandLine().getErr();
        ReadMode readMode = ReadMode.parse(mode);
        // The header is read on one thread when the index may be used: a parallel reader would start inflating the
        // whole file before the decision.
        boolean cram = !bam.equals("-") && java.nio.file.Files.isRegularFile(Path.of(bam))
                && CramSource.isCram(Path.of(bam));
        boolean mayIndex = readMode != ReadMode.STREAM && !bam.equals("-") && !cram;
        if (cram && readMode == ReadMode.INDEX) {
            throw new InputException(bam + ": --mode index is for BAM; CRAM is read through htsjdk, streaming");
        }
        try (BamReader reader = cram ? new BamReader(new CramSource(Path.of(bam), reference), bam)
                : BamReader.open(bam, mayIndex ? 1 : threads.count())) {
            GenomeBuild b = chooseBuild(reader);
            GeneResolver genes = GeneTableReader.bundled(b);
            List<GenePanel> resolved = PanelReader.resolveAll(panels, genes, strict);
            PanelIntervals intervals = PanelIntervals.of(resolved, padding);
            BamReadPlan plan = BamReadPlan.choose(bam, reader.header(), intervals,
                    cram ? ReadMode.STREAM : readMode);
            PanelCoverage.Result r;
            if (plan.indexed()) {
                try (BamReader chunks = plan.open(bam, reader.header())) {
                    r = PanelCoverage.run(chunks, intervals, options);
                }
            } else if (mayIndex) {
                try (BamReader all = BamReader.open(bam, threads.count())) {
                    r = PanelCoverage.run(all, intervals, options);
                }
            } else {
                r = PanelCoverage.run(reader, intervals, options);
            }
            Map<String, Object> context = new LinkedHashMap<>();
            context.put("genvag_version", Main.class.getPackage().getImplementationVersion());
            context.put("build", b.toString());
            List<String> names = new ArrayList<>();
            resolved.forEach(p -> names.add(p.label()));
            context.put("panels", names);
            context.put("padding", padding);
            context.put("read", plan.reason());
            CoverageReports.write(r, prefix, context);
            err.printf("genvag coverage: %s (%s): %d reads counted, %d filtered, %d mate overlaps counted once%n",
                    bam, b, r.readsCounted(), r.readsFiltered(), r.overlapsCorrected());
            for (GenePanel p : resolved) {
                for (Unresolved u : p.unresolved()) {
                    err.println("  warning: " + u);
                }
            }
            int qc = java.util.Arrays.binarySearch(options.thresholds(), qcDepth);
            long failing = r.genes().stream().filter(g -> !g.passesQc()).count();
            err.printf("  panel: %d bases, mean depth %.1f, %.2f%% of bases >= %dx; %d of %d genes fail QC (< %.0f%% "
                    + "of bases >= %dx); %d low-coverage stretches (< %dx)%n", r.panel().bases(), r.panel().mean(),
                    100 * r.panel().fractionAtLeast(qc), qcDepth, failing, r.genes().size(), 100 * qcFraction, qcDepth,
                    r.lowCoverage().size(), lowDepth);
            if (!r.contigsNotInBam().isEmpty()) {
                err.println("  warning: panel contigs not in the BAM (reported at depth 0): " + r.contigsNotInBam());
            }
            err.println("  read: " + plan.reason());
            err.println("  wrote " + prefix + ".{regions.tsv,genes.tsv,lowcov.bed.gz,summary.json}");
        }
        return 0;
    }

    private GenomeBuild chooseBuild(BamReader reader) {
        Optional<BuildDetector.Detected> detected = BuildDetector.detect(reader.header());
        return GenomeBuild.reconcile(build == null ? null : GenomeBuild.parse(build),
                detected.map(BuildDetector.Detected::build).orElse(null),
                detected.map(BuildDetector.Detected::evidence).orElse(null), bam);
    }
}
