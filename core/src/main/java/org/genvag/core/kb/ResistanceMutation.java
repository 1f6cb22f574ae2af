package org.genvag.core.kb;

import java.util.List;

/** An acquired resistance mutation (protein change on a gene) that turns a fusion match into "resistance detected". */
public record ResistanceMutation(String gene, String protein, String role, List<String> sources) {
    public ResistanceMutation {
        sources = List.copyOf(sources);
    }
}
