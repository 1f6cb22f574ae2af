package org.genvag.core.panel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.genvag.core.interval.IntervalIndex;

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
    private final long padding;

    private PanelIntervals(IntervalIndex index, List<GenePanel> panels, int[] labelPanel, String[] labelGene,
                           long padding) {
        this.index = index;
        this.panels = panels;
        this.labelPanel = labelPanel;
        this.labelGene = labelGene;
        this.padding = padding;
    }

    public static PanelIntervals of(List<GenePanel> panels, long padding) {
        if (padding < 0) {
            throw new IllegalArgumentException("padding must be >= 0");
        }
        IntervalIndex.Builder b = IntervalIndex.builder();
        Map<String, int[]> labels = new HashMap<>();
        for (int p = 0; p < panels.size(); p++) {
            GenePanel panel = panels.get(p);
            for (PanelGene g : panel.genes()) {
                String label = p + "\t" + g.gene().symbol();
                b.add(g.gene().contig(), Math.max(0, g.gene().start() - 1L - padding), g.gene().end() + padding, label);
                labels.putIfAbsent(label, new int[] {p});
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
        for (int id = 0; id < index.labelCount(); id++) {
            String label = index.labelName(id);
            labelPanel[id] = labels.get(label)[0];
            labelGene[id] = label.substring(label.indexOf('\t') + 1);
        }
        return new PanelIntervals(index, List.copyOf(panels), labelPanel, labelGene, padding);
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

    /** The gene (or region name) of a label id. */
    public String geneOf(int label) {
        return labelGene[label];
    }

    public int labelCount() {
        return labelGene.length;
    }
}
