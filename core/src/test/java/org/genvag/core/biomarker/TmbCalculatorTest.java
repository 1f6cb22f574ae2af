// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.biomarker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.genvag.core.biomarker.Threshold;
import org.junit.jupiter.api.Test;

/** TMB on a hand-checked set of variants: each kind of exclusion once, the rest counted. */
class TmbCalculatorTest {
    private static final Threshold CUTOFF = new Threshold(10, ">=", "mutations/Mb");

    private static TmbCalculator.Variant eligible() {
        return new TmbCalculator.Variant(true, true, true, 0.30, 100, Double.NaN);
    }

    @Test
    void countsEligibleAndExplainsTheRest() {
        TmbCalculator tmb = new TmbCalculator(TmbCalculator.Options.defaults(CUTOFF));
        for (int i = 0; i < 30; i++) {
            tmb.add(eligible());
        }
        tmb.add(new TmbCalculator.Variant(false, true, true, 0.3, 100, Double.NaN));      // FILTERed
        tmb.add(new TmbCalculator.Variant(true, false, true, 0.3, 100, Double.NaN));      // structural / MNV
        tmb.add(new TmbCalculator.Variant(true, true, false, 0.3, 100, Double.NaN));      // intronic
        tmb.add(new TmbCalculator.Variant(true, true, true, 0.04, 100, Double.NaN));      // VAF below 5%
        tmb.add(new TmbCalculator.Variant(true, true, true, 0.30, 12, Double.NaN));       // depth below 25
        tmb.add(new TmbCalculator.Variant(true, true, true, 0.50, 100, 0.20));            // common in gnomAD
        tmb.add(new TmbCalculator.Variant(true, true, true, Double.NaN, -1, Double.NaN)); // unknown VAF/DP: counts
        TmbCalculator.Result r = tmb.result(2_000_000);
        assertEquals(31, r.mutations());
        assertEquals(2.0, r.megabases());
        assertEquals(15.5, r.value());
        assertTrue(r.high());
        assertEquals(1, r.filtered());
        assertEquals(1, r.notSnvOrIndel());
        assertEquals(1, r.notCoding());
        assertEquals(1, r.lowVaf());
        assertEquals(1, r.lowDepth());
        assertEquals(1, r.likelyGermline());
    }

    @Test
    void theCutOffIsInclusiveAndSmallTerritoriesAreNotAssessable() {
        TmbCalculator exactly = new TmbCalculator(TmbCalculator.Options.defaults(CUTOFF));
        for (int i = 0; i < 10; i++) {
            exactly.add(eligible());
        }
        assertTrue(exactly.result(1_000_000).high(), "10 mutations in 1 Mb is TMB-high (>= 10)");
        TmbCalculator hartwig = new TmbCalculator(TmbCalculator.Options.defaults(new Threshold(10, ">", "mut/Mb")));
        for (int i = 0; i < 10; i++) {
            hartwig.add(eligible());
        }
        assertFalse(hartwig.result(1_000_000).high(), "with '> 10', exactly 10 is not high");
        TmbCalculator.Result tiny = exactly.result(150_000);
        assertFalse(tiny.assessable());
        assertFalse(tiny.high());
        assertTrue(Double.isNaN(tiny.value()));
    }
}
