// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;

import org.genvag.core.interval.ContigSegments;
import org.genvag.core.interval.IntervalIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every coverage figure comes from {@link PanelDepth} (depth per panel base) and {@link DepthStats} (mean, median,
 * minimum, bases at each threshold): hand-counted arrays at the edges of regions and thresholds, and per-base
 * counting by brute force on random reads as the reference.
 */
class DepthArithmeticTest {
    private static final int[] THRESHOLDS = {10, 20, 30};

    @Test
    void statsOfAHandCountedArray() {
        DepthStats s = new DepthStats(THRESHOLDS);
        int[] depths = {99, 0, 0, 5, 10, 20, 20, 30, 99};   // the 99s lie outside [1, 8)
        s.add(depths, 1, 8);
        assertEquals(7, s.bases());
        assertEquals(85.0 / 7, s.mean(), 1e-12);
        assertEquals(0, s.min());
        assertEquals(10, s.median(), "sorted 0 0 5 10 20 20 30: rank 3");
        assertEquals(4, s.basesAtLeast(0), ">= 10 counts 10 itself");
        assertEquals(3, s.basesAtLeast(1));
        assertEquals(1, s.basesAtLeast(2));
        assertEquals(3.0 / 7, s.fractionAtLeast(1), 1e-12);
    }

    @Test
    void theMedianOfAnEvenCountIsTheLowerOne() {
        DepthStats s = new DepthStats(THRESHOLDS);
        s.add(new int[] {8, 2, 6, 4}, 0, 4);
        assertEquals(4, s.median(), "2 4 6 8: rank (4-1)/2 = 1");
    }

    @Test
    void emptyStatsAreZeroNotNaN() {
        DepthStats s = new DepthStats(THRESHOLDS);
        assertEquals(0, s.bases());
        assertEquals(0.0, s.mean());
        assertEquals(0, s.min());
        assertEquals(0, s.median());
        assertEquals(0.0, s.fractionAtLeast(0));
    }

    @Test
    void depthsAboveTheCapKeepTheirSumButShareTheLastBin() {
        DepthStats s = new DepthStats(new int[] {DepthStats.CAP, DepthStats.CAP + 5});
        s.add(new int[] {DepthStats.CAP + 10, DepthStats.CAP + 20, 1}, 0, 3);
        assertEquals((2.0 * DepthStats.CAP + 31) / 3, s.mean(), 1e-9, "the mean is exact");
        assertEquals(DepthStats.CAP, s.median(), "the median is capped, as mosdepth's distribution is");
        assertEquals(2, s.basesAtLeast(0));
        assertEquals(2, s.basesAtLeast(1), "a threshold above the cap counts from the cap");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3})
    void mergingPartsEqualsAddingTheWhole(int seed) {
        Random r = new Random(seed);
        int[] depths = new int[5_000];
        for (int i = 0; i < depths.length; i++) {
            depths[i] = r.nextInt(i % 97 == 0 ? 400 : 60);
        }
        DepthStats whole = new DepthStats(THRESHOLDS);
        whole.add(depths, 0, depths.length);
        DepthStats merged = new DepthStats(THRESHOLDS);
        for (int from = 0; from < depths.length; from += 700) {
            DepthStats part = new DepthStats(THRESHOLDS);
            part.add(depths, from, Math.min(depths.length, from + 700));
            merged.merge(part);
        }
        int[] sorted = depths.clone();
        Arrays.sort(sorted);
        assertEquals(sorted[(sorted.length - 1) / 2], whole.median());
        assertEquals(Arrays.stream(depths).filter(d -> d >= 20).count(), whole.basesAtLeast(1));
        for (DepthStats s : new DepthStats[] {whole, merged}) {
            assertEquals(depths.length, s.bases());
            assertEquals(Arrays.stream(depths).average().orElseThrow(), s.mean(), 1e-9);
            assertEquals(sorted[0], s.min());
            assertEquals(whole.median(), s.median());
            for (int t = 0; t < THRESHOLDS.length; t++) {
                assertEquals(whole.basesAtLeast(t), s.basesAtLeast(t));
            }
        }
    }

    private static ContigSegments segments(long... startEnd) {
        IntervalIndex.Builder b = IntervalIndex.builder();
        for (int i = 0; i < startEnd.length; i += 2) {
            b.add("1", startEnd[i], startEnd[i + 1], "r" + i);
        }
        return b.build().contig("1");
    }

    @Test
    void blocksAtTheEdgesOfRegions() {
        // Regions [10, 20) and [30, 35); reads given as aligned blocks, half-open.
        PanelDepth p = new PanelDepth();
        p.reset(segments(10, 20, 30, 35));
        p.startRead(0);
        p.addBlock(0, 10, 1);     // ends where the first region starts: touches nothing
        p.startRead(5);
        p.addBlock(5, 11, 1);     // covers base 10 only
        p.startRead(19);
        p.addBlock(19, 31, 1);    // the first region's last base and the second's first, across the gap
        p.startRead(20);
        p.addBlock(20, 30, 1);    // the gap exactly: nothing
        p.startRead(32);
        p.addBlock(32, 40, 1);    // runs past the last region's end
        p.addBlock(33, 34, -1);   // a mate overlap counted once: removed again
        p.finish();
        int[] first = new int[10];
        int[] second = new int[5];
        for (int k = 0; k < 10; k++) {
            first[k] = p.depth(0, k);
        }
        for (int k = 0; k < 5; k++) {
            second[k] = p.depth(1, k);
        }
        assertEquals("[1, 0, 0, 0, 0, 0, 0, 0, 0, 1]", Arrays.toString(first));
        assertEquals("[1, 0, 1, 0, 1]", Arrays.toString(second));
    }

    /** Random reads of several blocks over random regions, against a per-base count over the whole contig. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void depthsEqualBruteForceCounting(int seed) {
        Random r = new Random(seed);
        int length = 20_000;
        long[] regions = new long[40];
        long at = r.nextInt(50);
        for (int i = 0; i < regions.length; i += 2) {
            regions[i] = at;
            regions[i + 1] = at + 1 + r.nextInt(600);
            at = regions[i + 1] + 1 + r.nextInt(300);
        }
        ContigSegments segs = segments(regions);
        int[] truth = new int[length + 2_000];
        PanelDepth p = new PanelDepth();
        p.reset(segs);
        long start = 0;
        for (int read = 0; read < 4_000; read++) {
            start += r.nextInt(8);
            p.startRead(start);
            long pos = start;
            for (int block = 1 + r.nextInt(3); block > 0; block--) {
                long end = pos + 1 + r.nextInt(150);
                p.addBlock(pos, end, 1);
                for (long x = pos; x < end; x++) {
                    truth[(int) x]++;
                }
                pos = end + r.nextInt(400);   // a deletion or a splice between blocks
            }
        }
        p.finish();
        for (int i = 0; i < segs.size(); i++) {
            for (long x = segs.start(i); x < segs.end(i); x++) {
                assertEquals(truth[(int) x], p.depth(i, (int) (x - segs.start(i))), "base " + x);
            }
        }
        // Reused for the next contig, the array starts from zero.
        p.reset(segs);
        p.finish();
        assertEquals(0, p.depth(0, 0));
    }
}
