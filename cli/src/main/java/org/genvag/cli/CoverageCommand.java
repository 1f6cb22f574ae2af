// SPDX-License-Identifier: Apache-2.0
package org.genvag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.genvag.core.error.InputException;
import org.genvag.core.msi.LengthHistograms;
import org.genvag.core.msi.MsiScorer;
import org.genvag.core.msi.RepeatSite;
import org.genvag.core.panel.GenePanel;
import org.genvag.core.panel.Unresolved;
import org.genvag.io.ReadMode;
import org.genvag.io.msi.SiteList;
import org.genvag.io.output.OutputGroup;
import org.genvag.pipeline.coverage.CoverageJob;
import org.genvag.pipeline.coverage.CoverageReports;
import org.genvag.pipeline.coverage.PanelCoverage;
import org.genvag.pipeline.msi.MsiBaseline;
import org.genvag.pipeline.msi.MsiCall;
import org.genvag.pipeline.msi.RepeatLengthCounter;
import org.genvag.pipeline.panel.PanelBuild;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "coverage", mixinStandardHelpOptions = true,
        header = "Panel coverage QC of a BAM or CRAM, per region, gene and exon.",
        description = {"Panel coverage QC from a coordinate-sorted BAM: per region and per gene mean, median, min and",
            "%% of bases at each threshold; low-coverage stretches; genes failing the QC rule. Depth is counted as",
            "mosdepth 0.3.3 counts it by default (flag mask 1796; M/=/X covered, D, N and clips not; mate overlaps once)."})
