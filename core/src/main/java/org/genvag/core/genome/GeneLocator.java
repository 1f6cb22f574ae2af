// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.genome;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The genes whose span covers a position. Genes per contig are sorted by start; the longest gene on the contig bounds
 * how far back a lookup must look, so a query is a binary search plus a short scan. Built for breakend lookups
 * (thousands per sample), not for streaming millions of records: panels use {@code IntervalIndex}.
 */
public final class GeneLocator {
    private final Map<String, Gene[]> byContig = new HashMap<>();
    private final Map<String, int[]> starts = new HashMap<>();
    private final Map<String, Integer> longest = new HashMap<>();

    public GeneLocator(List<Gene> genes) {
        Map<String, List<Gene>> grouped = new HashMap<>();
        for (Gene g : genes) {
            grouped.computeIfAbsent(g.contig(), c -> new ArrayList<>()).add(g);
        }
        grouped.forEach((contig, list) -> {
            list.sort(Comparator.comparingInt(Gene::start));
            Gene[] array = list.toArray(new Gene[0]);
            int[] s = new int[array.length];
            int max = 0;
            for (int i = 0; i < array.length; i++) {
                s[i] = array[i].start();
                max = Math.max(max, array[i].length());
            }
            byContig.put(contig, array);
            starts.put(contig, s);
            longest.put(contig, max);
        });
    }

    /** Genes covering {@code pos} (1-based) on a contig named either way (chr7 or 7), in start order. */
    public List<Gene> at(String contig, long pos) {
        String c = ContigNames.canonical(contig);
        Gene[] genes = byContig.get(c);
        if (genes == null) {
            return List.of();
        }
        int[] s = starts.get(c);
        int hi = upperBound(s, pos);          // genes [0, hi) start at or before pos
        long reach = pos - longest.get(c);
        List<Gene> out = new ArrayList<>(2);
        for (int i = hi - 1; i >= 0 && s[i] >= reach; i--) {
            if (genes[i].end() >= pos) {
                out.add(0, genes[i]);
            }
        }
        return out;
    }

    private static int upperBound(int[] s, long pos) {
        int lo = 0;
        int hi = s.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s[mid] <= pos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
