// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.vcf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Duplicated variants found through their trimmed forms, packed or as text, within a bounded window. */
class DuplicateVariantsTest {
    private final DuplicateVariants d = new DuplicateVariants();

    private String check(int contig, long pos, String ref, String alts) {
        ByteBuffer b = ByteBuffer.wrap((ref + "\t" + alts).getBytes(StandardCharsets.US_ASCII));
        return d.check(contig, pos, b, 0, ref.length(), ref.length() + 1, ref.length() + 1 + alts.length());
    }

    @Test
    void paddedFormsOfOneVariantAreDuplicates() {
        assertNull(check(0, 123, "TAT", "TGT"));
        assertEquals("G", check(0, 124, "A", "G"));          // TAT>TGT at 123 is A>G at 124
        assertNull(check(0, 124, "A", "C"));
    }

    @Test
    void allelesOfOneMultiAllelicRecordAndLaterRecords() {
        assertNull(check(0, 123, "AT", "AAT,AA"));          // an insertion, and T>A at 124
        assertEquals("A", check(0, 124, "t", "a"));          // case does not matter
        assertEquals("G", check(0, 200, "A", "G,G"));        // the same ALT twice in one record
    }

    @Test
    void longAllelesAndNsAreComparedAsText() {
        String ref = "A" + "C".repeat(20);
        assertNull(check(0, 10, ref, "A"));
        assertEquals("A", check(0, 10, ref, "A"));
        assertNull(check(0, 20, "AN", "A"));
        assertEquals("A", check(0, 20, "AN", "A"));
    }

    @Test
    void symbolicAllelesRepeatAndAnotherContigStartsAfresh() {
        assertNull(check(0, 5, "A", "<INS>"));
        assertNull(check(0, 5, "A", "<INS>"));
        assertNull(check(0, 6, "C", "T"));
        assertNull(check(1, 6, "C", "T"));
    }

    @Test
    void variantsBeforeTheCurrentPositionAreForgotten() {
        assertNull(check(0, 100, "CA", "CG"));    // A>G at 101
        assertNull(check(0, 102, "T", "C"));
        // 101 is behind: an unsorted record; the validator reports that, not a duplicate.
        assertNull(check(0, 102, "T", "G"));
    }
}
