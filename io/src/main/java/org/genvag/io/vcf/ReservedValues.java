// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.vcf;

import java.util.Set;

/**
 * What the reserved keys mean, beyond their Type: counts and depths are not negative (AC, AN, DP, NS, MQ0, END, the
 * allele depths; FORMAT DP, GQ, HQ, PL, EC), an allele frequency lies in [0, 1], and a CIGAR is operations with
 * lengths (VCF 4.3 section 1.6.1 and its table of reserved keys; the hts-specs conformance suite rejects each).
 * Only applied where the key carries the Type the spec gives it; a header that redeclares it is reported there.
 */
final class ReservedValues {
    private static final Set<String> INFO_COUNTS = Set.of("AC", "AN", "DP", "NS", "MQ0", "END", "AD", "ADF", "ADR");
    private static final Set<String> FORMAT_COUNTS = Set.of("DP", "GQ", "HQ", "PL", "EC", "AD", "ADF", "ADR");

    private ReservedValues() {
    }

    /** What {@code def}'s values mean, when it is a reserved key of the Type the spec gives it; else null. */
    static Rule ruleFor(String kind, FieldDefinition def) {
        String id = def.id();
        boolean info = kind.equals("INFO");
        if (def.type().equals("Integer") && (info ? INFO_COUNTS : FORMAT_COUNTS).contains(id)) {
            return Rule.NOT_NEGATIVE;
        }
        if (info && id.equals("AF") && def.type().equals("Float")) {
            return Rule.FREQUENCY;
        }
        if (info && id.equals("CIGAR") && def.type().equals("String")) {
            return Rule.CIGAR;
        }
        return null;
    }

    /** The value {@code [s, e)}, already of its Type, against {@code rule}: its problem, or null. */
    static String problem(Rule rule, byte[] b, int s, int e) {
        return rule == null ? null : eachItem(b, s, e, rule);
    }

    enum Rule {
        NOT_NEGATIVE("is negative; " + "a count or depth is 0 or more"),
        FREQUENCY("is not a frequency from 0 to 1"),
        CIGAR("is not a CIGAR (lengths each followed by one of M, I, D, N, S, H, P, =, X)");

        final String message;

        Rule(String message) {
            this.message = message;
        }
    }

    private static String eachItem(byte[] b, int s, int e, Rule rule) {
        for (int p = s; p <= e; ) {
            int comma = p;
            while (comma < e && b[comma] != ',') {
                comma++;
            }
            boolean missing = comma - p == 1 && b[p] == '.';
            if (!missing && !holds(b, p, comma, rule)) {
                return "has an item that " + rule.message;
            }
            p = comma + 1;
        }
        return null;
    }

    private static boolean holds(byte[] b, int s, int e, Rule rule) {
        switch (rule) {
            case NOT_NEGATIVE:
                return s == e || b[s] != '-';
            case FREQUENCY:
                return unitInterval(b, s, e);
            default:
                return isCigar(b, s, e);
        }
    }

    /**
     * Whether a valid Float lies in [0, 1], read from its digits without parsing a double: the decimal mantissa
     * (up to 18 digits) scaled by its exponent. NaN is a missing frequency, not a wrong one; Inf is out of range.
     */
    private static boolean unitInterval(byte[] b, int s, int e) {
        int p = s;
        boolean negative = false;
        if (b[p] == '-' || b[p] == '+') {
            negative = b[p] == '-';
            p++;
        }
        byte c = b[p];
        if (c == 'n' || c == 'N') {
            return true;
        }
        if (c == 'i' || c == 'I') {
            return false;
        }
        long mantissa = 0;
        int digits = 0;
        int scale = 0;
        boolean point = false;
        boolean dropped = false;   // a non-zero digit beyond the 18 kept
        for (; p < e && b[p] != 'e' && b[p] != 'E'; p++) {
            if (b[p] == '.') {
                point = true;
            } else if (mantissa == 0 && b[p] == '0') {
                scale -= point ? 1 : 0;   // leading zeros only move the point
            } else if (digits < 18) {
                mantissa = mantissa * 10 + (b[p] - '0');
                digits++;
                scale -= point ? 1 : 0;
            } else {
                scale += point ? 0 : 1;
                dropped |= b[p] != '0';
            }
        }
        if (mantissa == 0) {
            return true;   // 0, -0, 0.000
        }
        if (negative) {
            return false;
        }
        int exponent = 0;
        if (p < e) {
            p++;
            boolean down = b[p] == '-';
            if (b[p] == '-' || b[p] == '+') {
                p++;
            }
            for (; p < e && exponent < 1000; p++) {
                exponent = exponent * 10 + (b[p] - '0');
            }
            exponent = down ? -exponent : exponent;
        }
        // value = mantissa * 10^(scale + exponent), with mantissa of `digits` digits: at most 1 when the leading
        // digit's place is below 10^0, or it is exactly 1.
        int place = digits - 1 + scale + exponent;
        if (place < 0) {
            return true;
        }
        if (place > 0) {
            return false;
        }
        long one = 1;
        for (int i = 1; i < digits; i++) {
            one *= 10;
        }
        return mantissa == one && !dropped;
    }

    private static boolean isCigar(byte[] b, int s, int e) {
        if (s == e) {
            return false;
        }
        int digits = 0;
        for (int p = s; p < e; p++) {
            byte c = b[p];
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (digits > 0 && "MIDNSHP=X".indexOf(c) >= 0) {
                digits = 0;
            } else {
                return false;
            }
        }
        return digits == 0;
    }
}
