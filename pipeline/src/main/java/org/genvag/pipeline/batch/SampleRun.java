// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.genvag.core.biomarker.report.Unassessed;
import org.genvag.core.error.InputException;
import org.genvag.core.kb.Biomarker;
import org.genvag.core.msi.LengthHistograms;
import org.genvag.core.msi.MsiScorer;
import org.genvag.core.msi.RepeatSite;
import org.genvag.core.transcript.TranscriptModels;
import org.genvag.io.ReadMode;
import org.genvag.io.bam.BamReader;
import org.genvag.io.msi.SiteList;
import org.genvag.io.output.AtomicOutput;
import org.genvag.io.output.JsonFiles;
import org.genvag.io.output.OutputGroup;
import org.genvag.io.variants.VariantSources;
import org.genvag.io.vcf.VcfReader;
import org.genvag.pipeline.biomarker.BiomarkerJob;
import org.genvag.pipeline.biomarker.BiomarkerReportJson;
import org.genvag.pipeline.biomarker.TumourSample;
import org.genvag.pipeline.consequence.CsqJob;
import org.genvag.pipeline.consequence.TranscriptSet;
import org.genvag.pipeline.coverage.CoverageJob;
import org.genvag.pipeline.coverage.CoverageReports;
import org.genvag.pipeline.coverage.PanelCoverage;
import org.genvag.pipeline.msi.MsiBaseline;
import org.genvag.pipeline.msi.MsiCall;
import org.genvag.pipeline.msi.RepeatLengthCounter;
import org.genvag.pipeline.panel.PanelBuild;
import org.genvag.pipeline.panel.PanelFiltering;

/**
 * One sample through every step its inputs allow: panel filtering of its VCF, coverage QC of its BAM, biomarkers of a
 * tumour's VCFs, then the HTML report. Everything is written into a hidden working directory that is renamed to
 * {@code OUT/<id>/} only when the sample is complete, with {@code sample.json} in it: a directory under that name
 * means a finished sample (resume skips it), and a crash leaves no half-written outputs under the sample's name.
 */
final class SampleRun {
    static final String DONE = "sample.json";

    private SampleRun() {
    }

    /** @param models the transcripts of {@code o.gff()} when the run adds consequences ({@code o.reference()}), else null */
    static SampleOutcome run(SampleEntry e, Path outDir, BatchOptions o, TranscriptModels models) {
        return run(e, outDir, o, models, InputNames.PATHS);
    }

    /** As {@link #run(SampleEntry, Path, BatchOptions, TranscriptModels)}, the outputs naming inputs by {@code names}. */
    static SampleOutcome run(SampleEntry e, Path outDir, BatchOptions o, TranscriptModels models, InputNames names) {
        long start = System.nanoTime();
        Path work = outDir.resolve("." + e.id() + ".partial");
        try {
            deleteTree(work);
            Files.createDirectories(work);
            SampleOutcome outcome = steps(e, work, o, models, start, names);
            JsonFiles.write(work.resolve(DONE), outcome.toMap());
            Path target = outDir.resolve(e.id());
            deleteTree(target);
            Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
            return outcome;
        } catch (IOException | RuntimeException ex) {
            try {
                deleteTree(work);
            } catch (IOException ignored) {
                // the failure being reported matters more than a leftover working directory
            }
            String message = ex instanceof InputException || ex instanceof IOException ? ex.getMessage()
                    : "internal error: " + ex;
            return new SampleOutcome(e.id(), type(e), "failed", message, -1, -1, -1, List.of(), null, null,
                    (System.nanoTime() - start) / 1e9, 0);
        }
    }

