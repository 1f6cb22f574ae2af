// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.coverage;

import java.util.Arrays;

import org.genvag.io.bam.BamRecord;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;

/**
 * The left reads of proper pairs whose mate will overlap them, waiting for that mate, keyed by both positions and
 * told apart by name. Entries live in reused slots of primitive arrays (name bytes and aligned blocks in per-slot
 * buffers that only grow), reached through a primitive map and chained for reads sharing both positions; each expires
 * through a min-heap on its mate's position once reads have passed it (the input is coordinate-sorted). Nothing is
 * allocated per read once the buffers have grown to the data: with 2x150 reads on ~220 bp inserts most pairs wait.
 */
final class WaitingMates {
    private static final int NONE = -1;

    private final Long2IntOpenHashMap head = new Long2IntOpenHashMap();
    private long[] keys = new long[64];
    private int[] matePos = new int[64];
    private int[] next = new int[64];
    private boolean[] live = new boolean[64];
    private byte[][] names = new byte[64][];
    private int[] nameLength = new int[64];
    private long[][] blocks = new long[64][];
    private int[] blockCount = new int[64];
    private int[] free = new int[64];
    private int freeCount;
    private int used;
    private int waiting;
    /** matePos << 32 | slot, smallest mate position first; entries of slots since taken are skipped when popped. */
    private long[] heap = new long[64];
    private int heapSize;

    WaitingMates() {
        head.defaultReturnValue(NONE);
    }

    static long key(int leftPos, int rightPos) {
        return ((long) leftPos << 32) | (rightPos & 0xffffffffL);
    }

    int size() {
        return waiting;
    }

    /** A new contig: mates left waiting on the previous one will not come. */
    void clear() {
        head.clear();
        Arrays.fill(live, 0, used, false);
        freeCount = 0;
        used = 0;
        waiting = 0;
        heapSize = 0;
    }

    /** Drops the reads whose mate would have started before {@code pos}: sorted input, so it will not come. */
    void expire(int pos) {
        while (heapSize > 0 && (heap[0] >>> 32) < pos) {
            long top = pop();
            int slot = (int) top;
            if (live[slot] && matePos[slot] == (int) (top >>> 32)) {
                unlink(slot);
                release(slot);
            }
        }
    }

    /** {@code r}, starting at {@code pos}, waits for its mate at {@code mate} with these aligned blocks. */
    void add(BamRecord r, int pos, int mate, long[] readBlocks, int readBlockCount) {
        int slot = allocate();
        long k = key(pos, mate);
        keys[slot] = k;
        matePos[slot] = mate;
        live[slot] = true;
        int n = r.readNameSize();
        if (names[slot] == null || names[slot].length < n) {
            names[slot] = new byte[Math.max(n, 32)];
        }
        r.copyReadName(names[slot]);
        nameLength[slot] = n;
        if (blocks[slot] == null || blocks[slot].length < 2 * readBlockCount) {
            blocks[slot] = new long[Math.max(2 * readBlockCount, 8)];
        }
        System.arraycopy(readBlocks, 0, blocks[slot], 0, 2 * readBlockCount);
        blockCount[slot] = readBlockCount;
        next[slot] = head.get(k);
        head.put(k, slot);
        push(((long) mate << 32) | slot);
        waiting++;
    }

    /**
     * Takes {@code r}'s mate, the left read waiting at {@code matePos} for a mate at {@code pos}: its slot, whose
     * {@link #blocks} stay readable until the next {@link #add}; or -1 when it is not waiting.
     */
    int take(BamRecord r, int pos, int mate) {
        for (int s = head.get(key(mate, pos)); s != NONE; s = next[s]) {
            if (r.readNameEquals(names[s], nameLength[s])) {
                unlink(s);
                release(s);
                return s;
            }
        }
        return NONE;
    }

    long[] blocks(int slot) {
        return blocks[slot];
    }

    int blockCount(int slot) {
        return blockCount[slot];
    }

    private void unlink(int slot) {
        long k = keys[slot];
        int prev = NONE;
        for (int s = head.get(k); s != NONE; prev = s, s = next[s]) {
            if (s == slot) {
                if (prev == NONE) {
                    if (next[s] == NONE) {
                        head.remove(k);
                    } else {
                        head.put(k, next[s]);
                    }
                } else {
                    next[prev] = next[s];
                }
                return;
            }
        }
    }

    private void release(int slot) {
        live[slot] = false;
        free[freeCount++] = slot;
        waiting--;
    }

    private int allocate() {
        if (freeCount > 0) {
            return free[--freeCount];
        }
        if (used == keys.length) {
            int n = keys.length * 2;
            keys = Arrays.copyOf(keys, n);
            matePos = Arrays.copyOf(matePos, n);
            next = Arrays.copyOf(next, n);
            live = Arrays.copyOf(live, n);
            names = Arrays.copyOf(names, n);
            nameLength = Arrays.copyOf(nameLength, n);
            blocks = Arrays.copyOf(blocks, n);
            blockCount = Arrays.copyOf(blockCount, n);
            free = Arrays.copyOf(free, n);
        }
        return used++;
    }

    private void push(long entry) {
        if (heapSize == heap.length) {
            heap = Arrays.copyOf(heap, heap.length * 2);
        }
        int i = heapSize++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (heap[parent] <= entry) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = entry;
    }

    private long pop() {
        long top = heap[0];
        long last = heap[--heapSize];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= heapSize) {
                break;
            }
            if (child + 1 < heapSize && heap[child + 1] < heap[child]) {
                child++;
            }
            if (last <= heap[child]) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        if (heapSize > 0) {
            heap[i] = last;
        }
        return top;
    }
}
