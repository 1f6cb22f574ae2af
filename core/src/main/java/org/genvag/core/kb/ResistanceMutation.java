// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.kb;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An acquired resistance mutation (protein change on a gene), its class (solvent front, gatekeeper, xDFG) and what
 * the evidence says it does to each drug. An unverified entry is looked for and reported for review, never used to
 * set a therapy aside.
 */
public record ResistanceMutation(String gene, String protein, String mutationClass, Map<String, DrugResponse> drugs,
                                 boolean verified, LocalDate lastVerified, List<String> sources) {
    public ResistanceMutation {
        drugs = Map.copyOf(drugs);
        sources = List.copyOf(sources);
    }

    /** "NTRK1 G667C (xDFG)". */
    public String label() {
        return gene + " " + protein + (mutationClass == null ? "" : " (" + mutationClass + ")");
    }
}
