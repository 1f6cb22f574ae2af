// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.vcf;

/**
 * Whether an INFO or FORMAT value matches its declared Type and Number (VCF 4.3 sections 1.4.2, 1.6.2), read from
 * the record's bytes without allocating. A value is comma-separated items; '.' is a missing item of any type. The
 * problem, when there is one, is returned as a message; null means the value is fine.
 */
final class ValueCheck {
    /** VCF 4.3 section 1.3: Integer values below this are reserved (BCF's missing and end-of-vector markers). */
    static final long MIN_INTEGER = Integer.MIN_VALUE + 8L;

    private ValueCheck() {
    }

    /** The value {@code [s, e)} against {@code rule}; {@code alts} and {@code ploidy} (-1 unknown) size A, R and G. */
    static String problem(byte[] b, int s, int e, FieldRule rule, int alts, int ploidy) {
        if (e - s == 1 && b[s] == '.') {
            return null;   // missing, whatever the type and number
        }
        int type = rule.type;
        if (type == FieldRule.STRING && e - s >= 2 && b[s] == '"' && b[e - 1] == '"') {
            return null;   // one quoted String, commas and all (hts-specs passed_body_info.vcf, EXPLAIN="a,b")
        }
        int items = 0;
        for (int p = s; p <= e; items++) {
            int comma = p;
            while (comma < e && b[comma] != ',') {
                comma++;
            }
            if (!(comma - p == 1 && b[p] == '.')) {
                String wrong = item(b, p, comma, type);
                if (wrong != null) {
                    return "is not " + wrong;
                }
            }
            p = comma + 1;
        }
        int expected = rule.fixedCount >= 0 ? rule.fixedCount
                : expectedCount(rule.definition.number(), alts, ploidy);
        if (expected >= 0 && items != expected) {
            return "has " + items + " value" + (items == 1 ? "" : "s") + " where Number="
                    + rule.definition.number() + " means " + expected;
        }
        return null;
    }

    /** Null when the item is of the type, else the type's description. */
    private static String item(byte[] b, int s, int e, int type) {
        switch (type) {
            case FieldRule.INTEGER:
                return isInteger(b, s, e) ? null : "an Integer (a whole number from " + MIN_INTEGER + " to "
                        + Integer.MAX_VALUE + ")";
            case FieldRule.FLOAT:
                return isFloat(b, s, e) ? null : "a Float";
            case FieldRule.CHARACTER:
                return e - s == 1 ? null : "a Character (one character)";
            default:
                return null;   // String
        }
    }

    static boolean isInteger(byte[] b, int s, int e) {
        int p = s;
        boolean negative = false;
        if (p < e && (b[p] == '-' || b[p] == '+')) {
            negative = b[p] == '-';
            p++;
        }
        if (p == e || e - p > 10) {
            return false;
        }
        long v = 0;
        for (; p < e; p++) {
            int d = b[p] - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            v = v * 10 + d;
        }
        v = negative ? -v : v;
        return v >= MIN_INTEGER && v <= Integer.MAX_VALUE;
    }

    /** Decimal or scientific notation, or Inf, Infinity, NaN (any case, optionally signed), as C's strtod reads. */
    static boolean isFloat(byte[] b, int s, int e) {
        int p = s;
        if (p < e && (b[p] == '-' || b[p] == '+')) {
            p++;
        }
        if (matchesWord(b, p, e, "inf") || matchesWord(b, p, e, "infinity") || matchesWord(b, p, e, "nan")) {
            return true;
        }
        int digits = 0;
        while (p < e && isDigit(b[p])) {
            p++;
            digits++;
        }
        if (p < e && b[p] == '.') {
            p++;
            while (p < e && isDigit(b[p])) {
                p++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (p < e && (b[p] == 'e' || b[p] == 'E')) {
            p++;
            if (p < e && (b[p] == '-' || b[p] == '+')) {
                p++;
            }
            int exponent = 0;
            while (p < e && isDigit(b[p])) {
                p++;
                exponent++;
            }
            if (exponent == 0) {
                return false;
            }
        }
        return p == e;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static boolean matchesWord(byte[] b, int s, int e, String word) {
        if (e - s != word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (Character.toLowerCase(b[s + i]) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * How many items Number asks for; -1 when any number may come (".") or it depends on what is unknown: with ALT
     * '.' a record says nothing of its alleles, so A, R and G are not counted (the specification's own suite has
     * {@code AC=249} with ALT '.' among its valid files: hts-specs passed_body_alt.vcf).
     */
    static int expectedCount(String number, int alts, int ploidy) {
        if (alts == 0 && (number.equals("A") || number.equals("R") || number.equals("G"))) {
            return -1;
        }
        switch (number) {
            case "A":
                return alts;
            case "R":
                return alts + 1;
            case "G":
                // Genotypes of `ploidy` alleles from alts + 1: C(alts + ploidy, ploidy) (VCF 4.3 section 1.6.2).
                if (ploidy < 1) {
                    return -1;
                }
                long n = 1;
                for (int i = 1; i <= ploidy; i++) {
                    n = n * (alts + i) / i;
                }
                return n > Integer.MAX_VALUE ? -1 : (int) n;
            case ".":
                return -1;
            default:
                try {
                    return Integer.parseInt(number);
                } catch (NumberFormatException e) {
                    return -1;   // the header check reports a malformed Number
                }
        }
    }

    /**
     * A GT value's problem, or null: allele indexes (digits or '.') separated by '/' or '|', each at most
     * {@code alts} (VCF 4.3 section 1.6.2; 4.4 allows a leading phase marker). Sets nothing; the ploidy is
     * {@link #ploidy}.
     */
    static String genotypeProblem(byte[] b, int s, int e, int alts) {
        int p = s;
        if (p < e && (b[p] == '/' || b[p] == '|')) {
            p++;
        }
        if (p == e) {
            return "is empty";
        }
        while (p < e) {
            int start = p;
            if (b[p] == '.') {
                p++;
            } else {
                long allele = 0;
                while (p < e && isDigit(b[p]) && p - start < 10) {
                    allele = allele * 10 + (b[p] - '0');
                    p++;
                }
                if (p == start) {
                    return "is not allele indexes separated by '/' or '|'";
                }
                if (allele > alts) {
                    return "names allele " + allele + ", but the record has " + alts + " ALT allele"
                            + (alts == 1 ? "" : "s");
                }
            }
            if (p < e) {
                if (b[p] != '/' && b[p] != '|') {
                    return "is not allele indexes separated by '/' or '|'";
                }
                p++;
                if (p == e) {
                    return "ends with a separator";
                }
            }
        }
        return null;
    }

    /** Alleles in a GT value (its separators plus one), for Number=G. */
    static int ploidy(byte[] b, int s, int e) {
        int n = 1;
        for (int p = s + 1; p < e; p++) {
            byte c = b[p];
            if (c == '/' || c == '|') {
                n++;
            }
        }
        return n;
    }
}
