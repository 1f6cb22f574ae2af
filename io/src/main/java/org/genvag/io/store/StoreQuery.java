// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.store;

import java.util.function.Predicate;

import org.genvag.core.genome.ContigNames;
import org.genvag.core.interval.ContigSegments;
import org.genvag.core.interval.IntervalIndex;
import org.genvag.core.interval.SegmentCursor;

/**
 * Which blocks of a store a region query must decode: those whose contig and [smallest POS, largest END] overlap
 * a region. Records are then tested one by one by the same filter a VCF goes through, so a store gives exactly the
 * records the VCF gives; the block test only decides what need not be decompressed. Counts what it let through.
 */
public final class StoreQuery implements Predicate<StoreBlock> {
    private final IntervalIndex regions;
    private int tested;
    private int decoded;
    private long selected;

    public StoreQuery(IntervalIndex regions) {
        this.regions = regions;
    }

    @Override
    public boolean test(StoreBlock b) {
        tested++;
        ContigSegments s = regions.contig(ContigNames.canonical(b.contig()));
        if (s == null) {
            return false;
        }
        long start = b.minPos() - 1;         // segments are 0-based, half-open
        int i = s.firstEndingAfter(start);
        boolean hit = i < s.size() && s.start(i) < b.maxEnd();
        if (hit) {
            decoded++;
        }
        return hit;
    }

    /**
     * The records of a block the regions want: the same overlap test as the panel filter (a record's REF span, or
     * POS to INFO END, against 0-based half-open segments), so the filter downstream sees every record it would keep.
     */
    BlockAssembler.Selector selector(StoreBlock b) {
        ContigSegments s = regions.contig(ContigNames.canonical(b.contig()));
        SegmentCursor cursor = new SegmentCursor();
        cursor.reset(s);
        return (pos, end) -> {
            long start = Math.max(0, pos - 1);
            boolean hit = cursor.overlaps(start, Math.max(start + 1, end)) > 0;
            if (hit) {
                selected++;
            }
            return hit;
        };
    }

    public long selected() {
        return selected;
    }

    public int decoded() {
        return decoded;
    }

    public String summary() {
        return "variant store: decoded " + decoded + " of " + tested + " blocks, those overlapping the panel, and "
                + "passed on the " + selected + " records that overlap it";
    }
}
