package org.genvag.core.genome;

import java.util.List;

/** What a gene name resolved to: exactly one gene, several (ambiguous), or none. Never a guess. */
public sealed interface GeneResolution {

    /** The name as the user wrote it. */
    String query();

    /** How a name was matched, strongest first. */
    enum MatchedBy { ENSEMBL_ID, ENTREZ_ID, SYMBOL, ALIAS }

    record Found(String query, Gene gene, MatchedBy matchedBy) implements GeneResolution {
    }

    record Ambiguous(String query, List<Gene> candidates, MatchedBy matchedBy) implements GeneResolution {
        public Ambiguous {
            candidates = List.copyOf(candidates);
        }
    }

    record Unknown(String query) implements GeneResolution {
    }
}
