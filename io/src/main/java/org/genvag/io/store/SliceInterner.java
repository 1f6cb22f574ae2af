// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.store;

import java.util.Arrays;

/**
 * Byte strings to dense ids (0, 1, 2, ...), looked up straight from a buffer range without allocating: INFO keys,
 * FORMAT strings and INFO shapes repeat on nearly every record, so after the first few records every lookup is a
 * hash and a byte comparison. Open addressing over an int table; the strings live in one byte heap.
 */
final class SliceInterner {
    private int[] table = new int[64];       // id + 1, 0 = empty
    private int[] hashes = new int[32];
    private int[] offsets = new int[33];
    private byte[] heap = new byte[256];
    private int size;

    int size() {
        return size;
    }

    void clear() {
        Arrays.fill(table, 0);
        size = 0;
    }

    int intern(byte[] src, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + src[i];
        }
        int mask = table.length - 1;
        for (int slot = mix(h) & mask; ; slot = (slot + 1) & mask) {
            int id = table[slot] - 1;
            if (id < 0) {
                return add(slot, h, src, from, to);
            }
            if (hashes[id] == h && equals(id, src, from, to)) {
                return id;
            }
        }
    }

    /**
     * True when id's bytes equal {@code src[from, to)}: lets a caller confirm a predicted id (the key the previous
     * record had at this place) without hashing.
     */
    boolean is(int id, byte[] src, int from, int to) {
        return id >= 0 && id < size && equals(id, src, from, to);
    }

    /**
     * Where a key that starts at {@code from} ends, when its bytes are id's and the next byte ends a key ('=', ';',
     * tab, or {@code limit}); -1 otherwise. One pass over the key both finds its end and confirms the prediction.
     */
    int matchAt(int id, byte[] src, int from, int limit) {
        if (id < 0 || id >= size) {
            return -1;
        }
        int s = offsets[id];
        int len = offsets[id + 1] - s;
        if (from + len > limit) {
            return -1;
        }
        for (int i = 0; i < len; i++) {
            if (src[from + i] != heap[s + i]) {
                return -1;
            }
        }
        int end = from + len;
        if (end == limit) {
            return end;
        }
        byte next = src[end];
        return next == '=' || next == ';' || next == '\t' ? end : -1;
    }

    /** The bytes of an id: {@code heap()[start(id), start(id + 1))}. */
    byte[] heap() {
        return heap;
    }

    int start(int id) {
        return offsets[id];
    }

    int end(int id) {
        return offsets[id + 1];
    }

    private boolean equals(int id, byte[] src, int from, int to) {
        int s = offsets[id];
        int n = offsets[id + 1] - s;
        if (n != to - from) {
            return false;
        }
        // Keys and shapes are a few to a few dozen bytes: a plain loop costs less than Arrays.equals' setup.
        for (int i = 0; i < n; i++) {
            if (heap[s + i] != src[from + i]) {
                return false;
            }
        }
        return true;
    }

    private int add(int slot, int h, byte[] src, int from, int to) {
        int id = size++;
        if (id + 1 >= hashes.length) {
            hashes = Arrays.copyOf(hashes, hashes.length * 2);
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
        }
        int len = to - from;
        int s = offsets[id];
        if (s + len > heap.length) {
            heap = Arrays.copyOf(heap, Math.max(heap.length * 2, s + len));
        }
        System.arraycopy(src, from, heap, s, len);
        offsets[id + 1] = s + len;
        hashes[id] = h;
        table[slot] = id + 1;
        if (size * 2 > table.length) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        table = new int[table.length * 2];
        int mask = table.length - 1;
        for (int id = 0; id < size; id++) {
            int slot = mix(hashes[id]) & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = id + 1;
        }
    }

    private static int mix(int h) {
        return h ^ (h >>> 16) ^ (h >>> 7);
    }
}
