// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.biomarker.report;

import java.util.List;

import org.genvag.core.kb.ResistanceMutation;

/**
 * What is known of acquired resistance for one match: whether it was looked for ({@code notAssessed} says why not,
 * null when it was), and the knowledge-base mutations found on PASS records of the fusion's kinase gene.
 */
public record ResistanceFindings(String notAssessed, List<ResistanceMutation> found) {
    /** For biomarkers resistance mutations do not concern (BRAF V600E, TMB, MSI). */
    public static final ResistanceFindings NONE = new ResistanceFindings(null, List.of());

    public ResistanceFindings {
        found = List.copyOf(found);
    }
}
