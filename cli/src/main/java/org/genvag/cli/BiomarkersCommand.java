// SPDX-License-Identifier: Apache-2.0
package org.genvag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.genvag.core.biomarker.TmbMode;
import org.genvag.core.biomarker.report.Applicability;
import org.genvag.core.biomarker.report.BiomarkerMatch;
import org.genvag.core.biomarker.report.BiomarkerReport;
import org.genvag.core.biomarker.report.Observation;
import org.genvag.core.biomarker.report.TherapyOption;
import org.genvag.core.biomarker.report.Unassessed;
import org.genvag.core.error.InputException;
import org.genvag.core.kb.Indication;
import org.genvag.core.msi.MsiScorer;
import org.genvag.io.kb.OncoTreeReader;
import org.genvag.io.output.OutputPaths;
import org.genvag.pipeline.biomarker.BiomarkerJob;
import org.genvag.pipeline.biomarker.BiomarkerReportJson;
import org.genvag.pipeline.msi.MsiCall;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "biomarkers", mixinStandardHelpOptions = true,
        header = "Tumour-agnostic biomarkers of a tumour, matched to FDA and EMA approvals.",
        description = {"Tumour-agnostic biomarkers from a tumour's somatic and structural-variant VCFs, matched to the",
            "FDA and EMA tissue-agnostic approvals in the knowledge base: BRAF V600E (by coordinates on either build",
            "and by VEP/SnpEff protein annotation), NTRK1/2/3 and RET fusions, TMB, NTRK acquired resistance, and MSI",
            "from tumour and normal BAMs.",
            "Give the tumour's type (--tumour-type, an OncoTree code) so that label exclusions apply: without it a",
            "therapy whose label excludes or names tumour types is reported as depending on it.",
            "Writes a JSON report (schema genvag-biomarkers 3.0, JSON Schema in docs/outputs.md) and prints a",
            "summary."})
