// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.interval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The index and its cursor against brute force over random intervals and queries. */
class IntervalIndexTest {
    record Iv(long start, long end, String label) {
    }

    static TreeSet<String> bruteForce(List<Iv> ivs, long qs, long qe) {
        TreeSet<String> out = new TreeSet<>();
        for (Iv iv : ivs) {
            if (iv.start < qe && qs < iv.end) {
                out.add(iv.label);
            }
        }
        return out;
    }

    static TreeSet<String> viaCursor(IntervalIndex index, SegmentCursor cursor, long qs, long qe) {
        TreeSet<String> out = new TreeSet<>();
        cursor.overlaps(qs, qe);
        ContigSegments s = cursor.segments();
        for (int i = cursor.firstHit(); i < cursor.hitEnd(); i++) {
            for (int k = 0; k < s.labelCount(i); k++) {
                out.add(index.labelName(s.label(i, k)));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void sortedAndUnsortedQueriesMatchBruteForce(int seed) {
        Random r = new Random(seed);
        List<Iv> ivs = new ArrayList<>();
        IntervalIndex.Builder b = IntervalIndex.builder();
        for (int i = 0; i < 300; i++) {
            long start = r.nextInt(100_000);
            long end = start + 1 + r.nextInt(i % 10 == 0 ? 20_000 : 800);   // some long, overlapping "genes"
            Iv iv = new Iv(start, end, "g" + r.nextInt(200));
            ivs.add(iv);
            b.add("1", iv.start, iv.end, iv.label);
        }
        IntervalIndex index = b.build();
        SegmentCursor cursor = new SegmentCursor();
        cursor.reset(index.contig("1"));
        long qs = 0;
        for (int q = 0; q < 5_000; q++) {
            qs += r.nextInt(40);
            long qe = qs + 1 + r.nextInt(q % 50 == 0 ? 3_000 : 10);
            assertEquals(bruteForce(ivs, qs, qe), viaCursor(index, cursor, qs, qe), "sorted query " + qs + "-" + qe);
        }
        assertEquals(0, cursor.repositions());
        for (int q = 0; q < 2_000; q++) {
            long s = r.nextInt(130_000);
            long e = s + 1 + r.nextInt(500);
            assertEquals(bruteForce(ivs, s, e), viaCursor(index, cursor, s, e), "random query " + s + "-" + e);
        }
    }

    @Test
    void segmentsAreDisjointSortedAndMergedWhenLabelsAgree() {
        IntervalIndex index = IntervalIndex.builder()
                .add("1", 100, 200, "A").add("1", 150, 300, "B").add("1", 300, 400, "B").add("1", 500, 600, "A")
                .add("1", 600, 700, "A").add("2", 0, 10, "C").add("2", 5, 5, "empty").build();
        ContigSegments s = index.contig("1");
        // [100,150) A; [150,200) A+B; [200,400) B (two touching B intervals merge); [500,700) A.
        assertEquals(4, s.size());
        long[][] expected = {{100, 150}, {150, 200}, {200, 400}, {500, 700}};
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i][0], s.start(i));
            assertEquals(expected[i][1], s.end(i));
        }
        assertEquals(2, s.labelCount(1));
        assertEquals(500, s.coveredBases());
        assertEquals(510, index.coveredBases());
        assertEquals(null, index.contig("3"));
    }

    @Test
    void halfOpenBoundaries() {
        IntervalIndex index = IntervalIndex.builder().add("1", 100, 200, "A").build();
        SegmentCursor c = new SegmentCursor();
        c.reset(index.contig("1"));
        assertEquals(0, c.overlaps(90, 100), "ends where the region starts");
        assertEquals(1, c.overlaps(99, 101));
        assertEquals(1, c.overlaps(199, 200), "last base");
        assertEquals(0, c.overlaps(200, 201), "first base after");
    }
}
