// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.vcf;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Finds a sequence variant that an earlier record of the sorted file already states (VCF 4.3 section 1.6.1: a
 * variant is stated once), also when the two records write it with different padding or inside a multi-allelic
 * record: each allele is trimmed of the bases it shares with REF at its end, then at its start, to the smallest
 * form (TAT>TGT at 123 is A>G at 124). Memory stays bounded: a trimmed variant starts at or after its record's
 * POS, so those before the current POS can no longer recur and are dropped.
 *
 * <p>A trimmed variant of A, C, G and T with REF and ALT of at most 14 bases each (nearly all) is packed into one
 * long, so a record is checked without allocating; longer ones and those with N are kept as text.
 */
final class DuplicateVariants {
    private static final int MAX_PACKED = 14;

    private long[] positions = new long[16];
    private long[] codes = new long[16];
    private String[] texts = new String[16];
    private int size;
    private int contig = -1;
    private long purgedAt = -1;

    /** The first ALT allele of this record that an earlier record (or allele) states too, or null. */
    String check(int contig, long pos, ByteBuffer b, int refStart, int refEnd, int altStart, int altEnd) {
        if (contig != this.contig) {
            size = 0;
            this.contig = contig;
        } else if (pos != purgedAt) {
            purgeBefore(pos);
        }
        purgedAt = pos;
        for (int s = altStart; s <= altEnd; ) {
            int e = s;
            while (e < altEnd && b.get(e) != ',') {
                e++;
            }
            if (isSequence(b, s, e) && !add(pos, b, refStart, refEnd, s, e)) {
                return text(b, s, e);
            }
            s = e + 1;
        }
        return null;
    }

    /** Adds the trimmed form of REF {@code [rs, re)} > ALT {@code [as, ae)}; false when it was there already. */
    private boolean add(long pos, ByteBuffer b, int rs, int re, int as, int ae) {
        int end = 0;
        while (re - rs - end > 1 && ae - as - end > 1 && upper(b.get(re - 1 - end)) == upper(b.get(ae - 1 - end))) {
            end++;
        }
        re -= end;
        ae -= end;
        int start = 0;
        while (re - rs - start > 1 && ae - as - start > 1 && upper(b.get(rs + start)) == upper(b.get(as + start))) {
            start++;
        }
        rs += start;
        as += start;
        long at = pos + start;
        long code = pack(b, rs, re, as, ae);
        String text = code == -1 ? text(b, rs, re) + ">" + text(b, as, ae) : null;
        for (int i = 0; i < size; i++) {
            if (positions[i] == at && codes[i] == code && (code != -1 || texts[i].equals(text))) {
                return false;
            }
        }
        if (size == positions.length) {
            positions = Arrays.copyOf(positions, size * 2);
            codes = Arrays.copyOf(codes, size * 2);
            texts = Arrays.copyOf(texts, size * 2);
        }
        positions[size] = at;
        codes[size] = code;
        texts[size] = text;
        size++;
        return true;
    }

    /** REF and ALT as 2 bits a base with 4-bit lengths; -1 when either is too long or has a base other than ACGT. */
    private static long pack(ByteBuffer b, int rs, int re, int as, int ae) {
        if (re - rs > MAX_PACKED || ae - as > MAX_PACKED) {
            return -1;
        }
        long code = ((long) (re - rs) << 60) | ((long) (ae - as) << 56);
        int shift = 0;
        for (int i = rs; i < re; i++, shift += 2) {
            int base = twoBits(b.get(i));
            if (base < 0) {
                return -1;
            }
            code |= (long) base << shift;
        }
        for (int i = as; i < ae; i++, shift += 2) {
            int base = twoBits(b.get(i));
            if (base < 0) {
                return -1;
            }
            code |= (long) base << shift;
        }
        return code;
    }

    private static int twoBits(byte c) {
        switch (upper(c)) {
            case 'A': return 0;
            case 'C': return 1;
            case 'G': return 2;
            case 'T': return 3;
            default: return -1;
        }
    }

    private void purgeBefore(long pos) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (positions[i] >= pos) {
                positions[kept] = positions[i];
                codes[kept] = codes[i];
                texts[kept] = texts[i];
                kept++;
            }
        }
        Arrays.fill(texts, kept, size, null);
        size = kept;
    }

    private static boolean isSequence(ByteBuffer b, int s, int e) {
        if (s == e || e - s == 1 && (b.get(s) == '.' || b.get(s) == '*')) {
            return false;
        }
        for (int i = s; i < e; i++) {
            byte c = b.get(i);
            if (c == '<' || c == '[' || c == ']' || c == '.') {
                return false;   // symbolic alleles and breakends may repeat (hts-specs passed_symbolic_duplicates.vcf)
            }
        }
        return true;
    }

    private static byte upper(byte c) {
        return c >= 'a' && c <= 'z' ? (byte) (c - 32) : c;
    }

    private static String text(ByteBuffer b, int s, int e) {
        StringBuilder t = new StringBuilder(e - s);
        for (int i = s; i < e; i++) {
            t.append((char) (upper(b.get(i)) & 0xff));
        }
        return t.toString();
    }
}