final class BiomarkersCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--somatic-vcf", description = "somatic SNV/indel VCF (Mutect2, Strelka2, ...), plain or gzip/BGZF")
    String somaticVcf;

    @Option(names = "--sv-vcf", description = "structural-variant VCF (Manta, GRIDSS, DELLY, ...)")
    String svVcf;

    @Option(names = "--callable", description = "callable territory BED for TMB (panel or covered coding regions)")
    Path callable;

    @Option(names = "--territory-mb", description = "TMB territory size in Mb when there is no callable BED (the "
            + "somatic VCF must then hold only calls inside it)")
    Double territoryMb;

    @Mixin
    InputBuild build;

    @Option(names = "--sample", description = "tumour sample column (default: ##tumor_sample, the only sample, or "
            + "the column named like a tumour)")
    String sample;

    @Option(names = {"-g", "--gff"}, paramLabel = "GFF", description = "transcripts (GFF3/GTF): with -f, a somatic VCF "
            + "without CSQ/ANN gets genvag csq's consequences for TMB's coding test and the protein changes (BRAF "
            + "p.Val600Glu, NTRK resistance); a VCF's own CSQ/ANN is used as it is")
    Path gff;

    @Option(names = {"-f", "--reference"}, paramLabel = "FASTA", description = "reference FASTA (with .fai) for --gff")
    Path reference;

    @Option(names = "--kb", description = "knowledge-base file (genvag-kb/2 JSON) instead of the bundled one")
    Path kb;

    @Option(names = {"--tumour-type", "--tumor-type"}, paramLabel = "CODE", description = "the tumour's OncoTree "
            + "code (COADREAD, PAAD, NSCLC, ...; a code covers the types below it)")
    String tumourType;

    @Option(names = "--tmb-mode", defaultValue = "coding", description = "coding (default: synonymous included, as "
            + "FoundationOne CDx counts) or nonsynonymous (DRAGEN, cBioPortal)")
    String tmbMode;

    @Option(names = "--tmb-min-vaf", defaultValue = "0.05", description = "minimum allele fraction (default: "
            + "${DEFAULT-VALUE})")
    double minVaf;

    @Option(names = "--tmb-min-depth", defaultValue = "25", description = "minimum tumour depth (default: "
            + "${DEFAULT-VALUE})")
    int minDepth;

    @Option(names = "--tmb-max-population-af", defaultValue = "0.01", description = "variants more common than "
            + "this in gnomAD/POPAF are taken as germline (default: ${DEFAULT-VALUE})")
    double maxPopulationAf;

    @Option(names = "--tmb-cutoff", description = "TMB-high cut-off in mut/Mb (default: the knowledge base's, 10)")
    Double tmbCutoff;

    @Option(names = "--bam", description = "tumour BAM, for MSI (with --normal-bam and --msi-sites)")
    String bam;

    @Option(names = "--normal-bam", description = "matched normal BAM, for MSI")
    String normalBam;

    @Option(names = "--msi-sites", description = "site list from 'genvag msi scan', for MSI")
    Path msiSites;

    @Option(names = "--msi-baseline", description = "baseline of pooled normals from 'genvag msi baseline', for "
            + "tumour-only MSI (instead of --normal-bam)")
    Path msiBaseline;

    @Option(names = "--out", required = true, description = "JSON report to write")
    Path out;

    @Mixin
    Threads threads;

    @Override
    public Integer call() throws IOException {
        OutputPaths.requireNotInput(out.toString(), somaticVcf, svVcf);
        TmbMode mode = switch (tmbMode.toLowerCase(Locale.ROOT)) {
            case "coding" -> TmbMode.CODING;
            case "nonsynonymous" -> TmbMode.NONSYNONYMOUS;
            default -> throw new InputException("--tmb-mode must be coding or nonsynonymous, got " + tmbMode);
        };
        boolean anyMsi = bam != null || normalBam != null || msiSites != null || msiBaseline != null;
        if (anyMsi && (bam == null || (normalBam == null) == (msiBaseline == null) || msiSites == null)) {
            throw new InputException("MSI needs all three of --bam, --normal-bam and --msi-sites (or, tumour-only, "
                    + "--msi-baseline instead of --normal-bam)");
        }
        if ((gff == null) != (reference == null)) {
            throw new InputException("consequences need both --gff and -f (the reference FASTA)");
        }
        BiomarkerJob.Request request = new BiomarkerJob.Request(somaticVcf, svVcf, callable, territoryMb,
                build.orFromHeaders(), sample, kb,
                new BiomarkerJob.TmbOptions(minVaf, minDepth, maxPopulationAf, mode, tmbCutoff), threads.count(),
                tumourType == null ? null : OncoTreeReader.tumourType(OncoTreeReader.bundled(), tumourType,
                        "--tumour-type"), gff == null ? null : new BiomarkerJob.Consequences(gff, reference));
        MsiScorer.Result msi = !anyMsi ? null : normalBam != null
                ? MsiCall.run(bam, normalBam, msiSites, MsiScorer.Options.defaults(),
                        threads.count()).result()
                : MsiCall.runAgainstBaseline(bam, msiBaseline, msiSites,
                        MsiScorer.Options.defaults(), threads.count()).result();
        BiomarkerJob.Outcome o = BiomarkerJob.run(request, msi);
        BiomarkerReportJson.write(o.report(), o.kb(), Version.get(), out);
        summary(o.report(), spec.commandLine().getErr());
        return 0;
    }

    static void summary(BiomarkerReport r, PrintWriter err) {
        err.printf("genvag biomarkers: sample %s (%s), tumour type %s, knowledge base %s%n", r.sample(), r.build(),
                r.tumourType() == null ? "not given" : r.tumourType(), r.knowledgeBaseVersion());
        if (r.matches().isEmpty()) {
            err.println("  no tumour-agnostic biomarker matched");
        }
        for (BiomarkerMatch m : r.matches()) {
            err.printf("  MATCH %s [%s]%n", m.name(), m.status());
            for (TherapyOption t : m.therapies()) {
                Indication i = t.indication();
                Applicability a = t.applicability();
                err.printf("    %-24s %-4s %-21s %-10s %s%n", i.therapy(), i.agency(), i.status().label(),
                        i.date() == null ? "" : i.date(), a.label() + (a.applies() == null ? " on: "
                        + String.join("; ", a.dependsOn()) : a.applies() ? "" : ": " + String.join("; ",
                        a.reasons())));
            }
        }
        if (r.tmb() != null && r.tmb().result().assessable()) {
            var t = r.tmb().result();
            err.printf(Locale.ROOT, "  TMB %.2f mut/Mb (%d mutations / %.3f Mb, %s; cut-off %s %s)%n", t.value(),
                    t.mutations(), t.megabases(), r.tmb().mode(), t.cutoff().comparison(), t.cutoff().value());
        }
        for (Unassessed u : r.assessedNotFound()) {
            err.printf("  not found: %s (%s)%n", u.biomarker().name(), u.detail());
        }
        for (Unassessed u : r.notAssessable()) {
            err.printf("  not assessable: %s (%s)%n", u.biomarker().name(), u.detail());
        }
        for (Observation x : r.observations()) {
            err.printf("  observed: %s [%s] %s%n", x.name(), x.status(), x.detail());
        }
        r.warnings().forEach(w -> err.println("  warning: " + w));
    }
}
