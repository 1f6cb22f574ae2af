// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.coverage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.genvag.core.coverage.PanelDepth;
import org.genvag.io.bam.BamRecord;

import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;

/**
 * Turns alignments into depth, the way mosdepth does by default: reads with any flag in the mask (default 1796:
 * unmapped, secondary, QC-failed, duplicate) or MAPQ below the minimum are skipped; aligned blocks are the runs of
 * M, = and X operations, split by D and N (mosdepth 0.3.3 leaves a deletion uncovered, as checked against it; an
 * insertion does not split a block); I, S, H and P cover nothing.
 * Where the two reads of a proper pair overlap, the overlap is counted once: the left read's blocks wait until its
 * mate arrives, keyed by both positions; names are compared as bytes.
 */
final class ReadDepthWalker {
    private final int flagMask;
    private final int minMapq;
    private final PanelDepth depth;
    private final Long2ObjectOpenHashMap<List<Pending>> pending = new Long2ObjectOpenHashMap<>();
    private long[] blocks = new long[16];
    private int blockCount;
    private long counted;
    private long filtered;
    private long overlapsCorrected;

    private record Pending(byte[] name, long[] blocks, int matePos) {
    }

    ReadDepthWalker(PanelDepth depth, int flagMask, int minMapq) {
        this.depth = depth;
        this.flagMask = flagMask;
        this.minMapq = minMapq;
    }

    /** A new contig: mates left waiting on the previous one will not come. */
    void newContig() {
        pending.clear();
    }

    void add(BamRecord r) {
        if ((r.flag() & flagMask) != 0 || r.mapq() < minMapq) {
            filtered++;
            return;
        }
        counted++;
        int pos = r.pos();
        depth.startRead(pos);
        collectBlocks(r, pos);
        int flag = r.flag();
        if ((flag & BamRecord.FLAG_PROPER_PAIR) != 0 && r.refId() == r.mateRefId()) {
            int matePos = r.matePos();
            long end = blocks[blockCount * 2 - 1];
            if (pos < matePos) {
                if (end > matePos) {
                    remember(r, pos, matePos);
                }
            } else if (pos > matePos) {
                if (!pending.isEmpty()) {
                    correctOverlap(r, pos, matePos);
                }
            } else if (!correctOverlap(r, pos, matePos)) {
                remember(r, pos, matePos);   // mates starting together: the first waits, the second corrects
            }
        }
        for (int b = 0; b < blockCount; b++) {
            depth.addBlock(blocks[2 * b], blocks[2 * b + 1], 1);
        }
        if (pending.size() > 4096) {
            purge(pos);
        }
    }

    private void collectBlocks(BamRecord r, int pos) {
        blockCount = 0;
        long p = pos;
        long start = -1;
        for (int i = 0, n = r.cigarCount(); i < n; i++) {
            int word = r.cigarWord(i);
            int len = BamRecord.lengthOf(word);
            switch (BamRecord.opOf(word)) {
                case BamRecord.OP_M, BamRecord.OP_EQ, BamRecord.OP_X -> {
                    if (start < 0) {
                        start = p;
                    }
                    p += len;
                }
                case BamRecord.OP_D, BamRecord.OP_N -> {
                    if (start >= 0) {
                        addBlock(start, p);
                        start = -1;
                    }
                    p += len;
                }
                default -> { }
            }
        }
        if (start >= 0) {
            addBlock(start, p);
        }
        if (blockCount == 0) {
            addBlock(pos, pos);   // no aligned base: an empty block keeps the bookkeeping simple
        }
    }

    private void addBlock(long s, long e) {
        if (2 * blockCount + 2 > blocks.length) {
            blocks = Arrays.copyOf(blocks, blocks.length * 2);
        }
        blocks[2 * blockCount] = s;
        blocks[2 * blockCount + 1] = e;
        blockCount++;
    }

    private static long key(int leftPos, int rightPos) {
        return ((long) leftPos << 32) | (rightPos & 0xffffffffL);
    }

    private void remember(BamRecord r, int pos, int matePos) {
        pending.computeIfAbsent(key(pos, matePos), k -> new ArrayList<>(1))
                .add(new Pending(r.readNameBytes(), Arrays.copyOf(blocks, 2 * blockCount), matePos));
    }

    /** True when the mate was waiting and the overlap has been taken back. */
    private boolean correctOverlap(BamRecord r, int pos, int matePos) {
        long k = key(matePos, pos);
        List<Pending> candidates = pending.get(k);
        if (candidates == null) {
            return false;
        }
        for (int i = 0; i < candidates.size(); i++) {
            Pending mate = candidates.get(i);
            if (r.readNameEquals(mate.name())) {
                candidates.remove(i);
                if (candidates.isEmpty()) {
                    pending.remove(k);
                }
                subtractOverlap(mate.blocks());
                overlapsCorrected++;
                return true;
            }
        }
        return false;
    }

    /** Where both reads' blocks cover a base, take one count back (mosdepth's pair-depth walk). */
    private void subtractOverlap(long[] mateBlocks) {
        // Events as pos << 21 | order << 1 | isEnd: sorting the longs orders by position and, at equal positions,
        // keeps this read's events before its mate's, in their own order (a stable sort without boxing).
        int n = 2 * (blockCount + mateBlocks.length / 2);
        long[] events = new long[n];
        int e = 0;
        for (int b = 0; b < blockCount; b++, e += 2) {
            events[e] = blocks[2 * b] << 21 | (long) e << 1;
            events[e + 1] = blocks[2 * b + 1] << 21 | (long) (e + 1) << 1 | 1;
        }
        for (int b = 0; b < mateBlocks.length / 2; b++, e += 2) {
            events[e] = mateBlocks[2 * b] << 21 | (long) e << 1;
            events[e + 1] = mateBlocks[2 * b + 1] << 21 | (long) (e + 1) << 1 | 1;
        }
        Arrays.sort(events);
        int pairDepth = 0;
        long last = 0;
        for (long ev : events) {
            long p = ev >>> 21;
            boolean isEnd = (ev & 1) != 0;
            if (isEnd && pairDepth == 2) {
                depth.addBlock(last, p, -1);
            }
            pairDepth += isEnd ? -1 : 1;
            last = p;
        }
    }

    /** Drops left reads whose mate can no longer come: reads are sorted, and the mate would have started by now. */
    private void purge(int pos) {
        pending.values().removeIf(list -> {
            list.removeIf(p -> p.matePos() < pos);
            return list.isEmpty();
        });
    }

    long counted() {
        return counted;
    }

    long filtered() {
        return filtered;
    }

    long overlapsCorrected() {
        return overlapsCorrected;
    }
}