final class CoverageCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--bam", required = true, description = "coordinate-sorted BAM")
    String bam;

    @Mixin
    Panels panels;

    @Mixin
    InputBuild build;

    @Option(names = "--thresholds", defaultValue = "10,20,30,50", split = ",",
            description = "depths to report the %% of bases at or above (default: ${DEFAULT-VALUE})")
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
            + "PREFIX.exons.tsv (targets), PREFIX.lowcov.bed.gz, PREFIX.summary.json")
    String prefix;

    /** Default: cds with --gff, else exons. */
    @Mixin
    TargetOptions targetOptions;

    @Option(names = "--reference", description = "reference FASTA, needed for CRAM input")
    Path reference;

    @Option(names = "--mode", defaultValue = "auto", description = "auto (default): use the BAM's BAI/CSI index when "
            + "the panel covers little of the reference; stream: read everything; index: require the index")
    String mode;

    @Option(names = "--msi-sites", description = "also call MSI, counting the BAM (as the tumour) in the same pass: "
            + "site list from 'genvag msi scan'; with --msi-normal or --msi-baseline; writes PREFIX.msi.json")
    Path msiSites;

    @Option(names = "--msi-normal", description = "matched normal BAM for --msi-sites (read in a pass of its own)")
    String msiNormal;

    @Option(names = "--msi-baseline", description = "baseline of pooled normals for --msi-sites (tumour-only)")
    Path msiBaseline;

    @Mixin
    Threads threads;

    @Override
    public Integer call() throws IOException {
        PanelCoverage.Options options = new PanelCoverage.Options(flag, minMapq, thresholds, lowDepth, qcDepth,
                qcFraction, threads.count());
        CoverageReports.requireFilePrefix(prefix);   // before the pass, not after it
        if (msiSites == null && (msiNormal != null || msiBaseline != null)) {
            throw new InputException("--msi-normal and --msi-baseline need --msi-sites");
        }
        if (msiSites != null && (msiNormal == null) == (msiBaseline == null)) {
            throw new InputException("--msi-sites needs either --msi-normal (tumour vs normal) or --msi-baseline "
                    + "(tumour-only), not both or neither");
        }
        // The site list and baseline are read before the pass, so that a bad one fails fast.
        List<RepeatSite> sites = msiSites == null ? null : SiteList.read(msiSites);
        MsiBaseline.Baseline baseline = msiBaseline == null ? null : MsiBaseline.read(msiBaseline, sites);
        LengthHistograms lengths = sites == null ? null : new LengthHistograms(sites.size());
        RepeatLengthCounter[] counter = {null};
        // MSI sites lie outside the panel too: with them the BAM is streamed whole rather than read by index.
        ReadMode readMode = sites == null ? ReadMode.parse(mode) : ReadMode.STREAM;
        CoverageJob.Outcome o = CoverageJob.run(new CoverageJob.Request(bam, reference, panels.files,
                build.orFromHeaders(), panels.padding(), panels.strict(), readMode, options, targetOptions.gff,
                targetOptions.kind(null)),
                sites == null ? null : names -> {
                    counter[0] = new RepeatLengthCounter(sites, names, lengths);
                    return counter[0]::accept;
                });
        PanelCoverage.Result r = o.result();
        Map<String, Object> context = CoverageReports.context(o, panels.padding(), Version.get());
        PrintWriter err = spec.commandLine().getErr();
        try (OutputGroup outputs = new OutputGroup()) {
            CoverageReports.write(outputs, r, prefix, context);
            MsiCall.Outcome msi = null;
            if (sites != null) {
                msi = msiNormal != null
                        ? MsiCall.scoreCounted(lengths, counter[0], msiNormal, sites, MsiScorer.Options.defaults(),
                                threads.count())
                        : MsiCall.scoreCountedAgainstBaseline(lengths, counter[0], baseline,
                                MsiScorer.Options.defaults());
                MsiCall.write(outputs, msi, bam, msiNormal != null ? msiNormal : "baseline " + msiBaseline, msiSites,
                        Path.of(prefix + ".msi.json"));
            }
            outputs.commit();
            summarise(err, o, r, options, msi, counter[0], prefix);
        }
        return 0;
    }

    private void summarise(PrintWriter err, CoverageJob.Outcome o, PanelCoverage.Result r,
            PanelCoverage.Options options, MsiCall.Outcome m, RepeatLengthCounter counter, String prefix) {
        err.printf("genvag coverage: %s (%s): %d reads counted, %d filtered, %d mate overlaps counted once%n",
                bam, PanelBuild.name(o.build()), r.readsCounted(), r.readsFiltered(), r.overlapsCorrected());
        for (GenePanel p : o.panels()) {
            for (Unresolved u : p.unresolved()) {
                err.println("  warning: " + u);
            }
        }
        int qc = Arrays.binarySearch(options.thresholds(), qcDepth);
        long failing = r.genes().stream().filter(g -> !g.passesQc()).count();
        err.printf("  panel: %d bases, mean depth %.1f, %.2f%% of bases >= %dx; %d of %d genes fail QC (< %.0f%% "
                + "of bases >= %dx); %d low-coverage stretches (< %dx)%n", r.panel().bases(), r.panel().mean(),
                100 * r.panel().fractionAtLeast(qc), qcDepth, failing, r.genes().size(), 100 * qcFraction, qcDepth,
                r.lowCoverage().size(), lowDepth);
        if (!r.contigsNotInBam().isEmpty()) {
            err.println("  warning: panel contigs not in the BAM (reported at depth 0): " + r.contigsNotInBam());
        }
        err.println("  read: " + o.readPlan());
        err.println("  targets: " + r.targetKind());
        o.targetWarnings().forEach(w -> err.println("  warning: " + w));
        err.println("  wrote " + prefix + (r.targets().isEmpty() ? ".{regions.tsv,genes.tsv,lowcov.bed.gz,summary.json}"
                : ".{regions.tsv,genes.tsv,exons.tsv,lowcov.bed.gz,summary.json}"));
        if (m != null) {
            MsiScorer.Result msi = m.result();
            err.printf(Locale.ROOT, "  msi: %s, score %.2f%% (%d of %d evaluable sites unstable; %d reads "
                    + "measured in the coverage pass, %d of them realigned) -> %s%n", msi.status(), msi.score(),
                    msi.unstable(), msi.evaluable(), counter.counted(), counter.realigned(), prefix + ".msi.json");
        }
    }
}
