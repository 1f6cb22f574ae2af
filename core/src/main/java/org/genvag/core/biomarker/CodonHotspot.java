// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.biomarker;

/**
 * A protein change defined at one codon: the codon's three genomic positions in codon order (c.1, c.2, c.3 of the
 * codon; descending on a minus-strand gene), the reference codon as the transcript reads it, and the amino acid the
 * biomarker names. BRAF V600E on GRCh38: codon 600 at chr7:140753337, 140753336, 140753335 (minus strand), GTG (Val),
 * target E (Glu).
 */
public record CodonHotspot(String biomarkerId, String chrom, long[] positions, boolean minusStrand, String refCodon,
                           char targetAminoAcid) {
    public CodonHotspot {
        if (positions.length != 3 || refCodon.length() != 3) {
            throw new IllegalArgumentException("a codon has three positions and three bases");
        }
        positions = positions.clone();
    }

    public long first() {
        return Math.min(positions[0], positions[2]);
    }

    public long last() {
        return Math.max(positions[0], positions[2]);
    }
}
