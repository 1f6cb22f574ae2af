// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.vcf;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;

/**
 * The VCF specification's syntax for the parts of a record a validator checks one by one: CHROM names, ';'-separated
 * ID and FILTER lists, INFO and FORMAT keys, and reference bases. Pure functions: each gives the problem in words, or
 * the answer, and reports nothing itself.
 */
final class VcfSyntax {
    private VcfSyntax() {
    }

    /** The contig an angle-bracketed CHROM {@code <ID>} names ({@code ID}); any other CHROM itself. */
    static String assemblyContig(String chrom) {
        return chrom.length() > 2 && chrom.charAt(0) == '<' && chrom.charAt(chrom.length() - 1) == '>'
                ? chrom.substring(1, chrom.length() - 1) : chrom;
    }

    /**
     * CHROM: the characters SAM allows for reference names (VCF 4.3 section 1.4.7), or an angle-bracketed assembly
     * contig {@code <ID>} whole.
     */
    static String chromProblem(String chrom) {
        String name = assemblyContig(chrom);
        int bad = VcfHeaderRules.illegalNameCharacter(name);
        if (bad >= 0) {
            return "CHROM '" + chrom + "' has the character '" + name.charAt(bad) + "', which a contig name may not have";
        }
        return null;
    }

    /**
     * A ';'-separated list (ID, FILTER) of non-empty, distinct entries without white space, '.' only alone; the
     * problem, or null.
     */
    static String listProblem(String list, String column) {
        if (list.equals(".")) {
            return null;
        }
        for (int i = 0; i < list.length(); i++) {
            if (Character.isWhitespace(list.charAt(i))) {
                return column + " '" + list + "' has white space";
            }
        }
        String[] entries = list.split(";", -1);
        Set<String> seen = new HashSet<>();
        for (String e : entries) {
            if (e.isEmpty()) {
                return column + " '" + list + "' has an empty entry (a ';' too many)";
            }
            if (e.equals(".")) {
                return column + " '" + list + "' has '.' beside other entries";
            }
            if (!seen.add(e)) {
                return column + " '" + list + "' names '" + e + "' twice";
            }
        }
        return null;
    }

    /**
     * A column {@code [s, e)} that is one entry and needs no list checks: not empty, without ';' or white space
     * (the common ID and FILTER, checked without making a String).
     */
    static boolean plainEntry(ByteBuffer b, int s, int e) {
        if (s == e) {
            return false;
        }
        for (int i = s; i < e; i++) {
            byte c = b.get(i);
            if (c == ';' || c <= ' ') {
                return false;
            }
        }
        return true;
    }

    /** An INFO or FORMAT key: [A-Za-z_][0-9A-Za-z_.]* (VCF 4.3 section 1.6.1), or 1000G. */
    static boolean validKey(String key) {
        if (key.equals("1000G")) {
            return true;
        }
        if (key.isEmpty() || !(Character.isLetter(key.charAt(0)) || key.charAt(0) == '_') || key.charAt(0) > 127) {
            return false;
        }
        for (int i = 1; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c > 127 || !(Character.isLetterOrDigit(c) || c == '_' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    /**
     * A REF or ALT base: A, C, G, T or N in either case (VCF 4.3 section 1.6.1). IUPAC ambiguity codes are not
     * bases here: the spec has a reference's R written as A, and ALT match {@code ^([ACGTNacgtn]+|\*|\.)$}.
     */
    static boolean isBase(byte b) {
        switch (b) {
            case 'A': case 'C': case 'G': case 'T': case 'N':
            case 'a': case 'c': case 'g': case 't': case 'n':
                return true;
            default:
                return false;
        }
    }

    /**
     * One ALT allele {@code [s, e)}: bases, '*', a symbolic {@code <ID>} (no '<', '>' or ',' inside), a breakend
     * replacement ({@code t[p[}, {@code t]p]}, {@code ]p]t}, {@code [p[t} with {@code p} as {@code chrom:pos}) or a
     * single breakend ({@code .t}, {@code t.}), VCF 4.3 sections 1.6.1 and 5.4. The problem in words, or null.
     */
    static String alleleProblem(ByteBuffer b, int s, int e) {
        if (s == e) {
            return "is empty";
        }
        byte first = b.get(s);
        byte last = b.get(e - 1);
        if (first == '<' || last == '>') {
            if (first != '<' || last != '>' || e - s < 3) {
                return "is not a symbolic allele <ID>: its angle brackets are not closed";
            }
            for (int i = s + 1; i < e - 1; i++) {
                byte c = b.get(i);
                if (c == '<' || c == '>' || c <= ' ') {
                    return "is a symbolic allele whose ID has an angle bracket or white space";
                }
            }
            return null;
        }
        if (e - s == 1 && first == '*') {
            return null;
        }
        int bracket = s;
        while (bracket < e && b.get(bracket) != '[' && b.get(bracket) != ']') {
            bracket++;
        }
        if (bracket < e) {
            return breakendProblem(b, s, e, bracket);
        }
        int from = first == '.' && e - s > 1 ? s + 1 : s;   // single breakends: .A and A.
        int to = last == '.' && e - s > 1 && from == s ? e - 1 : e;
        return bases(b, from, to) ? null : "is not bases (A, C, G, T, N), '*', a symbolic <ID> or a breakend";
    }

    /** {@code t[p[}, {@code t]p]} (bracket after the bases) or {@code ]p]t}, {@code [p[t} (bracket first). */
    private static String breakendProblem(ByteBuffer b, int s, int e, int bracket) {
        byte kind = b.get(bracket);
        int close = bracket + 1;
        while (close < e && b.get(close) != kind) {
            close++;
        }
        if (close == e) {
            return "is a breakend whose mate position is not closed by '" + (char) kind + "'";
        }
        boolean basesFirst = bracket > s;
        int baseFrom = basesFirst ? s : close + 1;
        int baseTo = basesFirst ? bracket : e;
        if (basesFirst && close != e - 1) {
            return "is a breakend with text after its mate position";
        }
        if (baseFrom == baseTo) {
            return "is a breakend without the bases at its side of the junction";
        }
        if (!bases(b, baseFrom, baseTo)) {
            return "is a breakend whose bases are not A, C, G, T, N";
        }
        int colon = close - 1;
        while (colon > bracket && b.get(colon) != ':') {
            colon--;
        }
        if (colon == bracket + 1 || colon == bracket || colon == close - 1) {
            return "is a breakend whose mate is not chrom:pos";
        }
        for (int i = colon + 1; i < close; i++) {
            if (b.get(i) < '0' || b.get(i) > '9') {
                return "is a breakend whose mate position is not a number";
            }
        }
        return null;
    }

    private static boolean bases(ByteBuffer b, int s, int e) {
        if (s >= e) {
            return false;
        }
        for (int i = s; i < e; i++) {
            if (!isBase(b.get(i))) {
                return false;
            }
        }
        return true;
    }
}
