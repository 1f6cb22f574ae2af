// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.store;

/**
 * Reads a decompressed column front to back. Every read is bounds-checked against the column's length: a column
 * that ends early means a corrupt store, reported by the caller with the block and column named.
 */
final class ByteCursor {
    final byte[] bytes;
    final int end;
    int pos;

    ByteCursor(byte[] bytes, int end) {
        this.bytes = bytes;
        this.end = end;
    }

    static final class Underflow extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Underflow() {
            super(null, null, false, false);
        }
    }

    int u8() {
        if (pos >= end) {
            throw new Underflow();
        }
        return bytes[pos++] & 0xFF;
    }

    long varint() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = u8();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new Underflow();
    }

    /** Steps over one varint without decoding it. */
    void skipVarint() {
        for (int i = 0; i < 10; i++) {
            if ((u8() & 0x80) == 0) {
                return;
            }
        }
        throw new Underflow();
    }

    long zigzag() {
        long v = varint();
        return (v >>> 1) ^ -(v & 1);
    }

    /** The end (exclusive) of the tab-terminated value starting at {@link #pos}; moves past the tab. */
    int tabTerminated() {
        int start = pos;
        for (int p = start; p < end; p++) {
            if (bytes[p] == '\t') {
                pos = p + 1;
                return p;
            }
        }
        throw new Underflow();
    }

    int u16() {
        return (u8() << 8) | u8();
    }

    int u32() {
        return (u8() << 24) | (u8() << 16) | (u8() << 8) | u8();
    }

    long u64() {
        return ((long) u32() << 32) | (u32() & 0xFFFFFFFFL);
    }

    boolean atEnd() {
        return pos == end;
    }
}
