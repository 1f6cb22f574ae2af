// SPDX-License-Identifier: Apache-2.0
package org.genvag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.genvag.pipeline.batch.BatchOptions;
import org.genvag.pipeline.batch.BatchRun;
import org.genvag.pipeline.batch.ManifestReader;
import org.genvag.pipeline.batch.SampleEntry;
import org.genvag.pipeline.batch.SampleOutcome;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "annotate", mixinStandardHelpOptions = true,
        header = "Batch annotation of a manifest's samples: panels, coverage, biomarkers, reports.",
        description = {"Batch annotation: every sample of a manifest through panel filtering, coverage QC and",
            "tumour-agnostic biomarkers as its inputs allow, samples in parallel; per sample DIR/<id>/ with its",
            "outputs and report.html; DIR/summary.tsv and summary.json. Finished samples are skipped on a re-run.",
            "Manifest: TSV with a header naming id, type (germline|tumour), and any of vcf, sv_vcf, bam,",
            "normal_bam, callable, build, sample (the VCF column a row reports on: required for a germline",
            "multi-sample VCF); paths relative to the manifest."})
final class AnnotateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--manifest", required = true, description = "samples TSV")
    Path manifest;

    @Option(names = "--out-dir", required = true, description = "output directory")
    Path outDir;

    @Option(names = "--panel", paramLabel = "PANEL", description = "panel file (repeatable); without one, no panel "
            + "filtering or coverage QC")
    List<Path> panels = new ArrayList<>();

    @Option(names = "--padding", defaultValue = "0", description = "bases added each side (default: ${DEFAULT-VALUE})")
    long padding;

    @Option(names = "--allow-unresolved", description = "panel genes that do not resolve are warnings; by default "
            + "they stop the run before any sample (exit 2)")
    boolean allowUnresolved;

    @Option(names = "--kb", description = "knowledge-base file instead of the bundled one")
    Path kb;

    @Option(names = "--msi-sites", description = "site list from 'genvag msi scan': tumours with a BAM and a normal "
            + "BAM are scored for MSI")
    Path msiSites;

    @Option(names = "--msi-baseline", description = "baseline of pooled normals from 'genvag msi baseline' (built with "
            + "--msi-sites): tumours with a BAM but no normal BAM are scored against it (tumour-only)")
    Path msiBaseline;

    /** Coverage QC's targets; default: cds with --gff, else exons. */
    @Mixin
    TargetOptions targetOptions;

    @Option(names = {"-f", "--reference"}, paramLabel = "FASTA", description = "reference FASTA (with its .fai) of the "
            + "samples' build: with --gff, each panel VCF gets VEP-compatible INFO/CSQ (as genvag csq writes it) and "
            + "the report's variants table gene, transcript, HGVS c./p., consequence and impact")
    Path reference;

    @Option(names = "--force", description = "run samples an earlier run finished again")
    boolean force;

    @Mixin
    Threads threads;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        List<SampleEntry> samples = ManifestReader.read(manifest);
        BatchOptions options = new BatchOptions(panels, padding, kb, threads.count(), force, Version.get(), msiSites,
                msiBaseline, allowUnresolved, targetOptions.gff, targetOptions.kind(null), reference);
        // Checked once here, not in every sample: a baseline of another site list is an error for all of them.
        BatchRun.checkOptions(options);
        boolean terminal = System.console() != null;
        long start = System.nanoTime();
        long[] records = {0};
        err.printf("genvag annotate: %d samples from %s, %d at a time -> %s%n", samples.size(), manifest,
                threads.count(), outDir);
        List<SampleOutcome> outcomes = BatchRun.run(samples, outDir, options, (s, done, total) -> {
                    double elapsed = (System.nanoTime() - start) / 1e9;
                    double eta = done == 0 ? 0 : elapsed / done * (total - done);
                    records[0] += s.status().equals("done") ? s.records() : 0;   // skipped ones were read before
                    double rate = records[0] / Math.max(elapsed, 1e-3);
                    if (terminal) {
                        int width = 30;
                        int filled = width * done / total;
                        err.printf(Locale.ROOT, "\r[%s%s] %d/%d samples, %.0f records/s, %.1f s elapsed, ETA %.0f s, "
                                + "last: %s %s   ", "#".repeat(filled), ".".repeat(width - filled), done, total, rate,
                                elapsed, eta, s.id(), s.status());
                        if (done == total) {
                            err.println();
                        }
                    } else {
                        err.printf(Locale.ROOT, "  %d/%d %s: %s (%.1f s, %d records; batch %.0f records/s, ETA %.0f s)"
                                + "%s%n", done, total, s.id(), s.status(), s.seconds(), s.records(), rate, eta,
                                s.error() == null ? "" : ": " + s.error());
                    }
                    err.flush();
                });
        err.printf("%-16s %-9s %-22s %9s %12s %-40s %8s%n", "sample", "type", "status", "variants", "genes<QC",
                "biomarkers", "TMB");
        for (SampleOutcome s : outcomes) {
            err.printf(Locale.ROOT, "%-16s %-9s %-22s %9s %12s %-40s %8s%n", s.id(), s.type(), s.status(),
                    s.panelVariants() < 0 ? "-" : String.valueOf(s.panelVariants()),
                    s.genesFailing() < 0 ? "-" : s.genesFailing() + "/" + s.genesAssessed(),
                    s.biomarkers().isEmpty() ? "-" : String.join(", ", s.biomarkers()),
                    s.tmb() == null ? "-" : String.format(Locale.ROOT, "%.1f", s.tmb()));
        }
        err.println("wrote " + outDir.resolve("summary.tsv") + " and summary.json; reports in "
                + outDir.resolve("<sample>/report.html"));
        List<SampleOutcome> failed = outcomes.stream().filter(s -> s.status().equals("failed")).toList();
        for (SampleOutcome f : failed) {
            err.println("genvag: error: sample " + f.id() + " failed: " + f.error());
        }
        return failed.isEmpty() ? 0 : Main.EXIT_INPUT;
    }
}
