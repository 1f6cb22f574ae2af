// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.variant;

/** What a VCF genotype (GT) says about the sample, read from its text without allocating. */
public final class Genotypes {
    private Genotypes() {
    }

    /**
     * True when the genotype has at least one called allele other than REF ({@code 0/1}, {@code 1|1}, {@code ./2},
     * {@code 1}); false for reference calls and no-calls ({@code 0/0}, {@code 0|0}, {@code 0}, {@code ./.}, {@code .},
     * empty). Separators are '/' and '|' (VCF 4.3 section 1.6.2); VCF 4.4's leading phase marker is allowed.
     */
    public static boolean carriesAlt(CharSequence gt) {
        int i = 0;
        int n = gt.length();
        while (i < n) {
            char c = gt.charAt(i);
            if (c == '/' || c == '|' || c == '.') {
                i++;
                continue;
            }
            int start = i;
            while (i < n && gt.charAt(i) >= '0' && gt.charAt(i) <= '9') {
                i++;
            }
            if (i == start) {
                return false;   // not a genotype: nothing here says the sample carries an ALT
            }
            for (int d = start; d < i; d++) {
                if (gt.charAt(d) != '0') {
                    return true;
                }
            }
        }
        return false;
    }
}
