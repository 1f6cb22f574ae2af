// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.genome;

/**
 * IUPAC nucleotide codes as sets of bases. GRCh38 carries ambiguity codes (M, R, ...) at a few positions, where a
 * caller writes one of the bases the code allows as REF: comparing a VCF's REF with the reference base by base must
 * accept those, and N on either side, and nothing else.
 */
public final class NucleotideCodes {
    private static final byte[] MASKS = new byte[256];

    static {
        String codes = "ACGTUMRWSYKVHDBN";
        int[] masks = {1, 2, 4, 8, 8, 1 | 2, 1 | 4, 1 | 8, 2 | 4, 2 | 8, 4 | 8, 1 | 2 | 4, 1 | 2 | 8, 1 | 4 | 8,
            2 | 4 | 8, 15};
        for (int i = 0; i < codes.length(); i++) {
            MASKS[codes.charAt(i)] = (byte) masks[i];
            MASKS[Character.toLowerCase(codes.charAt(i))] = (byte) masks[i];
        }
    }

    private NucleotideCodes() {
    }

    /** Whether two codes (either case) can be the same base: A and M, N and anything; not A and C, nor '-' and A. */
    public static boolean compatible(byte a, byte b) {
        return (MASKS[a & 0xFF] & MASKS[b & 0xFF]) != 0;
    }
}
