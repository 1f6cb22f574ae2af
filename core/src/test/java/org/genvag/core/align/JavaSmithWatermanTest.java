// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.broadinstitute.gatk.nativebindings.smithwaterman.SWNativeAlignerResult;
import org.broadinstitute.gatk.nativebindings.smithwaterman.SWOverhangStrategy;
import org.broadinstitute.gatk.nativebindings.smithwaterman.SWParameters;
import org.junit.jupiter.api.Test;

/** Hand-checked alignments; agreement with GKL on many more inputs is tested in io (SmithWatermanContractTest). */
class JavaSmithWatermanTest {
    static final SWParameters P = new SWParameters(10, -15, -30, -5);
    final JavaSmithWaterman sw = new JavaSmithWaterman();

    String align(String ref, String alt, SWOverhangStrategy s) {
        SWNativeAlignerResult r = sw.align(ref.getBytes(), alt.getBytes(), P, s);
        return r.cigar + "@" + r.alignment_offset;
    }

    @Test
    void aSubstringAlignsWithoutGaps() {
        assertEquals("8M@6", align("TTTTTTACGTACGTGGGGGG", "ACGTACGT", SWOverhangStrategy.SOFTCLIP));
    }

    @Test
    void aMissingBaseIsADeletionAndAnExtraOneAnInsertion() {
        // (An extra T after the TT at 10-11 would be placed at 10: indels in repeats go to their left end.)
        String ref = "GATTACAGGCTTACGATCGATTGCA";
        assertEquals("12M1D12M@0", align(ref, ref.substring(0, 12) + ref.substring(13), SWOverhangStrategy.SOFTCLIP));
        assertEquals("12M1I13M@0", align(ref, ref.substring(0, 12) + "G" + ref.substring(12),
                SWOverhangStrategy.SOFTCLIP));
    }

    @Test
    void overhangsFollowTheStrategy() {
        String ref = "GATTACAGGCTTACGATCGA";
        String alt = "CCCC" + ref.substring(0, 12);   // four foreign bases before the reference starts
        assertEquals("4S12M@0", align(ref, alt, SWOverhangStrategy.SOFTCLIP));
        assertEquals("16M@-4", align(ref, alt, SWOverhangStrategy.IGNORE));
        assertEquals("4I12M8D@0", align(ref, alt, SWOverhangStrategy.INDEL));
    }

    @Test
    void emptySequencesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> sw.align(new byte[0], "A".getBytes(), P,
                SWOverhangStrategy.SOFTCLIP));
    }
}
