// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.genvag.core.biomarker.report.BiomarkerMatch;
import org.genvag.core.biomarker.report.BiomarkerReport;
import org.genvag.core.biomarker.report.Evidence;
import org.genvag.core.biomarker.report.Observation;
import org.genvag.core.biomarker.report.TherapyOption;
import org.genvag.core.biomarker.report.Unassessed;
import org.genvag.core.consequence.Impact;
import org.genvag.core.kb.Indication;
import org.genvag.core.variant.Genotypes;
import org.genvag.io.output.AtomicOutput;
import org.genvag.io.variants.VariantSources;
import org.genvag.io.vcf.AnnotationLayout;
import org.genvag.io.vcf.FieldKey;
import org.genvag.io.vcf.VcfReader;
import org.genvag.io.vcf.VcfRecord;
import org.genvag.pipeline.consequence.ReportedConsequence;
import org.genvag.pipeline.coverage.PanelCoverage;

/**
 * A sample's report as one self-contained HTML file: no scripts, no network, CSS inline, charts as inline SVG, laid
 * out to read on screen and to print on A4. Sections: the sample and its inputs with SHA-256 checksums and versions;
 * tumour-agnostic biomarkers with therapies, agency, date, evidence and caveats; TMB and MSI with their cut-offs;
 * per-gene coverage (a bar per gene, failing genes first and in red); the panel variants.
 */
public final class HtmlReport {

    /** What a report shows; fields left null or empty are sections the sample's inputs did not allow. */
    public static final class Data {
        public String sample;
        public String type;
        public String build;
        public String genvagVersion;
        public String kbVersion;
        public final List<String[]> inputs = new ArrayList<>();   // role, path, bytes, sha256
        public BiomarkerReport biomarkers;
        /** The knowledge base's citations by source key: reports show citations, never bare keys. */
        public Map<String, String> citations = Map.of();
        public List<PanelCoverage.GeneCoverage> coverage;
        /** Per target (CDS segment or exon) when the genes were covered as targets; else null or empty. */
        public List<PanelCoverage.TargetCoverage> targets;
        public String targetKind;
        public PanelCoverage.Options coverageRule;
        public List<String[]> panelVariants;                      // chrom, pos, ref, alt, filter, genes, gt
        /** Whether the rows go on with gene, transcript, HGVSc, HGVSp, consequence and impact (INFO/CSQ). */
        public boolean consequences;
        public long panelVariantCount = -1;
        public long panelRecords = -1;
        public String genotypeOf = "sample";
    }

    private HtmlReport() {
    }

    public static void write(Data d, Path target) throws IOException {
        AtomicOutput.writeString(target, render(d));
    }

