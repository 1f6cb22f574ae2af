// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.transcript;

import java.util.ArrayList;
import java.util.List;

import org.genvag.core.genome.ContigNames;
import org.genvag.core.genome.Gene;

/**
 * An annotation's genes as {@link Gene}s, so that panel names resolve against the annotation itself when no genome
 * build is known (a GFF of another organism, a custom reference): the gene's name is its symbol, its ID (without
 * version) its identifier, the ID as written an alias. No Entrez links: the annotation gives none.
 */
public final class AnnotationGenes {
    private AnnotationGenes() {
    }

    public static List<Gene> of(TranscriptModels m) {
        List<Gene> out = new ArrayList<>(m.geneCount());
        for (int g = 0; g < m.geneCount(); g++) {
            String id = m.geneId(g);
            String name = m.geneName(g) != null ? m.geneName(g) : id;
            String stable = GeneKeys.unversioned(id);
            List<String> aliases = new ArrayList<>(2);
            if (!stable.equals(name)) {
                aliases.add(stable);
            }
            if (!id.equals(stable) && !id.equals(name)) {
                aliases.add(id);
            }
            out.add(new Gene(ContigNames.canonical(m.geneContig(g)), m.geneStart(g), m.geneEnd(g), m.geneStrand(g),
                    name, stable, List.of(), aliases));
        }
        return out;
    }
}