    private static SampleOutcome steps(SampleEntry e, Path work, BatchOptions o, TranscriptModels models, long start,
            InputNames inputNames) throws IOException {
        HtmlReport.Data report = new HtmlReport.Data();
        report.sample = e.id();
        report.type = type(e);
        report.genvagVersion = o.genvagVersion();
        for (Map.Entry<String, Path> input : inputs(e).entrySet()) {
            report.inputs.add(new String[] {input.getKey(), inputNames.of(input.getValue()),
                String.valueOf(Files.size(input.getValue())), sha256(input.getValue())});
        }
        long panelVariants = -1;
        long records = 0;
        if (e.vcf() != null && !o.panels().isEmpty()) {
            Path panelVcf = work.resolve("panel.vcf.gz");
            // With consequences, the filtered records pass through genvag csq on their way to panel.vcf.gz.
            Path filtered = models == null ? panelVcf : work.resolve(".panel.filtered.vcf.gz");
            PanelFiltering.Result f = PanelFiltering.run(e.vcf().toString(), filtered.toString(),
                    new PanelFiltering.Options(o.panels(), e.build(), o.padding(), !o.allowUnresolved(),
                            ReadMode.AUTO, 1, true));
            records += f.recordsRead();
            report.build = PanelBuild.name(f.build());
            if (models != null) {
                CsqJob.run(new CsqJob.Request(filtered.toString(), panelVcf.toString(), null, o.gff(), o.reference(),
                        TranscriptSet.ALL, false, 1), models, new PrintWriter(Writer.nullWriter()));
                Files.delete(filtered);
                Files.deleteIfExists(filtered.resolveSibling(filtered.getFileName() + ".tbi"));
            }
            ReportedColumn column = reportedColumn(e, panelVcf);
            HtmlReport.Variants variants = HtmlReport.variants(panelVcf, 500, column.index());
            report.panelVariants = variants.rows();
            report.consequences = variants.consequences();
            report.genotypeOf = column.name();
            report.panelVariantCount = variants.carried();
            report.panelRecords = variants.records();
            panelVariants = variants.carried();
        }
        int failing = -1;
        int assessed = -1;
        // MSI for a tumour with a BAM: against its normal BAM, or, without one, against the batch's baseline.
        boolean tumourOnly = e.normalBam() == null && o.msiBaseline() != null;
        String msiMissing = MsiScorer.missingInput(e.bam() != null, e.normalBam() != null, o.msiBaseline() != null,
                o.msiSites() != null);
        boolean msiApplies = e.type() == SampleEntry.Type.TUMOUR && msiMissing == null;
        List<RepeatSite> msiSites = msiApplies ? SiteList.read(o.msiSites())
                : null;
        LengthHistograms tumourLengths = null;
        RepeatLengthCounter[] tumourCounter = {null};
        if (e.bam() != null && !o.panels().isEmpty()) {
            // The tumour's repeat lengths are counted in the coverage pass: the BAM is decoded once for both.
            LengthHistograms lengths = msiApplies
                    ? new LengthHistograms(msiSites.size()) : null;
            tumourLengths = lengths;
            CoverageJob.Outcome c = CoverageJob.run(new CoverageJob.Request(e.bam().toString(), null, o.panels(),
                    e.build(), o.padding(), false, msiApplies ? ReadMode.STREAM : ReadMode.AUTO,
                    PanelCoverage.Options.defaults(1), o.gff(), o.targets()),
                    !msiApplies ? null : names -> {
                        tumourCounter[0] = new RepeatLengthCounter(msiSites, names, lengths);
                        return tumourCounter[0]::accept;
                    });
            try (OutputGroup group = new OutputGroup()) {
                Map<String, Object> context = CoverageReports.context(c, o.padding(), o.genvagVersion());
                context.put("bam", inputNames.of(e.bam()));
                CoverageReports.write(group, c.result(), work.resolve("coverage").toString(), context);
                group.commit();
            }
            List<PanelCoverage.GeneCoverage> genes = c.result().genes();
            records += c.result().readsCounted() + c.result().readsFiltered();
            assessed = genes.size();
            failing = (int) genes.stream().filter(g -> !g.passesQc()).count();
            report.build = PanelBuild.name(c.build());
            report.coverage = genes;
            report.targets = c.result().targets();
            report.targetKind = c.result().targetKind();
            report.coverageRule = c.result().options();
        }
        List<String> biomarkers = new ArrayList<>();
        Double tmb = null;
        String msi = null;
        MsiScorer.Result msiResult = null;
        if (msiApplies) {
            if (tumourCounter[0] == null) {
                // No coverage pass to ride (no panel): the tumour is counted in a pass of its own.
                tumourLengths = new LengthHistograms(msiSites.size());
                try (BamReader r = BamReader.open(e.bam().toString(), 1)) {
                    tumourCounter[0] = RepeatLengthCounter.count(r, msiSites, tumourLengths);
                }
            }
            MsiScorer.Options msiOptions = MsiScorer.Options.defaults();
            MsiCall.Outcome m = tumourOnly
                    ? MsiCall.scoreCountedAgainstBaseline(tumourLengths, tumourCounter[0],
                            MsiBaseline.read(o.msiBaseline(), msiSites), msiOptions)
                    : MsiCall.scoreCounted(tumourLengths, tumourCounter[0],
                            e.normalBam().toString(), msiSites, msiOptions, 1);
            MsiCall.write(m, inputNames.of(e.bam()), tumourOnly ? "baseline " + o.msiBaseline()
                    : inputNames.of(e.normalBam()), o.msiSites(), work.resolve("msi.json"));
            msiResult = m.result();
            msi = msiResult.summary();
        }
        if (e.type() == SampleEntry.Type.TUMOUR && (e.vcf() != null || e.svVcf() != null)) {
            BiomarkerJob.Outcome b = BiomarkerJob.run(new BiomarkerJob.Request(
                    e.vcf() == null ? null : e.vcf().toString(), e.svVcf() == null ? null : e.svVcf().toString(),
                    e.callable(), null, e.build(), null, o.kb(), BiomarkerJob.TmbOptions.defaults(), 1,
                    e.tumourType(), o.reference() == null ? null
                    : new BiomarkerJob.Consequences(o.gff(), o.reference())), msiResult);
            JsonFiles.write(work.resolve("biomarkers.json"),
                    inputNames.renameAll(BiomarkerReportJson.toMap(b.report(), b.kb(), o.genvagVersion())));
            b.report().matches().forEach(m -> biomarkers.add(m.name()));
            records += b.somaticRecords() + (b.structuralVariants() == null ? 0 : b.structuralVariants().records());
            if (b.report().tmb() != null && b.report().tmb().result().assessable()) {
                tmb = b.report().tmb().result().value();
            }
            for (Unassessed u : b.report().notAssessable()) {
                if (u.biomarker().kind() == Biomarker.Kind.MSI && msiResult == null) {
                    msi = "not assessable: " + u.detail();
                }
            }
            report.build = b.build().toString();
            report.biomarkers = b.report();
            report.citations = b.kb().sources();
            report.kbVersion = b.report().knowledgeBaseVersion();
        }
        if (e.type() == SampleEntry.Type.TUMOUR && e.bam() != null && msi == null) {
            msi = "not assessable: " + msiMissing;
        }
        AtomicOutput.writeString(work.resolve("report.html"), inputNames.rename(HtmlReport.render(report)));
        return new SampleOutcome(e.id(), type(e), "done", null, panelVariants, failing, assessed, biomarkers, tmb,
                msi, (System.nanoTime() - start) / 1e9, records);
    }

