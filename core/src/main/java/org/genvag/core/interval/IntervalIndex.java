// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.interval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;

/**
 * Labelled genomic intervals indexed for overlap queries: per contig, sorted primitive arrays of disjoint segments
 * ({@link ContigSegments}). Built once from any number of possibly overlapping intervals; queried by a
 * {@link SegmentCursor} in amortised O(1) per record for sorted streams, or by binary search for random access.
 * Coordinates are 0-based, half-open.
 */
public final class IntervalIndex {
    private final Map<String, ContigSegments> contigs;
    private final List<String> labels;

    private IntervalIndex(Map<String, ContigSegments> contigs, List<String> labels) {
        this.contigs = contigs;
        this.labels = labels;
    }

    /** Segments of a contig, or null when the index has none there. */
    public ContigSegments contig(String name) {
        return contigs.get(name);
    }

    public Iterable<String> contigNames() {
        return contigs.keySet();
    }

    public String labelName(int id) {
        return labels.get(id);
    }

    public int labelCount() {
        return labels.size();
    }

    public long coveredBases() {
        long n = 0;
        for (ContigSegments c : contigs.values()) {
            n += c.coveredBases();
        }
        return n;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects intervals with labels; {@link #build()} sorts, splits and merges them. */
    public static final class Builder {
        private final Map<String, List<long[]>> byContig = new LinkedHashMap<>();
        private final List<String> labels = new ArrayList<>();
        private final Map<String, Integer> labelIds = new HashMap<>();

        /** Adds {@code [start, end)} on {@code contig} with {@code label}; empty intervals are ignored. */
        public Builder add(String contig, long start, long end, String label) {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("bad interval " + contig + ":" + start + "-" + end);
            }
            if (end == start) {
                return this;
            }
            int id = labelIds.computeIfAbsent(label, l -> {
                labels.add(l);
                return labels.size() - 1;
            });
            byContig.computeIfAbsent(contig, c -> new ArrayList<>()).add(new long[] {start, end, id});
            return this;
        }

        public IntervalIndex build() {
            Map<String, ContigSegments> out = new LinkedHashMap<>();
            byContig.forEach((contig, intervals) -> out.put(contig, segments(intervals)));
            return new IntervalIndex(Collections.unmodifiableMap(out), List.copyOf(labels));
        }

        /**
         * Sweeps the interval boundaries: between consecutive boundaries the set of covering labels is constant;
         * covered stretches become segments, and neighbours with equal label sets are merged.
         */
        private static ContigSegments segments(List<long[]> intervals) {
            int n = intervals.size();
            long[] points = new long[2 * n];
            for (int i = 0; i < n; i++) {
                points[2 * i] = intervals.get(i)[0];
                points[2 * i + 1] = intervals.get(i)[1];
            }
            Arrays.sort(points);
            intervals.sort((a, b) -> Long.compare(a[0], b[0]));
            LongArrayList starts = new LongArrayList();
            LongArrayList ends = new LongArrayList();
            IntArrayList offsets = new IntArrayList();
            IntArrayList ids = new IntArrayList();
            offsets.add(0);
            // Active intervals, by end; small in practice (overlapping genes).
            List<long[]> active = new ArrayList<>();
            int next = 0;
            int[] previousLabels = null;
            for (int p = 0; p < points.length; p++) {
                long from = points[p];
                if (p + 1 < points.length && points[p + 1] == from) {
                    continue;
                }
                while (next < n && intervals.get(next)[0] <= from) {
                    active.add(intervals.get(next++));
                }
                active.removeIf(iv -> iv[1] <= from);
                if (p + 1 >= points.length) {
                    break;
                }
                long to = points[p + 1];
                if (active.isEmpty()) {
                    previousLabels = null;
                    continue;
                }
                int[] labelSet = active.stream().mapToInt(iv -> (int) iv[2]).distinct().sorted().toArray();
                int last = starts.size() - 1;
                if (previousLabels != null && last >= 0 && ends.getLong(last) == from
                        && Arrays.equals(previousLabels, labelSet)) {
                    ends.set(last, to);
                } else {
                    starts.add(from);
                    ends.add(to);
                    for (int id : labelSet) {
                        ids.add(id);
                    }
                    offsets.add(ids.size());
                }
                previousLabels = labelSet;
            }
            return new ContigSegments(starts.toLongArray(), ends.toLongArray(), offsets.toIntArray(), ids.toIntArray());
        }
    }
}
