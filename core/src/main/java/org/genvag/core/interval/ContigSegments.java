// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.interval;

import java.util.Arrays;

/**
 * One contig's regions as disjoint, sorted, 0-based half-open segments {@code [starts[i], ends[i])}, each carrying
 * the labels of every input interval covering it (CSR layout: labels of segment i are
 * {@code labelIds[labelOffsets[i] .. labelOffsets[i+1])}). Adjacent segments with the same labels are merged, so a
 * gene is one segment unless another gene overlaps part of it.
 */
public final class ContigSegments {
    final long[] starts;
    final long[] ends;
    final int[] labelOffsets;
    final int[] labelIds;

    ContigSegments(long[] starts, long[] ends, int[] labelOffsets, int[] labelIds) {
        this.starts = starts;
        this.ends = ends;
        this.labelOffsets = labelOffsets;
        this.labelIds = labelIds;
    }

    public int size() {
        return starts.length;
    }

    public long start(int i) {
        return starts[i];
    }

    public long end(int i) {
        return ends[i];
    }

    public int labelCount(int i) {
        return labelOffsets[i + 1] - labelOffsets[i];
    }

    public int label(int i, int k) {
        return labelIds[labelOffsets[i] + k];
    }

    /** Bases covered, counting overlaps once. */
    public long coveredBases() {
        long n = 0;
        for (int i = 0; i < starts.length; i++) {
            n += ends[i] - starts[i];
        }
        return n;
    }

    /** Index of the first segment whose end is beyond {@code pos} (binary search), or {@link #size()}. */
    public int firstEndingAfter(long pos) {
        int i = Arrays.binarySearch(ends, pos);
        // ends are strictly increasing: an exact hit ends at pos and cannot contain it, so move past it.
        return i >= 0 ? i + 1 : -i - 1;
    }
}