    static String render(Data d) {
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>genvag report: ")
                .append(esc(d.sample)).append("</title>\n<style>\n")
                .append("body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1b1f24;"
                        + "max-width:1100px;margin:24px auto;padding:0 16px}\n")
                .append("h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;border-bottom:2px solid #d0d7de;"
                        + "padding-bottom:3px;margin-top:28px}h3{font-size:15px;margin:16px 0 6px}\n")
                .append("table{border-collapse:collapse;width:100%;margin:6px 0 12px}th,td{border:1px solid "
                        + "#d0d7de;padding:3px 6px;text-align:left;vertical-align:top}th{background:#f3f5f7}\n")
                .append("td.num{text-align:right;font-variant-numeric:tabular-nums}.mono{font-family:ui-monospace,"
                        + "monospace;font-size:12px;word-break:break-all}\n")
                .append(".match{border-left:5px solid #1a7f37;padding:4px 10px;margin:10px 0;background:#f0faf3}\n")
                .append(".resist{border-left-color:#bf8700;background:#fff8e1}.muted{color:#57606a}"
                        + ".fail{color:#b42318;font-weight:600}.ok{color:#1a7f37}.warn{color:#9a6700;font-weight:600}"
                        + "span.date{white-space:nowrap}\n")
                .append("@media print{body{margin:0;max-width:none}h2{break-after:avoid}.match,tr{break-inside:"
                        + "avoid}@page{size:A4;margin:14mm}}\n</style></head><body>\n");
        h.append("<h1>Sample ").append(esc(d.sample)).append("</h1>\n<p class=\"muted\">")
                .append(esc(d.type)).append(" sample").append(d.build == null ? "" : ", " + esc(d.build))
                .append(". genvag ").append(esc(d.genvagVersion))
                .append(d.kbVersion == null ? "" : ", knowledge base " + esc(d.kbVersion)).append(". Generated ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(".</p>\n");
        inputs(h, d);
        if (d.biomarkers != null) {
            biomarkers(h, d.biomarkers, d.citations);
        }
        if (d.coverage != null) {
            coverage(h, d);
        }
        if (d.panelVariants != null) {
            variants(h, d);
        }
        h.append("<p class=\"muted\">Research use: every finding must be confirmed by the laboratory's validated "
                + "procedures before clinical use.</p>\n</body></html>\n");
        return h.toString();
    }

    private static void inputs(StringBuilder h, Data d) {
        h.append("<h2>Inputs</h2>\n<table><tr><th>role</th><th>file</th><th>bytes</th><th>SHA-256</th></tr>\n");
        for (String[] in : d.inputs) {
            h.append("<tr><td>").append(esc(in[0])).append("</td><td class=\"mono\">").append(esc(in[1]))
                    .append("</td><td class=\"num\">").append(esc(in[2])).append("</td><td class=\"mono\">")
                    .append(esc(in[3])).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void biomarkers(StringBuilder h, BiomarkerReport r, Map<String, String> citations) {
        h.append("<h2>Tumour-agnostic biomarkers</h2>\n<p>Tumour type: ").append(r.tumourType() == null
                ? "<span class=\"warn\">not given</span> (therapies whose labels exclude or name tumour types "
                + "depend on it)" : esc(r.tumourType().toString()) + ", OncoTree " + esc(r.tumourType().release()))
                .append("</p>\n");
        if (r.matches().isEmpty()) {
            h.append("<p>No tumour-agnostic biomarker matched.</p>\n");
        }
        for (BiomarkerMatch m : r.matches()) {
            boolean resistance = m.status().equals(BiomarkerMatch.RESISTANCE);
            h.append("<div class=\"match").append(resistance ? " resist" : "").append("\"><h3>")
                    .append(esc(m.name())).append(" &mdash; ").append(esc(m.status())).append("</h3>\n");
            h.append("<table><tr><th>therapy</th><th>agency</th><th>status</th><th>population and conditions to "
                    + "confirm</th><th>applies</th><th>label source</th></tr>\n");
            for (TherapyOption t : m.therapies()) {
                Indication i = t.indication();
                h.append("<tr><td>").append(esc(i.therapy())).append("</td><td>").append(esc(i.agency().name()))
                        .append("</td><td>").append(esc(i.status().label())).append(" <span class=\"date\">")
                        .append(esc(i.date() == null ? "" : i.date())).append("</span>").append(history(t))
                        .append("</td><td>").append(esc(conditions(t))).append("</td><td>").append(applies(t))
                        .append("</td><td>").append(esc(cite(i.sources(), citations))).append("</td></tr>\n");
            }
            h.append("</table>\n<table><tr><th>evidence</th><th>filter</th><th>VAF</th><th>depth</th>"
                    + "<th>alt reads</th><th>found by</th></tr>\n");
            for (Evidence ev : m.evidence()) {
                h.append("<tr><td class=\"mono\">").append(esc(ev.record())).append("</td><td>")
                        .append(esc(ev.filter())).append("</td><td class=\"num\">")
                        .append(Double.isNaN(ev.vaf()) ? "" : String.format(Locale.ROOT, "%.3f", ev.vaf()))
                        .append("</td><td class=\"num\">").append(ev.depth() < 0 ? "" : ev.depth())
                        .append("</td><td class=\"num\">").append(ev.altReads() < 0 ? "" : ev.altReads())
                        .append("</td><td>").append(esc(ev.via())).append("</td></tr>\n");
            }
            h.append("</table>\n");
            for (String c : m.caveats()) {
                h.append("<p class=\"muted\">Caveat: ").append(esc(c)).append("</p>\n");
            }
            h.append("<p class=\"muted\">Rule sources:</p>\n<ul class=\"muted\">\n");
            for (String source : m.biomarker().sources()) {
                h.append("<li>").append(esc(citations.getOrDefault(source, source))).append("</li>\n");
            }
            h.append("</ul></div>\n");
        }
        h.append("<h3>TMB and MSI</h3>\n<table>\n");
        if (r.tmb() != null && r.tmb().result().assessable()) {
            var t = r.tmb().result();
            h.append("<tr><td>TMB</td><td>").append(String.format(Locale.ROOT, "<b>%.2f</b> mut/Mb (%d mutations / "
                    + "%.3f Mb; %s; cut-off %s %s mut/Mb: %s)", t.value(), t.mutations(), t.megabases(),
                    esc(r.tmb().mode()), esc(t.cutoff().comparison()), trim(t.cutoff().value()),
                    t.high() ? "TMB-high" : "not TMB-high")).append("</td></tr>\n");
        }
        for (Unassessed u : r.notAssessable()) {
            h.append("<tr><td>").append(esc(u.biomarker().name())).append("</td><td class=\"muted\">not assessable: ")
                    .append(esc(u.detail())).append("</td></tr>\n");
        }
        for (Unassessed u : r.assessedNotFound()) {
            h.append("<tr><td>").append(esc(u.biomarker().name())).append("</td><td>not found: ")
                    .append(esc(u.detail())).append("</td></tr>\n");
        }
        h.append("</table>\n");
        if (!r.observations().isEmpty()) {
            h.append("<h3>Also seen (not matches)</h3>\n<ul>\n");
            for (Observation x : r.observations()) {
                h.append("<li>").append(esc(x.name())).append(" &mdash; ").append(esc(x.status())).append(": ")
                        .append(esc(x.detail())).append("</li>\n");
            }
            h.append("</ul>\n");
        }
    }

    /** Population, then the label's conditions, joined without empty parts. */
    private static String cite(List<String> sources, Map<String, String> citations) {
        List<String> cited = new ArrayList<>(sources.size());
        for (String key : sources) {
            cited.add(citations.getOrDefault(key, key));
        }
        return String.join("; ", cited);
    }

    private static String conditions(TherapyOption t) {
        List<String> parts = new ArrayList<>();
        String population = t.indication().population();
        if (population != null && !population.isBlank()) {
            parts.add(population);
        }
        parts.addAll(t.conditionsToConfirm());
        parts.addAll(t.notes());
        return String.join("; ", parts);
    }

    /** The three states apart: yes, no with the reasons, depends with what on. */
    private static String applies(TherapyOption t) {
        var a = t.applicability();
        if (a.applies() == null) {
            return "<span class=\"warn\">depends</span> on: " + esc(String.join("; ", a.dependsOn()));
        }
        return a.applies() ? "<span class=\"ok\">yes</span>"
                : "<span class=\"fail\">no</span>: " + esc(String.join("; ", a.reasons()));
    }

    private static String history(TherapyOption t) {
        if (t.history().isEmpty()) {
            return "";
        }
        List<String> earlier = new ArrayList<>();
        for (Indication i : t.history()) {
            earlier.add(i.status().label() + " " + (i.date() == null ? "" : i.date()));
        }
        return "<br><span class=\"muted\">superseded: " + esc(String.join("; ", earlier)) + "</span>";
    }

    private static void coverage(StringBuilder h, Data d) {
        PanelCoverage.Options rule = d.coverageRule;
        int qc = Arrays.binarySearch(rule.thresholds(), rule.qcDepth());
        List<PanelCoverage.GeneCoverage> genes = new ArrayList<>(d.coverage);
        // Failing genes first, worst first; then the rest by name: what a reviewer must act on comes first.
        genes.sort((a, b) -> a.passesQc() != b.passesQc() ? (a.passesQc() ? 1 : -1)
                : !a.passesQc() ? Double.compare(a.stats().fractionAtLeast(qc), b.stats().fractionAtLeast(qc))
                : a.gene().compareTo(b.gene()));
        long failing = genes.stream().filter(g -> !g.passesQc()).count();
        h.append("<h2>Coverage</h2>\n<p>").append(genes.size()).append(" genes; <span class=\"")
                .append(failing > 0 ? "fail" : "ok").append("\">").append(failing).append(" fail</span> the QC rule ")
                .append(String.format(Locale.ROOT, "(at least %.0f%% of bases at &ge; %dx).", 100 * rule.qcMinFraction(),
                        rule.qcDepth())).append("</p>\n");
        int shown = Math.min(genes.size(), 400);
        int row = 14;
        int width = 760;
        int label = 110;
        h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(shown * row + 24).append("\" role=\"img\" aria-label=\"percent of bases at ")
                .append(rule.qcDepth()).append("x per gene\" font-family=\"system-ui,sans-serif\" font-size=\"11\">\n");
        double cut = label + (width - label - 60) * rule.qcMinFraction();
        for (int i = 0; i < shown; i++) {
            PanelCoverage.GeneCoverage g = genes.get(i);
            double f = g.stats().fractionAtLeast(qc);
            int y = i * row + 4;
            h.append("<text x=\"0\" y=\"").append(y + 10).append("\">").append(esc(g.gene())).append("</text>")
                    .append("<rect x=\"").append(label).append("\" y=\"").append(y).append("\" width=\"")
                    .append(String.format(Locale.ROOT, "%.1f", (width - label - 60) * f)).append("\" height=\"")
                    .append(row - 3).append("\" fill=\"").append(g.passesQc() ? "#2da44e" : "#cf222e")
                    .append("\"><title>").append(esc(g.gene())).append(String.format(Locale.ROOT,
                            ": %.1f%% of bases at %dx or more, mean depth %.1f", 100 * f, rule.qcDepth(),
                            g.stats().mean())).append("</title></rect>")
                    .append("<text x=\"").append(width - 55).append("\" y=\"").append(y + 10).append("\">")
                    .append(String.format(Locale.ROOT, "%.1f%%", 100 * f)).append("</text>\n");
        }
        h.append("<line x1=\"").append(String.format(Locale.ROOT, "%.1f", cut)).append("\" y1=\"0\" x2=\"")
                .append(String.format(Locale.ROOT, "%.1f", cut)).append("\" y2=\"").append(shown * row + 4)
                .append("\" stroke=\"#1b1f24\" stroke-dasharray=\"3,3\"/>\n</svg>\n");
        if (shown < genes.size()) {
            h.append("<p class=\"muted\">").append(genes.size() - shown).append(" more genes, all passing, are in "
                    + "coverage.genes.tsv.</p>\n");
        }
        failingExons(h, d, genes, qc);
    }

    /** Under each failing gene, its targets below the rule: where a lab must look (coverage.exons.tsv has all). */
    private static void failingExons(StringBuilder h, Data d, List<PanelCoverage.GeneCoverage> genes, int qc) {
        if (d.targets == null || d.targets.isEmpty()) {
            return;
        }
        PanelCoverage.Options rule = d.coverageRule;
        h.append("<p class=\"muted\">Targets: ").append(esc(d.targetKind)).append(".</p>\n");
        StringBuilder rows = new StringBuilder();
        for (PanelCoverage.GeneCoverage g : genes) {
            if (g.passesQc()) {
                continue;
            }
            for (PanelCoverage.TargetCoverage t : d.targets) {
                double f = t.stats().fractionAtLeast(qc);
                if (t.gene().equals(g.gene()) && f < rule.qcMinFraction()) {
                    rows.append("<tr><td>").append(esc(t.gene())).append("</td><td>").append(esc(t.transcript()))
                            .append("</td><td>").append(t.exon()).append("</td><td>").append(esc(t.contig()))
                            .append(':').append(t.start() + 1).append('-').append(t.end()).append("</td><td>")
                            .append(String.format(Locale.ROOT, "%.1f%%", 100 * f)).append("</td><td>")
                            .append(String.format(Locale.ROOT, "%.1f", t.stats().mean())).append("</td></tr>\n");
                }
            }
        }
        if (rows.length() > 0) {
            h.append("<h3>Exons below the rule, in failing genes</h3>\n<table><tr><th>gene</th><th>transcript</th>"
                    + "<th>exon</th><th>where (1-based)</th><th>bases &ge; ").append(rule.qcDepth())
                    .append("x</th><th>mean depth</th></tr>\n").append(rows).append("</table>\n");
        }
    }

    private static void variants(StringBuilder h, Data d) {
        h.append("<h2>Panel variants</h2>\n<p>").append(d.panelVariantCount).append(" variants of ")
                .append(esc(d.genotypeOf)).append(" in the panel genes")
                .append(d.panelVariantCount > d.panelVariants.size() ? "; the first " + d.panelVariants.size()
                        + " are listed" : "").append(" (panel.vcf.gz holds all ").append(d.panelRecords)
                .append(" records of the panel's regions, with other samples' variants and reference calls).</p>\n")
                .append(d.consequences ? "<p>Sorted by impact, then position. Each variant is shown on its MANE Select "
                        + "transcript, else its Ensembl canonical one, else its most severe consequence; panel.vcf.gz's "
                        + "INFO/CSQ has every transcript.</p>\n" : "")
                .append("<table><tr><th>chrom</th><th>pos</th><th>ref</th><th>alt</th><th>filter</th><th>genes</th>"
                        + "<th>GT (" + esc(d.genotypeOf) + ")</th>")
                .append(d.consequences ? "<th>gene</th><th>transcript</th><th>HGVS c.</th><th>HGVS p.</th>"
                        + "<th>consequence</th><th>impact</th>" : "").append("</tr>\n");
        for (String[] v : d.panelVariants) {
            h.append("<tr>");
            for (int i = 0; i < v.length; i++) {
                h.append(i == 1 ? "<td class=\"num\">" : i == 2 || i == 3 ? "<td class=\"mono\">" : "<td>")
                        .append(esc(v[i])).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    /**
     * The variants table: the first rows listed, how many records the sample carries in all, and whether the rows
     * carry consequences.
     */
    record Variants(List<String[]> rows, long carried, long records, boolean consequences) {
    }

    /**
     * The records of a filtered VCF that {@code sample} (a column index; -1 for a sites-only VCF) carries: a
     * genotype with an allele other than REF. 0/0 and no-calls are not variants of this sample and are neither
     * listed nor counted; a record without a genotype to judge (sites-only, no GT) is counted, as nothing says it is
     * absent. The first {@code max} are listed; with INFO/CSQ (or ANN), each row also names its reported consequence
     * ({@link ReportedConsequence}) and the rows are sorted by impact first.
     */
    static Variants variants(Path vcf, int max, int sample) throws IOException {
        List<String[]> out = new ArrayList<>();
        List<Impact> impacts = new ArrayList<>();
        FieldKey genes = FieldKey.of("GENVAG_GENES");
        FieldKey gt = FieldKey.of("GT");
        long carried = 0;
        long records = 0;
        boolean consequences;
        try (VcfReader r = VariantSources.open(vcf.toString(), 1)) {
            AnnotationLayout layout = AnnotationLayout.of(r);
            consequences = layout != null;
            VcfRecord rec = new VcfRecord();
            while (r.next(rec)) {
                records++;
                int g = sample < 0 ? -1 : rec.formatIndex(gt);
                String genotype = g >= 0 && rec.sampleCount() > sample ? rec.text(rec.sampleValue(sample, g)) : "";
                if (g >= 0 && !Genotypes.carriesAlt(genotype)) {
                    continue;
                }
                carried++;
                if (!consequences && out.size() >= max) {
                    continue;
                }
                String[] row = {rec.contigName(), String.valueOf(rec.pos()), shorten(rec.ref()),
                    shorten(rec.alt()), rec.filter(), String.valueOf(rec.infoString(genes)), genotype};
                if (consequences) {
                    ReportedConsequence c = ReportedConsequence.pick(rec.infoString(layout.key()), layout);
                    row = Arrays.copyOf(row, row.length + 6);
                    if (c != null) {
                        System.arraycopy(new String[] {c.gene(), c.transcript(), c.hgvsc(), c.hgvsp(),
                            c.consequence(), c.impact().name()}, 0, row, 7, 6);
                    }
                    impacts.add(c == null ? Impact.MODIFIER : c.impact());
                }
                out.add(row);
            }
        }
        if (consequences) {
            // Most disruptive first; the file's order within an impact (a stable sort).
            Integer[] order = new Integer[out.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparing(impacts::get));
            List<String[]> sorted = new ArrayList<>(Math.min(max, order.length));
            for (int i = 0; i < Math.min(max, order.length); i++) {
                sorted.add(out.get(order[i]));
            }
            out = sorted;
        }
        return new Variants(out, carried, records, consequences);
    }

    private static String shorten(String allele) {
        return allele.length() > 24 ? allele.substring(0, 20) + "...(" + allele.length() + ")" : allele;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
