// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.biomarker;

/** The standard genetic code (NCBI translation table 1). */
final class GeneticCode {
    // Codons in TCAG order: first base varies slowest.
    private static final String AMINO_ACIDS = "FFLLSSSSYY**CC*WLLLLPPPPHHQQRRRRIIIMTTTTNNKKSSRRVVVVAAAADDEEGGGG";
    private static final String ORDER = "TCAG";

    private GeneticCode() {
    }

    static char translate(CharSequence codon) {
        int i = 0;
        for (int k = 0; k < 3; k++) {
            int b = ORDER.indexOf(Character.toUpperCase(codon.charAt(k)));
            if (b < 0) {
                return 'X';
            }
            i = i * 4 + b;
        }
        return AMINO_ACIDS.charAt(i);
    }

    static char complement(char base) {
        switch (Character.toUpperCase(base)) {
            case 'A': return 'T';
            case 'C': return 'G';
            case 'G': return 'C';
            case 'T': return 'A';
            default: return 'N';
        }
    }
}
