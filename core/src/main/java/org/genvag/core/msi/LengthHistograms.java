// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.msi;

/**
 * Repeat-length counts per site in one flat primitive array: row {@code site}, column the repeat length in bases
 * seen in a read (0..{@value #MAX_LENGTH}; longer ones are counted as not evaluable). Filled while a BAM streams.
 */
public final class LengthHistograms {
    public static final int MAX_LENGTH = 255;
    private static final int BINS = MAX_LENGTH + 1;
    private final int[] counts;
    private final int[] reads;
    private final int sites;

    public LengthHistograms(int sites) {
        this.sites = sites;
        this.counts = new int[sites * BINS];
        this.reads = new int[sites];
    }

    public void add(int site, int length) {
        if (length >= 0 && length <= MAX_LENGTH) {
            counts[site * BINS + length]++;
            reads[site]++;
        }
    }

    public int reads(int site) {
        return reads[site];
    }

    public int count(int site, int length) {
        return counts[site * BINS + length];
    }

    public int sites() {
        return sites;
    }

    /** Adds another sample's counts to these (pooling normals into a baseline). */
    public void addAll(LengthHistograms other) {
        if (other.sites != sites) {
            throw new IllegalArgumentException("site lists differ: " + other.sites + " vs " + sites);
        }
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        for (int i = 0; i < sites; i++) {
            reads[i] += other.reads[i];
        }
    }

    /** Sets a count directly (reading a stored baseline). */
    public void set(int site, int length, int count) {
        int old = counts[site * BINS + length];
        counts[site * BINS + length] = count;
        reads[site] += count - old;
    }
}
