package org.genvag.io.vcf;

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

    static boolean isBase(byte b) {
        switch (b) {
            case 'A': case 'C': case 'G': case 'T': case 'N':
            case 'a': case 'c': case 'g': case 't': case 'n':
                return true;
            default:
                // IUPAC ambiguity codes occur in REF of real files (htslib accepts them)
                return "RYKMSWBDHVrykmswbdhv".indexOf(b) >= 0;
        }
    }

    static boolean validAllele(VcfRecord r, int s, int e) {
        if (s == e) {
            return false;
        }
        byte first = r.buffer().get(s);
        byte last = r.buffer().get(e - 1);
        if (first == '<' && last == '>') {
            return e - s > 2;
        }
        if (e - s == 1 && first == '*') {
            return true;
        }
        boolean breakend = false;
        for (int i = s; i < e; i++) {
            byte b = r.buffer().get(i);
            if (b == '[' || b == ']') {
                breakend = true;
            }
        }
        if (breakend) {
            return true;   // t[p[, t]p], ]p]t, [p[t, with <ID> or contig:pos inside
        }
        int from = first == '.' ? s + 1 : s;   // single breakends: .A and A.
        int to = last == '.' && e - s > 1 ? e - 1 : e;
        for (int i = from; i < to; i++) {
            if (!isBase(r.buffer().get(i))) {
                return false;
            }
        }
        return to > from;
    }
}
