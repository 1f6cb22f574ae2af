// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.panel;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.genvag.core.interval.ContigSegments;
import org.genvag.core.panel.GenePanel;
import org.genvag.core.panel.PanelIntervals;
import org.genvag.core.panel.PanelRegion;

/**
 * The panel intervals the driver resolved (genes found on the build, padded, as targets), shipped to the executors
 * as plain regions: an executor needs no panel file, gene table or GFF, and labels each record with the same genes
 * and panels genvag filter writes.
 */
public final class ShippedPanel implements Serializable {
    private static final long serialVersionUID = 1L;
    private final List<String> panelNames;
    private final String[] contigs;
    private final long[] starts;
    private final long[] ends;
    private final int[] panels;
    private final String[] genes;
    private transient PanelIntervals intervals;

    private ShippedPanel(List<String> panelNames, String[] contigs, long[] starts, long[] ends, int[] panels,
            String[] genes) {
        this.panelNames = panelNames;
        this.contigs = contigs;
        this.starts = starts;
        this.ends = ends;
        this.panels = panels;
        this.genes = genes;
    }

    /**
     * Every labelled segment of the intervals (padding already applied), label by label in the order the intervals
     * number them, so the rebuilt intervals number them alike and list a record's genes in filter's order.
     */
    public static ShippedPanel of(PanelIntervals intervals, List<String> panelNames) {
        List<List<long[]>> byLabel = new ArrayList<>();
        List<List<String>> contigsByLabel = new ArrayList<>();
        for (int label = 0; label < intervals.labelCount(); label++) {
            byLabel.add(new ArrayList<>());
            contigsByLabel.add(new ArrayList<>());
        }
        for (String contig : intervals.index().contigNames()) {
            ContigSegments s = intervals.index().contig(contig);
            for (int i = 0; i < s.size(); i++) {
                for (int k = 0; k < s.labelCount(i); k++) {
                    int label = s.label(i, k);
                    byLabel.get(label).add(new long[] {s.start(i), s.end(i)});
                    contigsByLabel.get(label).add(contig);
                }
            }
        }
        int n = byLabel.stream().mapToInt(List::size).sum();
        String[] c = new String[n];
        long[] st = new long[n];
        long[] en = new long[n];
        int[] pa = new int[n];
        String[] g = new String[n];
        int at = 0;
        for (int label = 0; label < byLabel.size(); label++) {
            for (int j = 0; j < byLabel.get(label).size(); j++) {
                c[at] = contigsByLabel.get(label).get(j);
                st[at] = byLabel.get(label).get(j)[0];
                en[at] = byLabel.get(label).get(j)[1];
                pa[at] = intervals.panelOf(label);
                g[at] = intervals.geneOf(label);
                at++;
            }
        }
        return new ShippedPanel(List.copyOf(panelNames), c, st, en, pa, g);
    }

    /** The intervals rebuilt on an executor: one region per segment, labelled with its gene, in its panel. */
    public synchronized PanelIntervals intervals() {
        if (intervals == null) {
            List<List<PanelRegion>> regions = new ArrayList<>();
            panelNames.forEach(n -> regions.add(new ArrayList<>()));
            for (int i = 0; i < starts.length; i++) {
                regions.get(panels[i]).add(new PanelRegion(contigs[i], starts[i], ends[i], genes[i]));
            }
            List<GenePanel> rebuilt = new ArrayList<>();
            for (int p = 0; p < panelNames.size(); p++) {
                rebuilt.add(new GenePanel(panelNames.get(p), null, null, List.of(), regions.get(p), List.of()));
            }
            intervals = PanelIntervals.of(rebuilt, 0);
        }
        return intervals;
    }

    public List<String> panelNames() {
        return panelNames;
    }
}
