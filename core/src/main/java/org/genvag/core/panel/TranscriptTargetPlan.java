// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.panel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.genvag.core.error.InputException;
import org.genvag.core.genome.ContigNames;
import org.genvag.core.transcript.Target;
import org.genvag.core.transcript.TargetKind;
import org.genvag.core.transcript.TranscriptChoice;
import org.genvag.core.transcript.TranscriptModels;
import org.genvag.core.transcript.TranscriptTargets;

/**
 * Targets from a transcript annotation (GFF3/GTF): each panel gene is found in it by its Ensembl ID, else its
 * symbol, else the panel's name; its reported transcript is the panel's or {@link TranscriptChoice}'s; the targets
 * are that transcript's CDS ({@link TargetKind#CDS}; a transcript without CDS gives its exons, and says so) or
 * exons. A panel gene the annotation lacks keeps its whole span and is listed in {@link #notInAnnotation()}: never
 * dropped, never silently.
 */
public final class TranscriptTargetPlan implements TargetPlan {
    private final TranscriptModels models;
    private final TargetKind kind;
    private final List<String> notInAnnotation = Collections.synchronizedList(new ArrayList<>());
    private final List<String> nonCoding = Collections.synchronizedList(new ArrayList<>());

    public TranscriptTargetPlan(TranscriptModels models, TargetKind kind) {
        if (kind == TargetKind.GENE) {
            throw new IllegalArgumentException("gene targets need no annotation: use TargetPlan.GENES");
        }
        this.models = models;
        this.kind = kind;
    }

    @Override
    public List<Target> targets(PanelGene g) {
        int gene = find(g);
        if (gene < 0) {
            notInAnnotation.add(g.gene().symbol());
            return null;
        }
        TranscriptChoice choice;
        try {
            choice = TranscriptChoice.of(models, gene, g.transcript());
        } catch (IllegalArgumentException e) {
            throw new InputException("panel gene " + g.query() + ": " + e.getMessage());
        }
        if (choice.transcript() < 0) {
            notInAnnotation.add(g.gene().symbol() + " (no transcript with exons)");
            return null;
        }
        TargetKind k = kind;
        if (k == TargetKind.CDS && models.cdsCount(choice.transcript()) == 0) {
            nonCoding.add(g.gene().symbol());
            k = TargetKind.EXONS;
        }
        List<Target> raw = TranscriptTargets.of(models, choice.transcript(), k, g.gene().symbol());
        List<Target> out = new ArrayList<>(raw.size());
        for (Target t : raw) {
            out.add(new Target(ContigNames.canonical(t.contig()), t.start(), t.end(), t.gene(), t.transcript(),
                    t.exon()));
        }
        return out;
    }

    private int find(PanelGene g) {
        for (String key : new String[] {g.gene().ensemblId(), g.gene().symbol(), g.query()}) {
            if (key == null) {
                continue;
            }
            List<Integer> hits = models.findGenes(key);
            for (int h : hits) {
                if (ContigNames.canonical(models.geneContig(h)).equals(ContigNames.canonical(g.gene().contig()))) {
                    return h;
                }
            }
            if (hits.size() == 1) {
                return hits.get(0);
            }
        }
        return -1;
    }

    @Override
    public String describe() {
        return (kind == TargetKind.CDS ? "CDS" : "exons") + " of each gene's reported transcript (the panel's, else "
                + "MANE Select, else Ensembl canonical, else the longest CDS) from " + models.source();
    }

    @Override
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        for (String g : notInAnnotation()) {
            out.add(g + " is not in " + models.source() + ": covered over its whole span");
        }
        for (String g : nonCoding()) {
            out.add(g + ": its reported transcript has no CDS: covered over its exons");
        }
        return out;
    }

    /** Panel genes the annotation does not have: reported on their whole span. */
    public List<String> notInAnnotation() {
        return List.copyOf(notInAnnotation);
    }

    /** Panel genes whose transcript has no CDS: reported on its exons under {@code cds}. */
    public List<String> nonCoding() {
        return List.copyOf(nonCoding);
    }
}
