// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.panel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.genvag.core.interval.IntervalIndex;
import org.genvag.core.transcript.Target;

/**
 * The regions of one or more panels as a single {@link IntervalIndex} on canonical contig names: each gene's span
 * (padded by {@code padding} bases each side, clipped at 0) and each explicit region, labelled with its panel and
 * gene so a variant learns every panel and gene it falls in.
 */
public final class PanelIntervals {
    private final IntervalIndex index;
    private final List<GenePanel> panels;
    private final int[] labelPanel;
    private final String[] labelGene;
    private final Target[] labelTarget;
    private final long padding;
    private final String targets;

    private PanelIntervals(IntervalIndex index, List<GenePanel> panels, int[] labelPanel, String[] labelGene,
                           Target[] labelTarget, long padding, String targets) {
        this.index = index;
        this.panels = panels;
        this.labelPanel = labelPanel;
        this.labelGene = labelGene;
        this.labelTarget = labelTarget;
        this.padding = padding;
        this.targets = targets;
    }

    public static PanelIntervals of(List<GenePanel> panels, long padding) {
        return of(panels, padding, TargetPlan.GENES, false);
    }

    /**
     * The panels with each gene as {@code plan}'s targets (each padded) instead of its span. With
     * {@code targetLabels}, every target also carries a label of its own ({@link #targetOf}), so a coverage job
     * reports each exon as well as each gene; a filter needs only the genes'.
     */
    public static PanelIntervals of(List<GenePanel> panels, long padding, TargetPlan plan, boolean targetLabels) {
        if (padding < 0) {
            throw new IllegalArgumentException("padding must be >= 0");
        }
        IntervalIndex.Builder b = IntervalIndex.builder();
        Map<String, int[]> labels = new HashMap<>();
        Map<String, Target> targetLabelOf = new HashMap<>();
        for (int p = 0; p < panels.size(); p++) {
            GenePanel panel = panels.get(p);
            for (PanelGene g : panel.genes()) {
                String label = p + "\t" + g.gene().symbol();
                labels.putIfAbsent(label, new int[] {p});
                List<Target> targets = plan.targets(g);
                if (targets == null) {
                    b.add(g.gene().contig(), Math.max(0, g.gene().start() - 1L - padding), g.gene().end() + padding,
                            label);
                    continue;
                }
                for (Target t : targets) {
                    long start = Math.max(0, t.start() - padding);
                    b.add(t.contig(), start, t.end() + padding, label);
                    if (targetLabels) {
                        String own = label + "\t" + t.transcript() + "\t" + t.exon() + "\t" + t.start();
                        b.add(t.contig(), start, t.end() + padding, own);
                        labels.putIfAbsent(own, new int[] {p});
                        targetLabelOf.put(own, t);
                    }
                }
            }
            for (PanelRegion r : panel.regions()) {
                String label = p + "\t" + r.name();
                b.add(r.contig(), Math.max(0, r.start() - padding), r.end() + padding, label);
                labels.putIfAbsent(label, new int[] {p});
            }
        }
        IntervalIndex index = b.build();
        int[] labelPanel = new int[index.labelCount()];
        String[] labelGene = new String[index.labelCount()];
        Target[] labelTarget = new Target[index.labelCount()];
        for (int id = 0; id < index.labelCount(); id++) {
            String label = index.labelName(id);
            labelPanel[id] = labels.get(label)[0];
            labelTarget[id] = targetLabelOf.get(label);
            labelGene[id] = labelTarget[id] != null ? labelTarget[id].gene()
                    : label.substring(label.indexOf('\t') + 1);
        }
        return new PanelIntervals(index, List.copyOf(panels), labelPanel, labelGene, labelTarget, padding,
                plan.describe());
    }

    /** The target a label stands for, or null for a gene's (or region's) label. */
    public Target targetOf(int label) {
        return labelTarget[label];
    }

    /** What each gene's intervals are: "gene spans", or the plan's targets. */
    public String targets() {
        return targets;
    }

    public IntervalIndex index() {
        return index;
    }

    public List<GenePanel> panels() {
        return panels;
    }

    public long padding() {
        return padding;
    }

    /** The panel (index into {@link #panels()}) of a label id. */
    public int panelOf(int label) {
        return labelPanel[label];
    }

    /** The gene (or region name) of a label id; for a target's label, its gene. */
    public String geneOf(int label) {
        return labelGene[label];
    }

    public int labelCount() {
        return labelGene.length;
    }
}
