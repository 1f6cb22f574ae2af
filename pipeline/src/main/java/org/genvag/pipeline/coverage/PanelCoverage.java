// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.coverage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.genvag.core.coverage.DepthStats;
import org.genvag.core.coverage.PanelDepth;
import org.genvag.core.error.InputException;
import org.genvag.core.genome.ContigNames;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.core.interval.ContigSegments;
import org.genvag.core.panel.PanelIntervals;
import org.genvag.core.transcript.Target;
import org.genvag.io.bam.BamReader;
import org.genvag.io.bam.BamRecord;

/**
 * Panel coverage QC from a coordinate-sorted BAM in one streaming pass: depth per base over the panel's regions,
 * then per merged region and per gene the mean, median, minimum and share of bases at or above each threshold,
 * the stretches below a low-coverage threshold, and which genes fail the QC rule (less than {@code qcMinFraction}
 * of bases at or above {@code qcDepth}).
 */
public final class PanelCoverage {

    public record Options(int flagMask, int minMapq, int[] thresholds, int lowDepth, int qcDepth, double qcMinFraction,
                          int threads) {
        public Options {
            thresholds = thresholds.clone();
            Arrays.sort(thresholds);
            if (flagMask < 0 || minMapq < 0 || lowDepth < 0 || qcDepth < 0 || threads < 1 || qcMinFraction < 0
                    || qcMinFraction > 1) {
                throw new InputException("coverage options out of range: flag " + flagMask + ", MAPQ " + minMapq
                        + ", low depth " + lowDepth + ", QC depth " + qcDepth + ", QC fraction " + qcMinFraction
                        + ", threads " + threads);
            }
            if (Arrays.stream(thresholds).noneMatch(t -> t == qcDepth)) {
                throw new InputException("the QC depth " + qcDepth + "x must be one of the thresholds "
                        + Arrays.toString(thresholds));
            }
        }

        public static Options defaults(int threads) {
            return new Options(1796, 0, new int[] {10, 20, 30, 50}, 20, 20, 0.95, threads);
        }
    }

    /** A merged panel region (touching and overlapping panel intervals joined), 0-based half-open. */
    public record Region(String contig, long start, long end, List<String> genes, DepthStats stats) {
    }

    public record GeneCoverage(String gene, String panel, String contig, long start, long end, DepthStats stats,
                               boolean passesQc) {
    }

    public record LowStretch(String contig, long start, long end, String genes) {
    }

    /**
     * One target (a CDS segment or exon of a gene's reported transcript): 0-based half-open with the panel's
     * padding, as BED and mosdepth write it; {@code exon} is the exon's number in transcript order.
     */
    public record TargetCoverage(String contig, long start, long end, String gene, String transcript, int exon,
                                 DepthStats stats) {
    }

    /**
     * @param targets one row per target when the panel's genes are targets (exons, CDS); empty for gene spans
     * @param targetKind what the genes' intervals are ("gene spans", or the target plan's description)
     */
    public record Result(String bam, List<Region> regions, List<GeneCoverage> genes, List<LowStretch> lowCoverage,
                         DepthStats panel, long readsCounted, long readsFiltered, long overlapsCorrected,
                         List<String> contigsNotInBam, Options options, List<TargetCoverage> targets,
                         String targetKind) {
    }

    private PanelCoverage() {
    }

    public static Result run(String bam, PanelIntervals panel, Options o) throws IOException {
        try (BamReader reader = BamReader.open(bam, o.threads())) {
            return run(reader, panel, o);
        }
    }

    public static Result run(BamReader reader, PanelIntervals panel, Options o) throws IOException {
        return run(reader, panel, o, null);
    }

