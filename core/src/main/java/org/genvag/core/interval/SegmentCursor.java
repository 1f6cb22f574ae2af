// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.interval;

/**
 * Answers overlap queries against one contig's segments. While query starts do not decrease (a sorted VCF or BAM)
 * the cursor only moves forward: amortised O(1) per query. A query that starts before the previous one (unsorted
 * input) repositions by binary search, so the answer is right either way; {@link #repositions()} says how often.
 */
public final class SegmentCursor {
    private ContigSegments segments;
    private int index;
    private long lastStart;
    private long repositions;
    private int firstHit;
    private int hitEnd;

    /** Points the cursor at a contig's segments (null: nothing there). */
    public void reset(ContigSegments contig) {
        this.segments = contig;
        this.index = 0;
        this.lastStart = Long.MIN_VALUE;
    }

    /**
     * Finds the segments overlapping {@code [start, end)}; returns their number. They are then
     * {@link #firstHit()} .. {@link #hitEnd()} (exclusive) of {@link #segments()}.
     */
    public int overlaps(long start, long end) {
        ContigSegments s = segments;
        if (s == null) {
            return 0;
        }
        int i = index;
        if (start < lastStart) {
            i = s.firstEndingAfter(start);
            repositions++;
        } else {
            long[] ends = s.ends;
            int n = ends.length;
            while (i < n && ends[i] <= start) {
                i++;
            }
        }
        index = i;
        lastStart = start;
        long[] starts = s.starts;
        int j = i;
        int n = starts.length;
        while (j < n && starts[j] < end) {
            j++;
        }
        firstHit = i;
        hitEnd = j;
        return j - i;
    }

    public ContigSegments segments() {
        return segments;
    }

    public int firstHit() {
        return firstHit;
    }

    public int hitEnd() {
        return hitEnd;
    }

    public long repositions() {
        return repositions;
    }
}
