// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.bgzf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.genvag.io.source.RangeInput;

/**
 * Ranges of BGZF virtual offsets {@code [start, end)} ({@code compressed block offset << 16 | offset in the block}), as
 * tabix, BAI and CSI indexes give them: sorted and merged where they overlap, ready for {@link BgzfSliceSource}.
 */
public final class VirtualRanges {
    private final long[] starts;
    private final long[] ends;

    private VirtualRanges(long[] starts, long[] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    /** Sorts and merges {@code {start, end}} pairs. */
    public static VirtualRanges merge(List<long[]> ranges) {
        List<long[]> sorted = new ArrayList<>(ranges);
        sorted.sort((a, b) -> Long.compare(a[0], b[0]));
        List<long[]> merged = new ArrayList<>();
        for (long[] r : sorted) {
            long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && r[0] <= last[1]) {
                last[1] = Math.max(last[1], r[1]);
            } else {
                merged.add(r.clone());
            }
        }
        long[] s = new long[merged.size()];
        long[] e = new long[merged.size()];
        for (int i = 0; i < merged.size(); i++) {
            s[i] = merged.get(i)[0];
            e[i] = merged.get(i)[1];
        }
        return new VirtualRanges(s, e);
    }

    public int size() {
        return starts.length;
    }

    /** Compressed bytes the ranges touch, counting each range's blocks from first to last. */
    public long compressedSpan() {
        long n = 0;
        for (int i = 0; i < starts.length; i++) {
            n += (ends[i] >>> 16) - (starts[i] >>> 16) + 1;
        }
        return n;
    }

    public BgzfSliceSource open(Path file) throws IOException {
        return new BgzfSliceSource(file, starts, ends);
    }

    public BgzfSliceSource open(RangeInput file) throws IOException {
        return new BgzfSliceSource(file, starts, ends);
    }

    /** The ranges as {@code {start, end}} pairs, in file order. */
    public List<long[]> pairs() {
        List<long[]> out = new ArrayList<>();
        for (int i = 0; i < starts.length; i++) {
            out.add(new long[] {starts[i], ends[i]});
        }
        return out;
    }
}