    /**
     * The same, handing every record to {@code alsoEach} as it streams past (MSI repeat counting rides the same
     * decode), or to nobody when it is null.
     */
    public static Result run(BamReader reader, PanelIntervals panel, Options o,
                             Consumer<BamRecord> alsoEach) throws IOException {
        List<String> refs = reader.header().names();
        Map<String, String> bamName = new HashMap<>();
        for (String ref : refs) {
            bamName.putIfAbsent(ContigNames.canonical(ref), ref);
        }
        List<String> panelContigs = new ArrayList<>();
        panel.index().contigNames().forEach(panelContigs::add);
        // Report in karyotype order (1..22, X, Y, MT), then any other contig as the panel lists it.
        panelContigs.sort(Comparator.comparingInt(c -> {
            int i = GenomeBuild.PRIMARY_CONTIGS.indexOf(c);
            return i < 0 ? Integer.MAX_VALUE : i;
        }));
        List<String> missing = new ArrayList<>();
        for (String c : panelContigs) {
            if (!bamName.containsKey(c)) {
                missing.add(c);
            }
        }
        if (!panelContigs.isEmpty() && missing.size() == panelContigs.size()) {
            throw new InputException(reader.source() + ": none of the BAM's reference sequences (" + sample(refs)
                    + ") names a panel contig (" + sample(panelContigs) + "): another naming scheme or build?");
        }
        int labels = panel.labelCount();
        DepthStats[] perLabel = new DepthStats[labels];
        for (int i = 0; i < labels; i++) {
            perLabel[i] = new DepthStats(o.thresholds());
        }
        DepthStats whole = new DepthStats(o.thresholds());
        Map<String, List<Region>> regionsByContig = new LinkedHashMap<>();
        List<LowStretch> low = new ArrayList<>();

        PanelDepth depth = new PanelDepth();
        ReadDepthWalker walker = new ReadDepthWalker(depth, o.flagMask(), o.minMapq());
        BamRecord r = new BamRecord();
        int current = -1;
        Set<String> done = new LinkedHashSet<>();
        while (reader.next(r)) {
            int ref = r.refId();
            if (ref < 0) {
                break;   // unmapped reads without position close a sorted BAM
            }
            if (alsoEach != null) {
                alsoEach.accept(r);
            }
            if (ref != current) {
                if (current >= 0) {
                    finishContig(refs.get(current), depth, panel, perLabel, whole, regionsByContig, low, o, done);
                }
                current = ref;
                depth.reset(panel.index().contig(ContigNames.canonical(refs.get(ref))));
                walker.newContig();
            }
            if (depth.segments() != null) {
                walker.add(r);
            }
        }
        if (current >= 0) {
            finishContig(refs.get(current), depth, panel, perLabel, whole, regionsByContig, low, o, done);
        }
        // Panel contigs the alignments never reached (or the BAM does not have): zero depth throughout.
        for (String c : panelContigs) {
            String name = bamName.getOrDefault(c, c);
            if (!done.contains(c)) {
                depth.reset(panel.index().contig(c));
                depth.finish();
                finishContig(name, depth, panel, perLabel, whole, regionsByContig, low, o, done);
            }
        }
        List<Region> regions = new ArrayList<>();
        for (String c : panelContigs) {
            regions.addAll(regionsByContig.getOrDefault(c, List.of()));
        }
        List<GeneCoverage> genes = new ArrayList<>();
        List<TargetCoverage> targets = new ArrayList<>();
        Map<Integer, Span> spans = geneSpans(panel);
        int qc = indexOf(o.thresholds(), o.qcDepth());
        for (int label = 0; label < labels; label++) {
            Span span = spans.get(label);
            String contig = bamName.getOrDefault(span.contig, span.contig);
            DepthStats s = perLabel[label];
            Target t = panel.targetOf(label);
            if (t != null) {
                targets.add(new TargetCoverage(contig, span.start, span.end, t.gene(), t.transcript(), t.exon(), s));
                continue;
            }
            boolean pass = s.fractionAtLeast(qc) >= o.qcMinFraction();
            genes.add(new GeneCoverage(panel.geneOf(label), panel.panels().get(panel.panelOf(label)).name(), contig,
                    span.start, span.end, s, pass));
        }
        targets.sort(Comparator.comparingInt((TargetCoverage t) -> karyotype(ContigNames.canonical(t.contig())))
                .thenComparing(TargetCoverage::contig).thenComparingLong(TargetCoverage::start)
                .thenComparing(TargetCoverage::gene));
        return new Result(reader.source(), regions, genes, low, whole, walker.counted(), walker.filtered(),
                walker.overlapsCorrected(), missing, o, targets, panel.targets());
    }

    private static int karyotype(String contig) {
        int i = GenomeBuild.PRIMARY_CONTIGS.indexOf(contig);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
    }