    static String type(SampleEntry e) {
        return e.type() == null ? "?" : e.type() == SampleEntry.Type.GERMLINE ? "germline" : "tumour";
    }

    private static Map<String, Path> inputs(SampleEntry e) {
        Map<String, Path> m = new LinkedHashMap<>();
        putIf(m, "VCF", e.vcf());
        putIf(m, "SV VCF", e.svVcf());
        putIf(m, "BAM/CRAM", e.bam());
        putIf(m, "normal BAM", e.normalBam());
        putIf(m, "callable BED", e.callable());
        return m;
    }

    private static void putIf(Map<String, Path> m, String role, Path p) {
        if (p != null) {
            m.put(role, p);
        }
    }

    /** SHA-256 of a file, streamed: the report names exactly which bytes it was made from. */
    static String sha256(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The VCF column a report is about: its index (-1 for a sites-only VCF) and how the report names it. */
    private record ReportedColumn(int index, String name) {
    }

    /**
     * The VCF column the report is about: the manifest's {@code sample}, else a tumour's column as its header says,
     * else the only one (the manifest reader has refused a germline multi-sample VCF without a {@code sample}).
     */
    private static ReportedColumn reportedColumn(SampleEntry e, Path vcf) throws IOException {
        try (VcfReader r = VariantSources.open(vcf.toString(), 1)) {
            List<String> samples = r.samples();
            if (samples.isEmpty()) {
                return new ReportedColumn(-1, "sites-only VCF");
            }
            int index = 0;
            if (e.sample() != null) {
                index = samples.indexOf(e.sample());
            } else if (e.type() == SampleEntry.Type.TUMOUR) {
                try {
                    index = Math.max(0, TumourSample.pick(r, null));
                } catch (InputException unclear) {
                    index = 0;   // no header line says which column is the tumour: the first, as for one sample
                }
            }
            return new ReportedColumn(index, samples.get(index));
        }
    }
}
