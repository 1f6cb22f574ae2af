// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.vcf;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Number parsing straight from buffer bytes; the common plain forms without allocating. */
final class AsciiNumbers {
    private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
        1e14, 1e15, 1e16, 1e17, 1e18};

    private AsciiNumbers() {
    }

    static long parseLong(ByteBuffer buf, int s, int e, VcfRecord record, String what) {
        boolean negative = s < e && buf.get(s) == '-';
        int i = negative ? s + 1 : s;
        if (i == e || e - i > 18) {
            throw record.error(what + " must be a whole number, found '" + record.text(s, e) + "'");
        }
        long v = 0;
        for (; i < e; i++) {
            int d = buf.get(i) - '0';
            if (d < 0 || d > 9) {
                throw record.error(what + " must be a whole number, found '" + record.text(s, e) + "'");
            }
            v = v * 10 + d;
        }
        return negative ? -v : v;
    }

    /** Parses [-]digits[.digits]; other forms (exponents, Inf) go through Double.parseDouble. NaN if invalid. */
    static double parseDouble(ByteBuffer buf, int s, int e) {
        boolean negative = s < e && buf.get(s) == '-';
        int i = negative ? s + 1 : s;
        long mantissa = 0;
        int digits = 0;
        int fraction = -1;
        for (; i < e; i++) {
            byte b = buf.get(i);
            if (b >= '0' && b <= '9') {
                mantissa = mantissa * 10 + (b - '0');
                digits++;
                if (fraction >= 0) {
                    fraction++;
                }
            } else if (b == '.' && fraction < 0) {
                fraction = 0;
            } else {
                return slow(buf, s, e);
            }
        }
        if (digits == 0 || digits > 17) {
            return digits == 0 ? Double.NaN : slow(buf, s, e);
        }
        double v = fraction > 0 ? mantissa / POW10[fraction] : mantissa;
        return negative ? -v : v;
    }

    private static double slow(ByteBuffer buf, int s, int e) {
        byte[] b = new byte[e - s];
        buf.get(s, b);
        try {
            return Double.parseDouble(new String(b, StandardCharsets.US_ASCII));
        } catch (NumberFormatException ex) {
            return Double.NaN;
        }
    }
}
