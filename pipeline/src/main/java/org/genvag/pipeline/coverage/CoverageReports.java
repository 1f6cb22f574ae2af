// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.coverage;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.genvag.core.coverage.DepthStats;
import org.genvag.core.error.InputException;
import org.genvag.io.bgzf.BgzfOutputStream;
import org.genvag.io.output.JsonFiles;
import org.genvag.io.output.OutputGroup;
import org.genvag.pipeline.panel.PanelBuild;
import org.genvag.pipeline.schema.OutputSchema;

/**
 * Writes a coverage result as {@code P.regions.tsv}, {@code P.genes.tsv}, {@code P.exons.tsv} (one row per target
 * when the genes are targets: CDS or exons), {@code P.lowcov.bed.gz} (BGZF) and {@code P.summary.json}, together.
 * Coordinates are 0-based half-open with the panel's padding, as in BED and mosdepth.
 */
public final class CoverageReports {
    private CoverageReports() {
    }

    /**
     * Stages the four outputs in {@code group}; they appear when the group is committed, with whatever else the job
     * writes (an MSI result), or not at all. A prefix that names a folder ({@code dir/}) is refused: it would give
     * hidden files ({@code dir/.regions.tsv}).
     */
    public static List<Path> write(OutputGroup group, PanelCoverage.Result r, String prefix,
            Map<String, Object> context) throws IOException {
        requireFilePrefix(prefix);
        int[] t = r.options().thresholds();
        Path regions = Path.of(prefix + ".regions.tsv");
        StringBuilder sb = new StringBuilder("#chrom\tstart\tend\tgenes\tbases\tmean\tmedian\tmin");
        for (int x : t) {
            sb.append("\tpct_ge_").append(x).append('x');
        }
        sb.append('\n');
        for (PanelCoverage.Region g : r.regions()) {
            sb.append(g.contig()).append('\t').append(g.start()).append('\t').append(g.end()).append('\t')
                    .append(String.join(",", g.genes()));
            stats(sb, g.stats(), t.length);
            sb.append('\n');
        }
        group.writeString(regions, sb);

        Path genes = Path.of(prefix + ".genes.tsv");
        sb.setLength(0);
        sb.append("#gene\tpanel\tchrom\tstart\tend\tbases\tmean\tmedian\tmin");
        for (int x : t) {
            sb.append("\tpct_ge_").append(x).append('x');
        }
        sb.append("\tqc\n");
        for (PanelCoverage.GeneCoverage g : r.genes()) {
            sb.append(g.gene()).append('\t').append(g.panel()).append('\t').append(g.contig()).append('\t')
                    .append(g.start()).append('\t').append(g.end());
            stats(sb, g.stats(), t.length);
            sb.append('\t').append(g.passesQc() ? "PASS" : "FAIL").append('\n');
        }
        group.writeString(genes, sb);

        Path exons = null;
        if (!r.targets().isEmpty()) {
            exons = Path.of(prefix + ".exons.tsv");
            sb.setLength(0);
            sb.append("#chrom\tstart\tend\tgene\ttranscript\texon\tbases\tmean\tmedian\tmin");
            for (int x : t) {
                sb.append("\tpct_ge_").append(x).append('x');
            }
            sb.append('\n');
            for (PanelCoverage.TargetCoverage g : r.targets()) {
                sb.append(g.contig()).append('\t').append(g.start()).append('\t').append(g.end()).append('\t')
                        .append(g.gene()).append('\t').append(g.transcript()).append('\t').append(g.exon());
                stats(sb, g.stats(), t.length);
                sb.append('\n');
            }
            group.writeString(exons, sb);
        }

        Path low = Path.of(prefix + ".lowcov.bed.gz");
        OutputStream bgzf = new BgzfOutputStream(group.open(low).stream());
        StringBuilder b = new StringBuilder();
        for (PanelCoverage.LowStretch s : r.lowCoverage()) {
            b.append(s.contig()).append('\t').append(s.start()).append('\t').append(s.end()).append('\t')
                    .append(s.genes()).append('\n');
        }
        bgzf.write(b.toString().getBytes(StandardCharsets.US_ASCII));
        bgzf.close();

        Path summary = Path.of(prefix + ".summary.json");
        Map<String, Object> json = OutputSchema.COVERAGE_SUMMARY.newObject();
        // The context may name the BAM otherwise than its path (a copy of a remote file): in the same place.
        Map<String, Object> rest = new LinkedHashMap<>(context);
        Object bam = rest.containsKey("bam") ? rest.remove("bam") : r.bam();
        json.putAll(rest);
        json.put("bam", bam);
        json.put("targets", r.targetKind());
        json.put("readsCounted", r.readsCounted());
        json.put("readsFiltered", r.readsFiltered());
        json.put("mateOverlapsCorrected", r.overlapsCorrected());
        json.put("flagMask", r.options().flagMask());
        json.put("minMapq", r.options().minMapq());
        json.put("panelBases", r.panel().bases());
        json.put("panelMeanDepth", round(r.panel().mean()));
        Map<String, Object> pct = new LinkedHashMap<>();
        for (int i = 0; i < t.length; i++) {
            pct.put(t[i] + "x", round(100 * r.panel().fractionAtLeast(i)));
        }
        json.put("panelPctBasesAtLeast", pct);
        json.put("qcRule", String.format(Locale.ROOT, ">= %.0f%% of bases at >= %dx",
                100 * r.options().qcMinFraction(), r.options().qcDepth()));
        List<String> failing = new ArrayList<>();
        r.genes().stream().filter(g -> !g.passesQc()).forEach(g -> failing.add(g.gene()));
        json.put("genes", r.genes().size());
        json.put("genesFailingQc", failing);
        json.put("lowCoverageThreshold", r.options().lowDepth());
        json.put("lowCoverageStretches", r.lowCoverage().size());
        json.put("panelContigsNotInBam", r.contigsNotInBam());
        JsonFiles.write(group, summary, json);
        return exons == null ? List.of(regions, genes, low, summary) : List.of(regions, genes, exons, low, summary);
    }

