// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.store;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** A growable byte array written at its end: one store column while a block is built, or a block being assembled. */
final class ByteSink {
    byte[] bytes;
    int length;
    /** A sink that drops what is written: lets a reader walk past records it does not want without formatting them. */
    final boolean discard;

    ByteSink(int capacity) {
        this(capacity, false);
    }

    private ByteSink(int capacity, boolean discard) {
        bytes = new byte[Math.max(16, capacity)];
        this.discard = discard;
    }

    static ByteSink discarding() {
        return new ByteSink(16, true);
    }

    void clear() {
        length = 0;
    }

    private void ensure(int extra) {
        if (length + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + extra));
        }
    }

    void write(int b) {
        if (discard) {
            return;
        }
        ensure(1);
        bytes[length++] = (byte) b;
    }

    void write(byte[] src, int off, int len) {
        if (discard) {
            return;
        }
        ensure(len);
        System.arraycopy(src, off, bytes, length, len);
        length += len;
    }

    /** Bytes {@code [from, to)} of a buffer, by absolute index. */
    void write(ByteBuffer src, int from, int to) {
        int len = to - from;
        ensure(len);
        src.get(from, bytes, length, len);
        length += len;
    }

    /** Unsigned LEB128. */
    void varint(long v) {
        if (length + 10 > bytes.length) {
            ensure(10);
        }
        // Most values of a column take one to three bytes: written without a loop.
        if ((v & ~0x7FL) == 0) {
            bytes[length++] = (byte) v;
            return;
        }
        if ((v & ~0x3FFFL) == 0) {
            bytes[length] = (byte) (v | 0x80);
            bytes[length + 1] = (byte) (v >>> 7);
            length += 2;
            return;
        }
        if ((v & ~0x1FFFFFL) == 0) {
            bytes[length] = (byte) (v | 0x80);
            bytes[length + 1] = (byte) ((v >>> 7) | 0x80);
            bytes[length + 2] = (byte) (v >>> 14);
            length += 3;
            return;
        }
        while ((v & ~0x7FL) != 0) {
            bytes[length++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        bytes[length++] = (byte) v;
    }

    /** Signed values zigzag-encoded, so small negatives stay small. */
    void zigzag(long v) {
        varint((v << 1) ^ (v >> 63));
    }

    private static final byte[] TENS = new byte[100];
    private static final byte[] ONES = new byte[100];

    static {
        for (int i = 0; i < 100; i++) {
            TENS[i] = (byte) ('0' + i / 10);
            ONES[i] = (byte) ('0' + i % 10);
        }
    }

    /** v in decimal, two digits per division; values below 2^31 (nearly all in a VCF) in int arithmetic. */
    void decimal(long v) {
        if (discard) {
            return;
        }
        ensure(21);
        if (v < 0) {
            bytes[length++] = '-';
            v = -v;
        }
        if (v < 10) {
            bytes[length++] = (byte) ('0' + v);
            return;
        }
        if (v <= Integer.MAX_VALUE) {
            decimalAtLeastTen((int) v);
            return;
        }
        int digits = 2;
        for (long p = 100; digits < 19 && v >= p; p *= 10) {
            digits++;
        }
        int p = length + digits;
        length = p;
        while (v >= 100) {
            int r = (int) (v % 100);
            v /= 100;
            bytes[--p] = ONES[r];
            bytes[--p] = TENS[r];
        }
        if (v >= 10) {
            bytes[--p] = ONES[(int) v];
            bytes[--p] = TENS[(int) v];
        } else {
            bytes[--p] = (byte) ('0' + v);
        }
    }

    private void decimalAtLeastTen(int v) {
        int digits = v < 100 ? 2 : v < 1000 ? 3 : v < 10_000 ? 4 : v < 100_000 ? 5 : v < 1_000_000 ? 6
                : v < 10_000_000 ? 7 : v < 100_000_000 ? 8 : v < 1_000_000_000 ? 9 : 10;
        int p = length + digits;
        length = p;
        while (v >= 100) {
            int q = v / 100;
            int r = v - q * 100;
            v = q;
            bytes[--p] = ONES[r];
            bytes[--p] = TENS[r];
        }
        if (v >= 10) {
            bytes[--p] = ONES[v];
            bytes[--p] = TENS[v];
        } else {
            bytes[--p] = (byte) ('0' + v);
        }
    }

    /**
     * {@code mantissa / 10^digits} with exactly {@code digits} digits after the point ({@code mantissa >= 0},
     * {@code digits} 1..9): "0.500" from (500, 3). Written right to left in one pass, no division by a power of ten
     * chosen at run time.
     */
    void fixedPoint(long mantissa, int digits) {
        if (discard) {
            return;
        }
        long whole = mantissa;
        int wholeDigits = 0;
        for (long w = mantissa; w >= 10 && wholeDigits < 19; w /= 10) {
            wholeDigits++;
        }
        wholeDigits = Math.max(1, wholeDigits + 1 - digits);
        int total = wholeDigits + 1 + digits;
        ensure(total);
        int p = length + total;
        length = p;
        for (int i = 0; i < digits; i++) {
            bytes[--p] = (byte) ('0' + whole % 10);
            whole /= 10;
        }
        bytes[--p] = '.';
        do {
            bytes[--p] = (byte) ('0' + whole % 10);
            whole /= 10;
        } while (whole > 0);
    }

    void u16(int v) {
        write(v >>> 8);
        write(v);
    }

    void u32(int v) {
        ensure(4);
        bytes[length++] = (byte) (v >>> 24);
        bytes[length++] = (byte) (v >>> 16);
        bytes[length++] = (byte) (v >>> 8);
        bytes[length++] = (byte) v;
    }

    void u64(long v) {
        u32((int) (v >>> 32));
        u32((int) v);
    }
}
