// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.consequence;

/**
 * The reference genome's bases, as a FASTA gives them: the consequence caller reads exons to splice transcripts and
 * bases around an indel to shift it 3' as HGVS asks. Implementations live where formats are read (genvag-io).
 */
public interface ReferenceSequence {
    /** The length of the contig, or -1 when the reference has no such contig. */
    long length(String contig);

    /**
     * Bases {@code [start, end]} (1-based, closed) of the contig, upper case; positions beyond the contig's end are
     * not returned, so the array may be shorter than asked.
     *
     * @throws org.genvag.core.error.InputException when the reference has no such contig (a user's files disagree)
     */
    byte[] bases(String contig, long start, long end);
}