    /**
     * What the summary says of the run that made it, as both {@code genvag coverage} and a batch sample write it:
     * genvag's version, the build, the panels, their padding, how the BAM was read and the panel genes not covered
     * as asked.
     */
    public static Map<String, Object> context(CoverageJob.Outcome o, long padding, String genvagVersion) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("genvagVersion", genvagVersion);
        context.put("build", PanelBuild.name(o.build()));
        List<String> names = new ArrayList<>();
        o.panels().forEach(p -> names.add(p.label()));
        context.put("panels", names);
        context.put("padding", padding);
        context.put("read", o.readPlan());
        context.put("targetWarnings", o.targetWarnings());
        return context;
    }

    /** An output prefix must end in a name: {@code dir/} or an existing folder would give hidden files. */
    public static void requireFilePrefix(String prefix) {
        if (prefix.isEmpty() || prefix.endsWith("/") || prefix.endsWith(File.separator) || prefix.endsWith("/.")
                || Files.isDirectory(Path.of(prefix))) {
            throw new InputException("--out-prefix " + prefix + " names a folder: give a folder and a name, such as "
                    + (prefix.isEmpty() ? "" : prefix.endsWith("/") ? prefix : prefix + "/") + "SAMPLE (the outputs "
                    + "are SAMPLE.regions.tsv, SAMPLE.genes.tsv, ...)");
        }
        Path folder = Path.of(prefix).toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            throw new InputException("--out-prefix " + prefix + ": the folder " + folder + " does not exist (genvag "
                    + "does not create output folders)");
        }
    }

    private static void stats(StringBuilder sb, DepthStats s, int thresholds) {
        sb.append('\t').append(s.bases()).append('\t').append(String.format(Locale.ROOT, "%.2f", s.mean()))
                .append('\t').append(s.median()).append('\t').append(s.min());
        for (int i = 0; i < thresholds; i++) {
            sb.append('\t').append(String.format(Locale.ROOT, "%.2f", 100 * s.fractionAtLeast(i)));
        }
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

}
