// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.msi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.genvag.core.align.JavaSmithWaterman;
import org.junit.jupiter.api.Test;

/** Repeat lengths read off realignments: both flanks must be intact, indels inside the repeat count. */
class RepeatRealignerTest {
    static final RepeatSite SITE = new RepeatSite("c", 1000, "CA", 6, "GATCG", "TGGTA");
    static final String BEFORE = "ACCTGAGTCCATGGAT";
    static final String AFTER = "CCGTAAGCTTGACTA";

    int length(String read) {
        return new RepeatRealigner(new JavaSmithWaterman(), 1).repeatLength(0, SITE, read.getBytes());
    }

    @Test
    void theRepeatIsMeasuredBetweenTheFlanks() {
        assertEquals(12, length(BEFORE + "GATCG" + "CACACACACACA" + "TGGTA" + AFTER));
        assertEquals(10, length(BEFORE + "GATCG" + "CACACACACA" + "TGGTA" + AFTER));
        assertEquals(16, length(BEFORE + "GATCG" + "CACACACACACACACA" + "TGGTA" + AFTER));
    }

    @Test
    void readsOverTheLengthLimitAreLeftToTheirAlignment() {
        String site = "GATCG" + "CACACACACACA" + "TGGTA";
        String under = "ACGTTGCA".repeat(60);     // 480 + 22 + 480 = 982 bases
        String over = "ACGTTGCA".repeat(62);      // 496 + 22 + 496 = 1,014 bases
        assertEquals(12, length(under + site + under));
        assertEquals(-1, length(over + site + over));
    }

    @Test
    void aDamagedOrMissingFlankIsNotCounted() {
        assertEquals(-1, length(BEFORE + "GAACG" + "CACACACACACA" + "TGGTA" + AFTER), "mismatch in a flank");
        assertEquals(-1, length(BEFORE + "GACG" + "CACACACACACA" + "TGGTA" + AFTER), "deletion in a flank");
        assertEquals(-1, length(BEFORE + "GATTCG" + "CACACACACACA" + "TGGTA" + AFTER), "insertion in a flank");
        assertEquals(-1, length(BEFORE + "GATCG" + "CACACACACACA" + "TGG"), "the read ends in the right flank");
    }
}
