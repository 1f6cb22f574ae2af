// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.consequence;

import java.nio.charset.StandardCharsets;

import java.util.Arrays;

/**
 * What an edit inside one exon does to the coding sequence of a transcript: the codons it touches before and after,
 * the amino acids they translate to, the SO terms that follow and the HGVS p. description. An in-frame change is
 * judged on the touched codons alone; a frameshift, or a change that reaches the stop codon, is translated on until
 * the first stop of the new reading frame (through the 3' UTR when it has to), as HGVS's fs*N and ext*N need.
 */
final class CodingChange {
    int terms;
    String hgvsp = "";
    String cdsPosition = "";
    String proteinPosition = "";
    String aminoAcids = "";
    String codons = "";

    private CodingChange() {
    }

    /**
     * The change of an edit whose cDNA span is {@code [cs, ce]} (or, for an insertion, the point before cDNA
     * position {@code p == cs}; {@code ce == cs - 1}) and whose inserted bases, as the transcript reads them, are
     * {@code alt}. The span overlaps the CDS.
     */
    static CodingChange of(TranscriptLayout l, int cs, int ce, byte[] alt) {
        CodingChange c = new CodingChange();
        boolean insertion = ce < cs;
        int base0 = l.cdsStart - 1 + l.frame;     // seq index of the first whole codon's first base
        int cdsLength = l.cdsEnd - base0;         // through the stop codon
        int delFrom = cs - 1;
        int delTo = ce;                            // seq indexes [delFrom, delTo) replaced by alt (empty: insertion)
        int oS = delFrom - base0;
        int oE = insertion ? oS : delTo - 1 - base0;
        c.cdsPosition = insertion ? (cs - 1 - l.cdsStart + 1) + "-" + (cs - l.cdsStart + 1)
                : range(Math.max(cs, l.cdsStart) - l.cdsStart + 1, Math.min(ce, l.cdsEnd) - l.cdsStart + 1);
        if (insertion ? oS < 1 : oS < 0) {
            // Reaches before the first whole codon: the start codon (or a partial first codon) is changed.
            if (l.startsWithMet() && (insertion || oE >= 0)) {
                c.terms |= SoTerm.START_LOST.bit();
                c.hgvsp = HgvsProtein.startLost();
                c.proteinPosition = "1";
            } else {
                c.terms |= SoTerm.CODING_SEQUENCE_VARIANT.bit();
            }
            if (cs < l.cdsStart) {
                c.terms |= SoTerm.FIVE_PRIME_UTR_VARIANT.bit();
            }
            return c;
        }
        byte[] protein = l.protein();
        int kS = (insertion ? oS - 1 : oS) / 3;
        int kE = Math.min(oE, cdsLength - 1) / 3;
        int winFrom = base0 + 3 * kS;
        int winTo = base0 + 3 * kE + 3;
        byte[] seq = l.seq;
        boolean reachesUtr = !insertion && oE >= cdsLength;
        boolean inFrame = (alt.length - (delTo - delFrom)) % 3 == 0;
        c.proteinPosition = range(kS + 1, kE + 1);
        if (kE >= protein.length) {
            // The last codon is incomplete (an annotation's CDS whose length is not a multiple of three: cds_end_NF)
            c.terms |= SoTerm.INCOMPLETE_TERMINAL_CODON_VARIANT.bit() | SoTerm.CODING_SEQUENCE_VARIANT.bit();
            return c;
        }
        if (inFrame && !reachesUtr) {
            byte[] refWin = Arrays.copyOfRange(seq, winFrom, winTo);
            byte[] altWin = splice(seq, winFrom, delFrom, alt, delTo, winTo);
            c.codons(refWin, altWin, delFrom - winFrom, delTo - winFrom, alt.length, insertion && oS % 3 == 0);
            c.inFrame(l, protein, kS, l.code.translate(refWin, 0, refWin.length),
                    l.code.translate(altWin, 0, altWin.length), seq, winTo);
        } else {
            byte[] tail = splice(seq, winFrom, delFrom, alt, Math.min(delTo, seq.length), seq.length);
            byte[] altAa = translateToStop(l.code, tail);
            c.codons(Arrays.copyOfRange(seq, winFrom, Math.min(winTo, seq.length)),
                    Arrays.copyOfRange(tail, 0, Math.max(0, Math.min(tail.length,
                            winTo - winFrom + alt.length - (delTo - delFrom)))),
                    delFrom - winFrom, delTo - winFrom, alt.length, false);
            c.shifted(protein, kS, altAa, inFrame, reachesUtr, l.startsWithMet());
        }
        if (reachesUtr) {
            c.terms |= SoTerm.THREE_PRIME_UTR_VARIANT.bit();
        }
        return c;
    }

