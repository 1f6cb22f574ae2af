// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.consequence;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.genvag.core.genome.ContigNames;

/**
 * Codon to amino acid, for the standard code (NCBI translation table 1) and the vertebrate mitochondrial code (table
 * 2, used for contigs named M, MT or chrM, as bcftools csq and VEP use it). Amino acids are one-letter upper case
 * bytes, '*' a stop; a codon with a base other than A, C, G or T translates to 'X'.
 */
public final class GeneticCode {
    /** NCBI table 1 in TCAG order of the first, second and third base. */
    public static final GeneticCode STANDARD =
            new GeneticCode("FFLLSSSSYY**CC*WLLLLPPPPHHQQRRRRIIIMTTTTNNKKSSRRVVVVAAAADDEEGGGG");
    /** NCBI table 2. */
    public static final GeneticCode VERTEBRATE_MITOCHONDRIAL =
            new GeneticCode("FFLLSSSSYY**CCWWLLLLPPPPHHQQRRRRIIMMTTTTNNKKSS**VVVVAAAADDEEGGGG");

    private static final byte[] BASE_INDEX = new byte[256];
    private static final String[] THREE = new String[128];

    static {
        Arrays.fill(BASE_INDEX, (byte) -1);
        String tcag = "TCAG";
        for (int i = 0; i < 4; i++) {
            BASE_INDEX[tcag.charAt(i)] = (byte) i;
            BASE_INDEX[Character.toLowerCase(tcag.charAt(i))] = (byte) i;
        }
        String[] names = {"A", "Ala", "R", "Arg", "N", "Asn", "D", "Asp", "C", "Cys", "Q", "Gln", "E", "Glu", "G",
            "Gly", "H", "His", "I", "Ile", "L", "Leu", "K", "Lys", "M", "Met", "F", "Phe", "P", "Pro", "S", "Ser",
            "T", "Thr", "W", "Trp", "Y", "Tyr", "V", "Val", "U", "Sec", "*", "Ter", "X", "Xaa"};
        for (int i = 0; i < names.length; i += 2) {
            THREE[names[i].charAt(0)] = names[i + 1];
        }
    }

    private final byte[] table;

    private GeneticCode(String table) {
        this.table = table.getBytes(StandardCharsets.US_ASCII);
    }

    /** The code a contig is translated with: the mitochondrial one for M, MT, chrM and chrMT. */
    public static GeneticCode forContig(String contig) {
        return ContigNames.canonical(contig).equals("MT") ? VERTEBRATE_MITOCHONDRIAL : STANDARD;
    }

    /** The amino acid of the codon {@code s[at, at + 3)}. */
    public byte translate(byte[] s, int at) {
        int a = BASE_INDEX[s[at] & 0xFF];
        int b = BASE_INDEX[s[at + 1] & 0xFF];
        int c = BASE_INDEX[s[at + 2] & 0xFF];
        if ((a | b | c) < 0) {
            return 'X';
        }
        return table[a << 4 | b << 2 | c];
    }

    /** The whole codons of {@code s[from, to)} translated; a trailing partial codon is left out. */
    public byte[] translate(byte[] s, int from, int to) {
        byte[] out = new byte[Math.max(0, (to - from) / 3)];
        for (int i = 0; i < out.length; i++) {
            out[i] = translate(s, from + 3 * i);
        }
        return out;
    }

    /** The amino acid's three-letter code as HGVS writes it ("Val", "Ter" for a stop, "Xaa" when unknown). */
    public static String threeLetter(byte aminoAcid) {
        String s = aminoAcid >= 0 ? THREE[aminoAcid] : null;
        return s == null ? "Xaa" : s;
    }
}
