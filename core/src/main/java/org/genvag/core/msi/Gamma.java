// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.msi;

/**
 * The regularised upper incomplete gamma function Q(a, x), which gives the chi-square survival function
 * (P(X >= x) for k degrees of freedom is Q(k/2, x/2)): a series below x = a + 1, a continued fraction above it
 * (Lentz's method), with log-gamma from the Lanczos approximation. Accurate to about 1e-12 for the a and x of
 * repeat-length tables.
 */
final class Gamma {
    private static final double[] LANCZOS = {676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7};

    private Gamma() {
    }

    static double logGamma(double x) {
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        x -= 1;
        double a = 0.99999999999980993;
        double t = x + 7.5;
        for (int i = 0; i < LANCZOS.length; i++) {
            a += LANCZOS[i] / (x + i + 1);
        }
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
    }

    static double upperRegularized(double a, double x) {
        if (x <= 0) {
            return 1.0;
        }
        if (x < a + 1) {
            return 1.0 - lowerSeries(a, x);
        }
        return continuedFraction(a, x);
    }

    private static double lowerSeries(double a, double x) {
        double sum = 1.0 / a;
        double term = sum;
        for (int n = 1; n < 1000; n++) {
            term *= x / (a + n);
            sum += term;
            if (Math.abs(term) < Math.abs(sum) * 1e-15) {
                break;
            }
        }
        return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
    }

    private static double continuedFraction(double a, double x) {
        double tiny = 1e-300;
        double b = x + 1 - a;
        double c = 1 / tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 1000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            d = Math.abs(d) < tiny ? tiny : d;
            c = b + an / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-15) {
                break;
            }
        }
        return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
    }
}
