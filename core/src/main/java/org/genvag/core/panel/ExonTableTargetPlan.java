// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.panel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.genvag.core.genome.ExonTable;
import org.genvag.core.transcript.Target;

/**
 * Exon targets without an annotation file: each panel gene's exons from an {@link ExonTable} (genvag bundles NCBI
 * RefSeq's, every isoform merged, UTRs included: no CDS), by the gene's own Entrez ID. Exons are numbered in
 * transcript order of the merged model. A gene the table lacks keeps its whole span and is listed in
 * {@link #notInTable()}.
 */
public final class ExonTableTargetPlan implements TargetPlan {
    /** How outputs name the transcript of these targets. */
    public static final String MERGED = "merged-RefSeq-exons";

    private final ExonTable table;
    private final List<String> notInTable = Collections.synchronizedList(new ArrayList<>());

    public ExonTableTargetPlan(ExonTable table) {
        this.table = table;
    }

    @Override
    public List<Target> targets(PanelGene g) {
        String id = g.gene().entrezIds().isEmpty() ? null : g.gene().entrezIds().get(0);
        if (id == null || !g.gene().contig().equals(table.contig(id))) {
            notInTable.add(g.gene().symbol());
            return null;
        }
        List<int[]> exons = table.exons(id);
        boolean minus = table.strand(id) == '-';
        List<Target> out = new ArrayList<>(exons.size());
        for (int i = 0; i < exons.size(); i++) {
            int number = minus ? exons.size() - i : i + 1;
            out.add(new Target(g.gene().contig(), exons.get(i)[0] - 1L, exons.get(i)[1], g.gene().symbol(), MERGED,
                    number));
        }
        return out;
    }

    @Override
    public String describe() {
        return "merged RefSeq exons, no CDS (" + table.source() + ")";
    }

    @Override
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        for (String g : notInTable()) {
            out.add(g + " has no RefSeq exons in " + table.source() + ": covered over its whole span");
        }
        return out;
    }

    public List<String> notInTable() {
        return List.copyOf(notInTable);
    }
}
