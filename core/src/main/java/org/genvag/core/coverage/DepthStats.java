// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.coverage;
import java.util.Arrays;

/**
 * Depth statistics of a set of bases (a region, a gene, a panel): mean, minimum, median and the count of bases at or
 * above each threshold, all from one histogram of depths capped at {@link #CAP} (as mosdepth caps its distribution;
 * exact for thresholds and medians below the cap). Adding bases is one pass over them; statistics of a larger set
 * are the {@link #merge merge} of its parts' histograms.
 */
public final class DepthStats {
    /** Depths above this share the last histogram bin. */
    public static final int CAP = 10_000;

    private final int[] thresholds;
    // Grown to the highest depth seen (a 30x panel needs about 64 bins): a panel has thousands of these.
    private long[] histogram = new long[64];
    private int maxBin;
    private long bases;
    private long sum;
    private int min = Integer.MAX_VALUE;

    public DepthStats(int[] thresholds) {
        this.thresholds = thresholds.clone();
    }

    /** Adds the depths {@code depths[from, to)}. */
    public void add(int[] depths, int from, int to) {
        long s = 0;
        int m = min;
        int top = maxBin;
        long[] h = histogram;
        for (int i = from; i < to; i++) {
            int d = depths[i];
            s += d;
            m = Math.min(m, d);
            int bin = Math.min(d, CAP);
            if (bin >= h.length) {
                h = grow(bin);
            }
            top = Math.max(top, bin);
            h[bin]++;
        }
        sum += s;
        min = m;
        maxBin = top;
        bases += to - from;
    }

    private long[] grow(int bin) {
        histogram = Arrays.copyOf(histogram, Math.min(CAP + 1, Math.max(bin + 1, 2 * histogram.length)));
        return histogram;
    }

    /** Adds every base of {@code other}. */
    public void merge(DepthStats other) {
        if (other.maxBin >= histogram.length) {
            grow(other.maxBin);
        }
        for (int d = 0; d <= other.maxBin; d++) {
            histogram[d] += other.histogram[d];
        }
        maxBin = Math.max(maxBin, other.maxBin);
        bases += other.bases;
        sum += other.sum;
        min = Math.min(min, other.min);
    }

    /** Empties the statistics for reuse. */
    public void clear() {
        Arrays.fill(histogram, 0, maxBin + 1, 0);
        maxBin = 0;
        bases = 0;
        sum = 0;
        min = Integer.MAX_VALUE;
    }

    public long bases() {
        return bases;
    }

    public double mean() {
        return bases == 0 ? 0 : (double) sum / bases;
    }

    public int min() {
        return bases == 0 ? 0 : min;
    }

    /** The lower median depth (the depth of the base at rank (bases-1)/2 in depth order). */
    public int median() {
        if (bases == 0) {
            return 0;
        }
        long rank = (bases - 1) / 2;
        long seen = 0;
        for (int d = 0; d <= maxBin; d++) {
            seen += histogram[d];
            if (seen > rank) {
                return d;
            }
        }
        return maxBin;
    }

    public int[] thresholds() {
        return thresholds.clone();
    }

    /** Bases at or above {@code thresholds()[t]}. */
    public long basesAtLeast(int t) {
        int threshold = Math.min(thresholds[t], CAP);
        long n = 0;
        for (int d = threshold; d <= maxBin; d++) {
            n += histogram[d];
        }
        return n;
    }

    /** Fraction of bases at or above {@code thresholds()[t]} (0 when there are no bases). */
    public double fractionAtLeast(int t) {
        return bases == 0 ? 0 : (double) basesAtLeast(t) / bases;
    }
}
