// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.genome;

import java.util.List;

/** What a gene name resolved to: exactly one gene, several (ambiguous), or none. Never a guess. */
public sealed interface GeneResolution {

    /** The name as the user wrote it. */
    String query();

    /** How a name was matched, strongest first. */
    enum MatchedBy { ENSEMBL_ID, ENTREZ_ID, SYMBOL, ALIAS }

    /**
     * The name named one gene.
     *
     * @param choice null when the name matched this gene alone; otherwise the rule that chose it among the models
     *               that carry the name, and the models it was preferred to (see {@link GeneResolver})
     */
    record Found(String query, Gene gene, MatchedBy matchedBy, String choice) implements GeneResolution {
        public Found(String query, Gene gene, MatchedBy matchedBy) {
            this(query, gene, matchedBy, null);
        }
    }

    record Ambiguous(String query, List<Gene> candidates, MatchedBy matchedBy) implements GeneResolution {
        public Ambiguous {
            candidates = List.copyOf(candidates);
        }
    }

    record Unknown(String query) implements GeneResolution {
    }
}
