// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.biomarker;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What "coding" means when TMB counts variants, as Sequence Ontology terms of VEP (CSQ) or SnpEff (ANN): the labs and
 * tests disagree, and the number moves with the choice, so it is a named rule, not a scanner detail.
 */
public enum TmbMode {
    /** Coding SNVs and indels, synonymous included (FoundationOne CDx style, the test behind the TMB-H label). */
    CODING,
    /** Protein-changing and splice donor/acceptor variants only (DRAGEN and cBioPortal style). */
    NONSYNONYMOUS;

    private static final Set<String> PROTEIN_CHANGING = Set.of("missense_variant", "stop_gained", "stop_lost",
            "start_lost", "frameshift_variant", "inframe_insertion", "inframe_deletion", "protein_altering_variant",
            "disruptive_inframe_insertion", "disruptive_inframe_deletion", "conservative_inframe_insertion",
            "conservative_inframe_deletion", "initiator_codon_variant");
    private static final Set<String> SILENT_CODING = Set.of("synonymous_variant", "stop_retained_variant",
            "start_retained_variant", "coding_sequence_variant", "incomplete_terminal_codon_variant");
    private static final Set<String> SPLICE_SITE = Set.of("splice_acceptor_variant", "splice_donor_variant");

    /** The terms whose variants count in this mode; a variant counts when any of its annotations names one. */
    public Set<String> countedTerms() {
        Set<String> counted = new LinkedHashSet<>(PROTEIN_CHANGING);
        if (this == CODING) {
            counted.addAll(SILENT_CODING);
        } else {
            counted.addAll(SPLICE_SITE);
        }
        return counted;
    }
}
