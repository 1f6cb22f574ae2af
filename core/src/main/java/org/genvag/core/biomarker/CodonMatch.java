// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.biomarker;

import java.util.List;

/**
 * What the alleles at a hotspot codon amount to. {@code MATCH}: a haplotype carries the target amino acid (the
 * evidence lists its alleles). {@code OTHER_CHANGE}: the codon changes, but to something else (V600K is not V600E),
 * or an indel breaks it. {@code AMBIGUOUS}: unphased alleles at the codon give different amino acids depending on
 * how they combine. {@code FILTERED}: the only alleles there failed their filters. {@code NONE}: nothing there.
 */
public record CodonMatch(Status status, String codon, char aminoAcid, List<CalledAllele> evidence, String note) {
    public enum Status { MATCH, OTHER_CHANGE, AMBIGUOUS, FILTERED, NONE }

    public CodonMatch {
        evidence = List.copyOf(evidence);
    }
}
