package org.genvag.core.coverage;

/**
 * Depth statistics of a set of bases (a region, a gene, a panel): mean, minimum, median (from a histogram capped at
 * {@link #CAP}, as mosdepth caps its distribution) and the count of bases at or above each threshold.
 */
public final class DepthStats {
    /** Depths above this share the last histogram bin; the median is exact below it. */
    public static final int CAP = 10_000;

    private final int[] thresholds;
    private final long[] atLeast;
    private final long[] histogram = new long[CAP + 1];
    private long bases;
    private long sum;
    private int min = Integer.MAX_VALUE;

    public DepthStats(int[] thresholds) {
        this.thresholds = thresholds.clone();
        this.atLeast = new long[thresholds.length];
    }

    /** Adds the depths {@code depths[from, to)}. */
    public void add(int[] depths, int from, int to) {
        long s = 0;
        int m = min;
        long[] h = histogram;
        for (int i = from; i < to; i++) {
            int d = depths[i];
            s += d;
            m = Math.min(m, d);
            h[Math.min(d, CAP)]++;
        }
        sum += s;
        min = m;
        bases += to - from;
        for (int t = 0; t < thresholds.length; t++) {
            int threshold = thresholds[t];
            long n = 0;
            for (int i = from; i < to; i++) {
                n += depths[i] >= threshold ? 1 : 0;
            }
            atLeast[t] += n;
        }
    }

    /** Adds {@code n} bases of depth 0 (panel stretches on contigs the alignments never reach). */
    public void addZeros(long n) {
        if (n <= 0) {
            return;
        }
        bases += n;
        histogram[0] += n;
        min = 0;
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
        for (int d = 0; d <= CAP; d++) {
            seen += histogram[d];
            if (seen > rank) {
                return d;
            }
        }
        return CAP;
    }

    public int[] thresholds() {
        return thresholds.clone();
    }

    /** Bases at or above {@code thresholds()[t]}. */
    public long basesAtLeast(int t) {
        return atLeast[t];
    }

    /** Fraction of bases at or above {@code thresholds()[t]} (0 when there are no bases). */
    public double fractionAtLeast(int t) {
        return bases == 0 ? 0 : (double) atLeast[t] / bases;
    }
}
