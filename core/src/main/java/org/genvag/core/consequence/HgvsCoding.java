// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.consequence;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * HGVS c. (n. for a non-coding transcript) descriptions of an edit on one transcript: substitutions, deletions,
 * duplications, insertions and deletion-insertions, with intronic offsets and UTR positions. An insertion or deletion
 * in a repeat is first shifted as far 3' as the transcript reads (HGVS's 3' rule: rightwards on the plus strand,
 * leftwards on the minus), within the exon or intron that holds it; an insertion of the bases just 5' of it is a
 * duplication of them.
 */
final class HgvsCoding {
    private HgvsCoding() {
    }

    static String describe(TranscriptLayout l, VariantEdit e, BaseWindow window, long boundLo, long boundHi) {
        String prefix = l.coding() ? "c." : "n.";
        byte[] ref = e.ref();
        byte[] alt = e.alt();
        if (ref.length == 1 && alt.length == 1) {
            return prefix + l.hgvsPosition(e.start()) + (char) oriented(l, ref[0]) + ">" + (char) oriented(l, alt[0]);
        }
        String contig = e.contig();
        if (alt.length == 0) {
            long s = e.start();
            long t = e.end();
            if (boundLo > 0) {
                if (!l.minus) {
                    while (t + 1 <= boundHi && window.base(contig, t + 1) == window.base(contig, s)) {
                        s++;
                        t++;
                    }
                } else {
                    while (s - 1 >= boundLo && window.base(contig, s - 1) == window.base(contig, t)) {
                        s--;
                        t--;
                    }
                }
            }
            return prefix + range(l, s, t) + "del";
        }
        if (ref.length == 0) {
            byte[] ins = alt.clone();
            long p = e.start();   // inserted between p - 1 and p
            int n = ins.length;
            if (boundLo > 0) {
                if (!l.minus) {
                    while (p <= boundHi && window.base(contig, p) == ins[0]) {
                        rotateLeft(ins, window.base(contig, p));
                        p++;
                    }
                } else {
                    while (p - 1 >= boundLo && window.base(contig, p - 1) == ins[n - 1]) {
                        rotateRight(ins, window.base(contig, p - 1));
                        p--;
                    }
                }
            }
            // A duplication repeats the bases 5' of the insertion point in the transcript's direction.
            long dupLo = l.minus ? p : p - n;
            long dupHi = l.minus ? p + n - 1 : p - 1;
            if (Arrays.equals(window.bases(contig, dupLo, dupHi), ins)) {
                return prefix + range(l, dupLo, dupHi) + "dup";
            }
            String left = l.hgvsPosition(l.minus ? p : p - 1);
            String right = l.hgvsPosition(l.minus ? p - 1 : p);
            return prefix + left + "_" + right + "ins" + oriented(l, ins);
        }
        return prefix + range(l, e.start(), e.end()) + "delins" + oriented(l, alt);
    }

    /** Genome positions {@code [lo, hi]} as a c. position or range, 5' first in the transcript's direction. */
    static String range(TranscriptLayout l, long lo, long hi) {
        if (lo == hi) {
            return l.hgvsPosition(lo);
        }
        return l.minus ? l.hgvsPosition(hi) + "_" + l.hgvsPosition(lo) : l.hgvsPosition(lo) + "_" + l.hgvsPosition(hi);
    }

    private static void rotateLeft(byte[] s, byte next) {
        System.arraycopy(s, 1, s, 0, s.length - 1);
        s[s.length - 1] = next;
    }

    private static void rotateRight(byte[] s, byte previous) {
        System.arraycopy(s, 0, s, 1, s.length - 1);
        s[0] = previous;
    }

    static byte oriented(TranscriptLayout l, byte b) {
        return l.minus ? TranscriptLayout.complement(b) : b;
    }

    /** Genome-strand bases as the transcript reads them. */
    static String oriented(TranscriptLayout l, byte[] bases) {
        byte[] out = new byte[bases.length];
        for (int i = 0; i < bases.length; i++) {
            out[i] = l.minus ? TranscriptLayout.complement(bases[bases.length - 1 - i]) : bases[i];
        }
        return new String(out, StandardCharsets.US_ASCII);
    }
}