    private void inFrame(TranscriptLayout l, byte[] protein, int kS, byte[] refAa, byte[] altAa, byte[] seq,
                         int winTo) {
        int n = Math.min(refAa.length, altAa.length);
        int prefix = 0;
        while (prefix < n && refAa[prefix] == altAa[prefix]) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < n - prefix && refAa[refAa.length - 1 - suffix] == altAa[altAa.length - 1 - suffix]) {
            suffix++;
        }
        if (prefix > 0 && refAa[prefix - 1] == '*') {
            // The stop reads as before and the change lies after it: the protein is unchanged.
            terms |= SoTerm.STOP_RETAINED_VARIANT.bit();
            aminoAcids = "*";
            proteinPosition = Integer.toString(kS + prefix);
            hgvsp = HgvsProtein.synonymous((byte) '*', kS + prefix);
            return;
        }
        int rLen = refAa.length - prefix - suffix;
        int aLen = altAa.length - prefix - suffix;
        int pos = kS + prefix;   // 0-based residue of the first change
        aminoAcids = rLen == 0 && aLen == 0 ? new String(refAa, 0, 1, StandardCharsets.US_ASCII)
                : aa(refAa, prefix, prefix + rLen) + "/" + aa(altAa, prefix, prefix + aLen);
        if (rLen == 0 && aLen == 0) {
            byte ref = refAa[0];
            if (kS == 0 && l.startsWithMet()) {
                terms |= SoTerm.START_RETAINED_VARIANT.bit();
            } else if (ref == '*') {
                terms |= SoTerm.STOP_RETAINED_VARIANT.bit();
            } else {
                terms |= SoTerm.SYNONYMOUS_VARIANT.bit();
            }
            hgvsp = HgvsProtein.synonymous(ref, kS + 1);
            return;
        }
        proteinPosition = rLen == 0 ? range(pos, pos + 1) : range(pos + 1, pos + rLen);
        if (pos == 0 && l.startsWithMet()) {
            terms |= SoTerm.START_LOST.bit();
            hgvsp = HgvsProtein.startLost();
            return;
        }
        int altStop = indexOf(altAa, prefix, prefix + aLen, (byte) '*');
        int refStop = indexOf(refAa, prefix, prefix + rLen, (byte) '*');
        if (altStop >= 0 && refStop < 0) {
            terms |= SoTerm.STOP_GAINED.bit();
            if (rLen == 1 && aLen == 1) {
                hgvsp = HgvsProtein.substitution(refAa[prefix], pos + 1, (byte) '*');
            } else if (rLen == 0) {
                hgvsp = HgvsProtein.insertion(protein, pos - 1, Arrays.copyOfRange(altAa, prefix, altStop + 1));
            } else {
                hgvsp = HgvsProtein.delins(protein, pos, pos + rLen, altAa, prefix, altStop + 1);
            }
            return;
        }
        if (refStop >= 0 && altStop < 0) {
            terms |= SoTerm.STOP_LOST.bit();
            // The residues after the lost stop, read on through the 3' UTR: the new stop's distance, the first
            // new residue counted as 1.
            byte[] after = translateToStop(l.code, Arrays.copyOfRange(seq, winTo, seq.length));
            int stop = indexOf(after, 0, after.length, (byte) '*');
            int lost = refStop;   // the stop's index in the window, where the new residues begin
            int distance = stop < 0 ? -1 : altAa.length - lost + stop + 1;
            byte first = lost < altAa.length ? altAa[lost] : after.length > 0 ? after[0] : (byte) 'X';
            hgvsp = HgvsProtein.extension(kS + lost + 1, first, distance);
            return;
        }
        if (rLen == aLen) {
            terms |= SoTerm.MISSENSE_VARIANT.bit();
            hgvsp = rLen == 1 ? HgvsProtein.substitution(refAa[prefix], pos + 1, altAa[prefix])
                    : HgvsProtein.delins(protein, pos, pos + rLen, altAa, prefix, prefix + aLen);
            return;
        }
        terms |= aLen > rLen ? SoTerm.INFRAME_INSERTION.bit() : SoTerm.INFRAME_DELETION.bit();
        if (aLen == 0) {
            // 3' rule on the protein: the deleted residues move right while the next residue repeats them.
            int from = pos;
            int to = pos + rLen;
            while (to < protein.length && protein[to] == protein[from] && protein[to] != '*') {
                from++;
                to++;
            }
            hgvsp = HgvsProtein.deletion(protein, from, to);
        } else if (rLen == 0) {
            byte[] ins = Arrays.copyOfRange(altAa, prefix, prefix + aLen);
            int at = pos;   // inserted before residue at (0-based)
            while (at < protein.length && protein[at] == ins[0] && protein[at] != '*') {
                System.arraycopy(ins, 1, ins, 0, ins.length - 1);
                ins[ins.length - 1] = protein[at];
                at++;
            }
            if (at - aLen >= 0 && Arrays.equals(protein, at - aLen, at, ins, 0, aLen)) {
                hgvsp = HgvsProtein.duplication(protein, at - aLen, at);
            } else if (at >= 1 && at < protein.length) {
                hgvsp = HgvsProtein.insertion(protein, at - 1, ins);
            }
        } else {
            hgvsp = HgvsProtein.delins(protein, pos, pos + rLen, altAa, prefix, prefix + aLen);
        }
    }

    /** A frameshift, or an in-frame change that reaches past the stop codon: compared residue by residue. */
    private void shifted(byte[] protein, int kS, byte[] altAa, boolean inFrame, boolean reachesUtr,
                         boolean startsWithMet) {
        if (!inFrame) {
            terms |= SoTerm.FRAMESHIFT_VARIANT.bit();
        }
        int d = 0;
        while (d < altAa.length && kS + d < protein.length && altAa[d] == protein[kS + d]) {
            d++;
        }
        if (kS + d < protein.length && protein[kS + d] == '*' && d >= altAa.length) {
            // The stop is deleted and the transcript ends before a whole codon follows: lost, no new stop known.
            terms |= SoTerm.STOP_LOST.bit();
            proteinPosition = Integer.toString(kS + d + 1);
            aminoAcids = "*/X";
            return;
        }
        if (kS + d >= protein.length || d >= altAa.length) {
            // Every residue through the stop reads as before: the stop is kept (the change lies past it, or
            // rebuilds it), or the transcript ends first.
            terms |= kS + d >= protein.length ? SoTerm.STOP_RETAINED_VARIANT.bit()
                    : SoTerm.CODING_SEQUENCE_VARIANT.bit();
            aminoAcids = aa(protein, kS, Math.min(kS + 1, protein.length));
            return;
        }
        byte ref = protein[kS + d];
        byte alt = altAa[d];
        int stop = indexOf(altAa, d, altAa.length, (byte) '*');
        aminoAcids = (char) ref + "/" + (inFrame ? String.valueOf((char) alt) : "X");
        proteinPosition = Integer.toString(kS + d + 1);
        if (kS + d == 0 && startsWithMet) {
            terms |= SoTerm.START_LOST.bit();
            hgvsp = HgvsProtein.startLost();
        } else if (ref == '*') {
            terms |= SoTerm.STOP_LOST.bit();
            hgvsp = HgvsProtein.extension(kS + d + 1, alt, stop < 0 ? -1 : stop - d + 1);
        } else if (alt == '*') {
            terms |= SoTerm.STOP_GAINED.bit();
            hgvsp = HgvsProtein.substitution(ref, kS + d + 1, (byte) '*');
        } else if (inFrame) {
            terms |= SoTerm.STOP_LOST.bit();
            hgvsp = HgvsProtein.extension(kS + d + 1, alt, stop < 0 ? -1 : stop - d + 1);
        } else {
            hgvsp = HgvsProtein.frameshift(ref, kS + d + 1, alt, stop < 0 ? -1 : stop - d + 1);
        }
    }

    /** Codons before and after, lower case but for the changed bases ("gTg/gAg"); "-/ACG" between two codons. */
    private void codons(byte[] refWin, byte[] altWin, int changeFrom, int changeTo, int altLength, boolean between) {
        if (between) {
            codons = "-/" + new String(altWin, changeFrom, altLength, StandardCharsets.US_ASCII);
            return;
        }
        codons = cased(refWin, changeFrom, changeTo) + "/" + cased(altWin, changeFrom, changeFrom + altLength);
    }

    private static String cased(byte[] s, int upperFrom, int upperTo) {
        char[] out = new char[s.length];
        for (int i = 0; i < s.length; i++) {
            char ch = (char) s[i];
            out[i] = i >= upperFrom && i < upperTo ? Character.toUpperCase(ch) : Character.toLowerCase(ch);
        }
        return new String(out);
    }

    private static byte[] splice(byte[] seq, int from, int delFrom, byte[] alt, int delTo, int to) {
        int head = delFrom - from;
        int tail = Math.max(0, to - delTo);
        byte[] out = new byte[head + alt.length + tail];
        System.arraycopy(seq, from, out, 0, head);
        System.arraycopy(alt, 0, out, head, alt.length);
        System.arraycopy(seq, delTo, out, head + alt.length, tail);
        return out;
    }

    /** Whole codons of {@code s} translated up to and including the first stop. */
    private static byte[] translateToStop(GeneticCode code, byte[] s) {
        int n = s.length / 3;
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = code.translate(s, 3 * i);
            if (out[i] == '*') {
                return Arrays.copyOf(out, i + 1);
            }
        }
        return out;
    }

    private static int indexOf(byte[] a, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static String aa(byte[] a, int from, int to) {
        return from == to ? "-" : new String(a, from, to - from, StandardCharsets.US_ASCII);
    }

    private static String range(int from, int to) {
        return from == to ? Integer.toString(from) : from + "-" + to;
    }
}
