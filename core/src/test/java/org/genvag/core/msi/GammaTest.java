// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.msi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.numbers.gamma.RegularizedGamma;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The regularised gamma Q(a, x) behind every MSI site's chi-square p-value, against three independent references:
 * the closed form for whole a, Apache Commons Numbers (Boost's algorithm) for half-whole a, and the printed
 * chi-square critical values at the site cut-off p = 0.01 and at 0.05.
 */
class GammaTest {

    /** Q(n, x) = e^-x * sum_{k < n} x^k / k! for whole n: exact, and summed here without the code under test. */
    private static double closedForm(int n, double x) {
        double term = Math.exp(-x);
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += term;
            term *= x / (k + 1);
        }
        return sum;
    }

    @Test
    void wholeShapesMatchTheClosedFormIntoTheTails() {
        int checked = 0;
        for (int n = 1; n <= 60; n++) {
            for (double x = 0.01; x < 250; x *= 1.17) {
                double expected = closedForm(n, x);
                if (expected < 1e-280) {
                    continue;   // e^-x underflows in the reference itself
                }
                double got = Gamma.upperRegularized(n, x);
                assertEquals(expected, got, 1e-10 * expected, "Q(" + n + ", " + x + ")");
                checked++;
            }
        }
        assertTrue(checked > 3000, checked + " points");
    }

    @Test
    void halfWholeShapesMatchCommonsNumbers() {
        for (int k = 0; k <= 60; k++) {
            double a = k + 0.5;   // odd degrees of freedom
            for (double x = 0.005; x < 250; x *= 1.21) {
                double expected = RegularizedGamma.Q.value(a, x);
                if (expected < 1e-280) {
                    continue;
                }
                assertEquals(expected, Gamma.upperRegularized(a, x), 1e-9 * expected, "Q(" + a + ", " + x + ")");
            }
        }
    }

    /** Chi-square critical values as printed in statistical tables (three decimals): P(X >= c) is p. */
    @ParameterizedTest(name = "df {0}: {1} at p = 0.01, {2} at p = 0.05")
    @CsvSource({"1, 6.635, 3.841", "2, 9.210, 5.991", "3, 11.345, 7.815", "4, 13.277, 9.488", "5, 15.086, 11.070",
        "6, 16.812, 12.592", "7, 18.475, 14.067", "8, 20.090, 15.507", "9, 21.666, 16.919", "10, 23.209, 18.307",
        "20, 37.566, 31.410", "30, 50.892, 43.773"})
    void criticalValuesOfTheChiSquareTable(int df, double at001, double at005) {
        assertEquals(0.01, Gamma.upperRegularized(df / 2.0, at001 / 2.0), 2e-5);
        assertEquals(0.05, Gamma.upperRegularized(df / 2.0, at005 / 2.0), 2e-5);
    }

    @Test
    void logGammaOfWholeAndHalfNumbers() {
        double logFactorial = 0;
        for (int n = 1; n <= 170; n++) {
            assertEquals(logFactorial, Gamma.logGamma(n), 1e-12 * Math.max(1, Math.abs(logFactorial)), "n " + n);
            logFactorial += Math.log(n);
        }
        assertEquals(0.5 * Math.log(Math.PI), Gamma.logGamma(0.5), 1e-13);   // Gamma(1/2) = sqrt(pi)
        assertEquals(Math.log(0.75 * Math.sqrt(Math.PI)), Gamma.logGamma(2.5), 1e-13);
    }

    @Test
    void edges() {
        assertEquals(1.0, Gamma.upperRegularized(3, 0));
        assertEquals(1.0, Gamma.upperRegularized(3, -1));
        assertEquals(RegularizedGamma.Q.value(0.5, 1e-12), Gamma.upperRegularized(0.5, 1e-12), 1e-12);
    }
}
