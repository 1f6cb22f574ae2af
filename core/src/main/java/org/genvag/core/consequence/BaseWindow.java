// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.consequence;

/**
 * Single reference bases by position, read 4 kb at a time and kept while the positions asked for stay inside: an
 * indel is shifted 3' base by base, and alleles of a sorted VCF follow each other closely (in a genome, about one
 * per kb: a larger window would read bases no allele asks for).
 */
final class BaseWindow {
    private static final int CHUNK = 1 << 12;
    private final ReferenceSequence reference;
    private String contig;
    private long from;
    private byte[] bases = new byte[0];

    BaseWindow(ReferenceSequence reference) {
        this.reference = reference;
    }

    /** The base at {@code pos} (1-based), upper case, or 'N' beyond the contig's ends. */
    byte base(String c, long pos) {
        if (!c.equals(contig) || pos < from || pos >= from + bases.length) {
            if (pos < 1) {
                return 'N';
            }
            contig = c;
            from = Math.max(1, pos - CHUNK / 4);
            bases = reference.bases(c, from, from + CHUNK - 1);
            if (pos >= from + bases.length) {
                return 'N';
            }
        }
        return bases[(int) (pos - from)];
    }

    /** Bases {@code [start, end]}, as {@link #base} reads them. */
    byte[] bases(String c, long start, long end) {
        byte[] out = new byte[(int) Math.max(0, end - start + 1)];
        for (int i = 0; i < out.length; i++) {
            out[i] = base(c, start + i);
        }
        return out;
    }
}
