// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.coverage;

import java.util.Arrays;

import org.genvag.core.coverage.PanelDepth;
import org.genvag.io.bam.BamRecord;

/**
 * Turns alignments into depth, the way mosdepth does by default: reads with any flag in the mask (default 1796:
 * unmapped, secondary, QC-failed, duplicate) or MAPQ below the minimum are skipped; aligned blocks are the runs of
 * M, = and X operations, split by D and N (mosdepth 0.3.3 leaves a deletion uncovered, as checked against it; an
 * insertion does not split a block); I, S, H and P cover nothing.
 * Where the two reads of a proper pair overlap, the overlap is counted once: the left read's blocks wait until its
 * mate arrives ({@link WaitingMates}: keyed by both positions, names compared as bytes, nothing allocated per read),
 * and the bases both reads cover are taken back once.
 */
final class ReadDepthWalker {
    private final int flagMask;
    private final int minMapq;
    private final PanelDepth depth;
    private final WaitingMates waiting = new WaitingMates();
    private long[] blocks = new long[16];
    private int blockCount;
    private long counted;
    private long filtered;
    private long overlapsCorrected;

    ReadDepthWalker(PanelDepth depth, int flagMask, int minMapq) {
        this.depth = depth;
        this.flagMask = flagMask;
        this.minMapq = minMapq;
    }

    /** A new contig: mates left waiting on the previous one will not come. */
    void newContig() {
        waiting.clear();
    }

    void add(BamRecord r) {
        if ((r.flag() & flagMask) != 0 || r.mapq() < minMapq) {
            filtered++;
            return;
        }
        counted++;
        int pos = r.pos();
        waiting.expire(pos);
        depth.startRead(pos);
        collectBlocks(r, pos);
        int flag = r.flag();
        if ((flag & BamRecord.FLAG_PROPER_PAIR) != 0 && r.refId() == r.mateRefId()) {
            int matePos = r.matePos();
            long end = blocks[blockCount * 2 - 1];
            if (pos < matePos) {
                if (end > matePos) {
                    waiting.add(r, pos, matePos, blocks, blockCount);
                }
            } else if (pos > matePos) {
                if (waiting.size() > 0) {
                    correctOverlap(r, pos, matePos);
                }
            } else if (!correctOverlap(r, pos, matePos)) {
                // mates starting together: the first waits, the second corrects
                waiting.add(r, pos, matePos, blocks, blockCount);
            }
        }
        for (int b = 0; b < blockCount; b++) {
            depth.addBlock(blocks[2 * b], blocks[2 * b + 1], 1);
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

    /** True when the mate was waiting and the overlap has been taken back. */
    private boolean correctOverlap(BamRecord r, int pos, int matePos) {
        int slot = waiting.take(r, pos, matePos);
        if (slot < 0) {
            return false;
        }
        subtractOverlap(waiting.blocks(slot), waiting.blockCount(slot));
        overlapsCorrected++;
        return true;
    }

    /**
     * Where both reads' blocks cover a base, take one count back (mosdepth's pair-depth walk): each read's blocks are
     * sorted and disjoint, so the bases both cover are the pairwise intersections, found in one merge-like pass.
     */
    private void subtractOverlap(long[] mate, int mateCount) {
        int a = 0;
        int b = 0;
        while (a < blockCount && b < mateCount) {
            long aStart = blocks[2 * a];
            long aEnd = blocks[2 * a + 1];
            long bStart = mate[2 * b];
            long bEnd = mate[2 * b + 1];
            long from = Math.max(aStart, bStart);
            long to = Math.min(aEnd, bEnd);
            if (from < to) {
                depth.addBlock(from, to, -1);
            }
            if (aEnd < bEnd) {
                a++;
            } else {
                b++;
            }
        }
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
