// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.panel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.genvag.core.error.InputException;
import org.genvag.core.genome.Gene;
import org.genvag.core.genome.GeneResolution;
import org.genvag.core.genome.GeneResolver;
import org.genvag.core.genome.GenomeBuild;

/**
 * Resolves a draft's gene names on one build. A name is tried as given, then by the panel's own Ensembl ID; failing
 * both, the panel's own coordinates for this build are used (and said so); otherwise it is unresolved. In strict
 * mode any unresolved name is an error listing them all.
 */
public final class PanelResolver {
    private PanelResolver() {
    }

    /**
     * A panel of regions alone (a BED file): nothing to resolve, so no gene table is needed. Null when the draft
     * names genes.
     */
    public static GenePanel regionsOnly(PanelDraft draft, GenomeBuild build) {
        if (!draft.entries().isEmpty()) {
            return null;
        }
        return new GenePanel(draft.name(), draft.version(), build, List.of(), new ArrayList<>(draft.regions()),
                List.of());
    }

    public static GenePanel resolve(PanelDraft draft, GeneResolver genes, boolean strict) {
        List<PanelGene> resolved = new ArrayList<>();
        List<PanelRegion> regions = new ArrayList<>(draft.regions());
        List<Unresolved> unresolved = new ArrayList<>();
        for (PanelDraft.Entry e : draft.entries()) {
            GeneResolution r = genes.resolve(e.name());
            if (!(r instanceof GeneResolution.Found) && e.ensemblId() != null) {
                GeneResolution byId = genes.resolve(e.ensemblId());
                if (byId instanceof GeneResolution.Found) {
                    r = byId;
                }
            }
            if (r instanceof GeneResolution.Found f) {
                String how = f.matchedBy().name().toLowerCase(Locale.ROOT);
                resolved.add(new PanelGene(e.name(), f.gene(), e.confidence(), e.modeOfInheritance(),
                        f.choice() == null ? how : how + "; " + f.choice(), e.transcript()));
                continue;
            }
            PanelRegion own = genes.build() == null ? null : e.coordinates().get(genes.build());
            if (own != null) {
                regions.add(new PanelRegion(own.contig(), own.start(), own.end(), e.name()));
                continue;
            }
            unresolved.add(new Unresolved(e.name(), e.where(), describe(r)));
        }
        if (strict && !unresolved.isEmpty()) {
            StringBuilder sb = new StringBuilder("panel " + draft.name() + ": " + unresolved.size()
                    + " gene names did not resolve on " + (genes.build() == null ? "the annotation's genes"
                    : genes.build()) + ":");
            for (Unresolved u : unresolved) {
                sb.append("\n  ").append(u);
            }
            throw new InputException(sb.toString());
        }
        return new GenePanel(draft.name(), draft.version(), genes.build(), resolved, regions, unresolved);
    }

    private static String describe(GeneResolution r) {
        if (r instanceof GeneResolution.Ambiguous a) {
            List<String> c = new ArrayList<>();
            for (Gene g : a.candidates()) {
                c.add(g.symbol() + " " + g.ensemblId() + " " + g.contig() + ":" + g.start() + "-" + g.end());
            }
            return "is ambiguous (" + a.matchedBy().name().toLowerCase(Locale.ROOT) + " of " + String.join("; ", c)
                    + ")";
        }
        return "is unknown";
    }
}
