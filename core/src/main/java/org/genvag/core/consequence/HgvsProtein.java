// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.consequence;

/**
 * HGVS p. descriptions of predicted protein changes (HGVS recommendations, varnomen.hgvs.org): three-letter amino
 * acids, in parentheses because they are predicted from DNA, "Ter" for a stop in a substitution and "*" in a
 * frameshift or extension as the recommendations' examples write them. Positions are 1-based amino-acid numbers.
 */
final class HgvsProtein {
    private HgvsProtein() {
    }

    static String three(byte[] aa, int from, int to) {
        StringBuilder out = new StringBuilder(3 * (to - from));
        for (int i = from; i < to; i++) {
            out.append(GeneticCode.threeLetter(aa[i]));
        }
        return out.toString();
    }

    private static String at(byte aa, int position) {
        return GeneticCode.threeLetter(aa) + position;
    }

    static String substitution(byte ref, int position, byte alt) {
        return "p.(" + at(ref, position) + GeneticCode.threeLetter(alt) + ")";
    }

    static String synonymous(byte ref, int position) {
        return "p.(" + at(ref, position) + "=)";
    }

    static String startLost() {
        return "p.(Met1?)";
    }

    /** Residues {@code [from, to)} (0-based) of {@code protein} deleted. */
    static String deletion(byte[] protein, int from, int to) {
        return "p.(" + range(protein, from, to) + "del)";
    }

    static String duplication(byte[] protein, int from, int to) {
        return "p.(" + range(protein, from, to) + "dup)";
    }

    /** {@code inserted} between residues {@code after} and {@code after + 1} (0-based). */
    static String insertion(byte[] protein, int after, byte[] inserted) {
        return "p.(" + at(protein[after], after + 1) + "_" + at(protein[after + 1], after + 2) + "ins"
                + three(inserted, 0, inserted.length) + ")";
    }

    static String delins(byte[] protein, int from, int to, byte[] alt, int altFrom, int altTo) {
        return "p.(" + range(protein, from, to) + "delins" + three(alt, altFrom, altTo) + ")";
    }

    /** A frameshift whose first changed residue is {@code ref} at {@code position}, a new stop {@code stop} on. */
    static String frameshift(byte ref, int position, byte alt, int stop) {
        return "p.(" + at(ref, position) + GeneticCode.threeLetter(alt) + "fs*" + (stop > 0 ? stop : "?") + ")";
    }

    /** The stop at {@code position} read through as {@code alt}, the next stop {@code stop} codons on (or unknown). */
    static String extension(int position, byte alt, int stop) {
        return "p.(Ter" + position + GeneticCode.threeLetter(alt) + "ext*" + (stop > 0 ? stop : "?") + ")";
    }

    private static String range(byte[] protein, int from, int to) {
        String first = at(protein[from], from + 1);
        return to - from == 1 ? first : first + "_" + at(protein[to - 1], to);
    }
}
