// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.text;

import java.nio.ByteBuffer;

/**
 * Finds a byte eight at a time: XOR each little-endian {@code long} word with the byte repeated, and the classic
 * "has zero byte" test {@code (w - 0x01..) & ~w & 0x80..} marks the matches; the lowest mark is exact (higher ones
 * can be false, but only above a true match), so its position is the first match. Buffers must be little-endian.
 */
public final class Swar {
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private Swar() {
    }

    public static long broadcast(byte b) {
        return (b & 0xffL) * ONES;
    }

    /** First index of {@code target} in {@code buf[from, to)}, or -1; {@code pattern} is {@link #broadcast}(target). */
    public static int indexOf(ByteBuffer buf, int from, int to, byte target, long pattern) {
        int i = from;
        for (int last = to - 8; i <= last; i += 8) {
            long w = buf.getLong(i) ^ pattern;
            long t = (w - ONES) & ~w & HIGHS;
            if (t != 0) {
                return i + (Long.numberOfTrailingZeros(t) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (buf.get(i) == target) {
                return i;
            }
        }
        return -1;
    }

    /**
     * First index of {@code target} in {@code buf[from, to)} and the number of {@code counted} bytes before it, in one
     * pass: {@code count << 32 | (index & 0xffffffffL)}, index -1 (low word all ones) when {@code target} is absent
     * (then the count covers the whole range). Lets a line finder count a line's separators while it looks for the
     * line's end, at a few more operations per eight bytes instead of a second pass.
     */
    public static long indexOfCounting(ByteBuffer buf, int from, int to, long pattern, byte counted,
            long countedPattern) {
        int n = 0;
        int i = from;
        for (int last = to - 8; i <= last; i += 8) {
            long word = buf.getLong(i);
            long w = word ^ pattern;
            long t = (w - ONES) & ~w & HIGHS;
            long marks = zeroBytes(word ^ countedPattern);
            if (t != 0) {
                int at = Long.numberOfTrailingZeros(t);   // the high bit of the first match's byte
                n += Long.bitCount(marks & ((1L << at) - 1));
                return (long) n << 32 | (i + (at >>> 3));
            }
            n += Long.bitCount(marks);
        }
        byte target = (byte) pattern;
        for (; i < to; i++) {
            byte b = buf.get(i);
            if (b == target) {
                return (long) n << 32 | i;
            }
            if (b == counted) {
                n++;
            }
        }
        return (long) n << 32 | 0xffffffffL;
    }

    /** Number of {@code target} bytes in {@code buf[from, to)}. */
    public static int count(ByteBuffer buf, int from, int to, byte target, long pattern) {
        int n = 0;
        int i = from;
        for (int last = to - 8; i <= last; i += 8) {
            n += Long.bitCount(zeroBytes(buf.getLong(i) ^ pattern));
        }
        for (; i < to; i++) {
            if (buf.get(i) == target) {
                n++;
            }
        }
        return n;
    }

    /**
     * The high bit of each zero byte of {@code w}, exactly (no false positives, unlike the "has zero byte" test):
     * a byte's low seven bits added to 0x7f carry into its high bit unless they are all zero, and never into the next
     * byte; or-ing the byte itself covers its own high bit.
     */
    private static long zeroBytes(long w) {
        return ~(((w & ~HIGHS) + ~HIGHS) | w) & HIGHS;
    }
}
