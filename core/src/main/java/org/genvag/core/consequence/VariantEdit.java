// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.consequence;

import java.util.Arrays;

/**
 * One ALT allele as an edit of the reference: the bases it replaces, {@code [start, end]} (1-based, closed; for an
 * insertion {@code end == start - 1}, the insertion point being between {@code end} and {@code start}), and the bases
 * it puts there. VCF's padding is taken off: first the bases REF and ALT share at their start (VCF puts the padding
 * base first), then those they share at their end, so that {@code C>CTT} at 100 is an insertion of TT between 100
 * and 101.
 *
 * @param ref upper-case reference bases replaced (empty for an insertion)
 * @param alt upper-case bases put in their place (empty for a deletion)
 */
public record VariantEdit(String contig, long start, long end, byte[] ref, byte[] alt) {

    /** The edit a VCF record's REF and one of its ALT alleles describe at {@code pos}. */
    public static VariantEdit of(String contig, long pos, byte[] vcfRef, byte[] vcfAlt) {
        int r = vcfRef.length;
        int a = vcfAlt.length;
        // VCF's padding base comes first: shared leading bases go first, then shared trailing ones.
        int prefix = 0;
        while (prefix < r && prefix < a && upper(vcfRef[prefix]) == upper(vcfAlt[prefix])) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < r - prefix && suffix < a - prefix
                && upper(vcfRef[r - 1 - suffix]) == upper(vcfAlt[a - 1 - suffix])) {
            suffix++;
        }
        byte[] ref = upperCopy(vcfRef, prefix, r - suffix);
        byte[] alt = upperCopy(vcfAlt, prefix, a - suffix);
        long start = pos + prefix;
        return new VariantEdit(contig, start, start + ref.length - 1, ref, alt);
    }

    public boolean isInsertion() {
        return ref.length == 0;
    }

    public boolean isDeletion() {
        return alt.length == 0 && ref.length > 0;
    }

    /** REF and ALT were the same bases: no change. */
    public boolean isEmpty() {
        return ref.length == 0 && alt.length == 0;
    }

    /** Bases gained (positive) or lost. */
    public int lengthChange() {
        return alt.length - ref.length;
    }

    private static byte upper(byte b) {
        return b >= 'a' && b <= 'z' ? (byte) (b - 32) : b;
    }

    private static byte[] upperCopy(byte[] b, int from, int to) {
        byte[] out = Arrays.copyOfRange(b, from, to);
        for (int i = 0; i < out.length; i++) {
            out[i] = upper(out[i]);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VariantEdit v && v.contig.equals(contig) && v.start == start && v.end == end
                && Arrays.equals(v.ref, ref) && Arrays.equals(v.alt, alt);
    }

    @Override
    public int hashCode() {
        return (contig.hashCode() * 31 + Long.hashCode(start)) * 31 + Arrays.hashCode(alt);
    }

    @Override
    public String toString() {
        return contig + ":" + start + "-" + end + " " + new String(ref) + ">" + new String(alt);
    }
}