    /** A label's extent on its contig (canonical name), 0-based half-open. */
    private static final class Span {
        final String contig;
        long start = Long.MAX_VALUE;
        long end;

        Span(String contig) {
            this.contig = contig;
        }
    }

    /** Each label's span over the panel segments that carry it. */
    private static Map<Integer, Span> geneSpans(PanelIntervals panel) {
        Map<Integer, Span> spans = new HashMap<>();
        for (String contig : panel.index().contigNames()) {
            ContigSegments s = panel.index().contig(contig);
            for (int i = 0; i < s.size(); i++) {
                for (int k = 0; k < s.labelCount(i); k++) {
                    Span span = spans.computeIfAbsent(s.label(i, k), l -> new Span(contig));
                    span.start = Math.min(span.start, s.start(i));
                    span.end = Math.max(span.end, s.end(i));
                }
            }
        }
        return spans;
    }

    private static void finishContig(String name, PanelDepth depth, PanelIntervals panel, DepthStats[] perLabel,
                                     DepthStats whole, Map<String, List<Region>> regionsByContig,
                                     List<LowStretch> lowOut, Options o, Set<String> done) {
        ContigSegments s = depth.segments();
        String canonical = ContigNames.canonical(name);
        done.add(canonical);
        if (s == null) {
            return;
        }
        depth.finish();
        int[] d = depth.depths();
        List<Region> regions = new ArrayList<>();
        DepthStats segment = new DepthStats(o.thresholds());
        int low = o.lowDepth();
        int i = 0;
        while (i < s.size()) {
            // A merged region: segments that touch or overlap.
            int j = i;
            long end = s.end(i);
            DepthStats rs = new DepthStats(o.thresholds());
            Set<String> genes = new LinkedHashSet<>();
            while (j < s.size() && s.start(j) <= end) {
                end = Math.max(end, s.end(j));
                int from = depth.offset(j);
                int to = from + (int) (s.end(j) - s.start(j));
                // One pass over the bases; region, genes and panel merge the segment's histogram.
                segment.clear();
                segment.add(d, from, to);
                rs.merge(segment);
                whole.merge(segment);
                List<String> segmentGenes = new ArrayList<>(s.labelCount(j));
                List<String> segmentTargets = new ArrayList<>(0);
                for (int k = 0; k < s.labelCount(j); k++) {
                    int label = s.label(j, k);
                    perLabel[label].merge(segment);
                    Target t = panel.targetOf(label);
                    if (t == null) {
                        segmentGenes.add(panel.geneOf(label));
                    } else {
                        segmentTargets.add(t.gene() + ":" + t.transcript() + ":exon" + t.exon());
                    }
                }
                genes.addAll(segmentGenes);
                if (segment.min() < low) {
                    // Named by gene, transcript and exon where the genes are targets (a region's name otherwise).
                    String names = String.join(",", segmentTargets.isEmpty() ? segmentGenes : segmentTargets);
                    lowStretches(name, s.start(j), d, from, to, low, names, lowOut);
                }
                j++;
            }
            regions.add(new Region(name, s.start(i), end, List.copyOf(genes), rs));
            i = j;
        }
        regionsByContig.put(canonical, regions);
    }

    /** Runs of depth below {@code low} in one segment; a run touching the previous one (same contig) extends it. */
    private static void lowStretches(String contig, long segStart, int[] d, int from, int to, int low, String genes,
                                     List<LowStretch> out) {
        int b = from;
        while (b < to) {
            while (b < to && d[b] >= low) {
                b++;
            }
            if (b == to) {
                return;
            }
            int runStart = b;
            while (b < to && d[b] < low) {
                b++;
            }
            long start = segStart + (runStart - from);
            long end = segStart + (b - from);
            LowStretch last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.contig().equals(contig) && last.end() == start) {
                String joined = last.genes().equals(genes) ? genes : last.genes() + "," + genes;
                out.set(out.size() - 1, new LowStretch(contig, last.start(), end, joined));
            } else {
                out.add(new LowStretch(contig, start, end, genes));
            }
        }
    }

    private static String sample(List<String> names) {
        return names.size() <= 4 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 4)) + ", ... (" + names.size() + ")";
    }
}
