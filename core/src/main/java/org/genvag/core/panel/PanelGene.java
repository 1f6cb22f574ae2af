// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.panel;

import org.genvag.core.genome.Gene;

/**
 * A gene of a panel: the name as the panel gives it, the gene it resolved to, and the panel's curation fields.
 *
 * @param confidence        e.g. PanelApp's 3 (green), 2 (amber), 1 (red); null when the panel has none
 * @param modeOfInheritance as the panel states it; null when absent
 * @param transcript        the transcript the panel names for the gene (reported instead of the chosen one), or null
 * @param resolvedBy        how the name was matched (symbol, alias, Ensembl ID, ...) and, where several models carry
 *                          the name, the rule that chose one ("symbol; entrez-link over ENSG...")
 */
public record PanelGene(String query, Gene gene, String confidence, String modeOfInheritance, String resolvedBy,
                        String transcript) {
    public PanelGene(String query, Gene gene, String confidence, String modeOfInheritance, String resolvedBy) {
        this(query, gene, confidence, modeOfInheritance, resolvedBy, null);
    }
}
