// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.genome;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Every pair of IUPAC codes is compatible exactly when the sets of bases they stand for meet. */
class NucleotideCodesTest {
    private static final String[][] CODES = {
        {"A", "A"}, {"C", "C"}, {"G", "G"}, {"T", "T"}, {"M", "AC"}, {"R", "AG"}, {"W", "AT"}, {"S", "CG"},
        {"Y", "CT"}, {"K", "GT"}, {"V", "ACG"}, {"H", "ACT"}, {"D", "AGT"}, {"B", "CGT"}, {"N", "ACGT"}};

    @Test
    void compatibleWhenTheBasesMeet() {
        for (String[] a : CODES) {
            for (String[] b : CODES) {
                boolean meet = a[1].chars().anyMatch(c -> b[1].indexOf(c) >= 0);
                for (String x : new String[] {a[0], a[0].toLowerCase()}) {
                    assertEquals(meet, NucleotideCodes.compatible((byte) x.charAt(0), (byte) b[0].charAt(0)),
                            x + " vs " + b[0]);
                }
            }
        }
    }

    @Test
    void anythingElseMatchesNothing() {
        for (byte other : new byte[] {'-', '*', '.', 'X', '\n', 0}) {
            assertEquals(false, NucleotideCodes.compatible(other, (byte) 'N'), "'" + (char) other + "'");
            assertEquals(false, NucleotideCodes.compatible((byte) 'A', other));
        }
    }
}
