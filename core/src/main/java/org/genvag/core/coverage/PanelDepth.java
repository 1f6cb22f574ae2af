// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.coverage;

import java.util.Arrays;

import org.genvag.core.interval.ContigSegments;

/**
 * Per-base depth over one contig's panel segments, by a difference array (+delta where an aligned block starts,
 * -delta where it ends) and one prefix sum, as mosdepth does, but over the panel's own coordinates: segment i's bases
 * sit at {@code offset[i] ..}, followed by one sentinel slot for the block ends clipped at its end. Memory follows
 * the panel's size on the contig, not the contig's length; the array is reused from contig to contig.
 *
 * <p>Blocks are 0-based half-open. Reads arrive sorted by start ({@link #startRead}); the cursor over segments only
 * moves forward, so a block costs O(1) plus the segments it touches.
 */
public final class PanelDepth {
    private ContigSegments segments;
    private int[] offset = new int[0];
    private int[] diff = new int[0];
    private int size;
    private int cursor;
    private boolean summed;

    /** Starts a contig: clears the counts for its segments (null: the panel has nothing here). */
    public void reset(ContigSegments contig) {
        this.segments = contig;
        this.cursor = 0;
        this.summed = false;
        int n = contig == null ? 0 : contig.size();
        if (offset.length < n + 1) {
            offset = new int[n + 1];
        }
        long total = 0;
        for (int i = 0; i < n; i++) {
            offset[i] = (int) total;
            total += contig.end(i) - contig.start(i) + 1;
        }
        offset[n] = (int) total;
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("panel too large on one contig: " + total + " bases");
        }
        size = (int) total;
        if (diff.length < size) {
            diff = new int[Math.max(size, diff.length + diff.length / 2)];
        } else {
            Arrays.fill(diff, 0, size, 0);
        }
    }

    /** Moves the cursor past segments that end before this read starts; reads must come in start order. */
    public void startRead(long readStart) {
        ContigSegments s = segments;
        if (s == null) {
            return;
        }
        int c = cursor;
        int n = s.size();
        while (c < n && s.end(c) <= readStart) {
            c++;
        }
        cursor = c;
    }

    /** Adds {@code delta} depth over {@code [start, end)}, clipped to the panel. Starts must be >= the read start. */
    public void addBlock(long start, long end, int delta) {
        ContigSegments s = segments;
        if (s == null || end <= start) {
            return;
        }
        int n = s.size();
        for (int j = cursor; j < n; j++) {
            long segStart = s.start(j);
            if (segStart >= end) {
                break;
            }
            long segEnd = s.end(j);
            if (segEnd <= start) {
                continue;
            }
            int base = offset[j];
            diff[base + (int) (Math.max(start, segStart) - segStart)] += delta;
            diff[base + (int) (Math.min(end, segEnd) - segStart)] -= delta;
        }
    }

    /** Turns the differences into depths (once per contig); afterwards {@link #depth} reads them. */
    public void finish() {
        if (summed) {
            return;
        }
        int d = 0;
        int[] a = diff;
        for (int i = 0; i < size; i++) {
            d += a[i];
            a[i] = d;
        }
        summed = true;
    }

    /** Depth at base {@code k} (0-based within the segment) of segment {@code i}; after {@link #finish}. */
    public int depth(int segment, int k) {
        return diff[offset[segment] + k];
    }

    /** The depths array and where segment i starts in it, for loops over a whole segment. */
    public int[] depths() {
        return diff;
    }

    public int offset(int segment) {
        return offset[segment];
    }

    public ContigSegments segments() {
        return segments;
    }
}
