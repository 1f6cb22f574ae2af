// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.store;

/**
 * A column of unsigned varints stored bit-packed (format flag {@link StoreFormat#FLAG_COLUMN_ENCODING}): the values
 * less their minimum, each in the fewest bits that hold the largest. Numbers drawn over a range (QUAL, QD, the rank
 * sums, PL) need fewer bits than their varints spend (a value up to 16,383 takes 16 varint bits, 14 packed), and
 * LZ4, having no entropy coder, cannot recover the difference. Layout: varint count, varint minimum, u8 width, then
 * {@code ceil(count * width / 8)} bytes, values least significant bit first.
 * <p>
 * Canonical varint encoding is one-to-one, so unpacking re-creates the column byte for byte; a column that is not
 * canonical varints, or whose range needs more than {@value #MAX_WIDTH} bits, is never packed.
 */
final class PackedNumbers {
    /** Widest packed value: with fewer than 8 bits pending, a value this wide still fits the 64-bit accumulator. */
    static final int MAX_WIDTH = 56;

    private PackedNumbers() {
    }

    /**
     * The packed form of {@code column[0, length)} into {@code out} (cleared), the smaller of two: every value in
     * one width ({@link StoreFormat#ENCODING_PACKED}), or the first value as a varint and the rest packed
     * ({@link StoreFormat#ENCODING_PACKED_FIRST}): a block's first POS delta is the absolute position, and would
     * otherwise widen every other delta to 29 bits.
     *
     * @return the encoding written, or -1 when the column is not all canonical varints ({@code out} then undefined)
     */
    static int pack(byte[] column, int length, ByteSink out) {
        long min = Long.MAX_VALUE;
        long max = 0;
        long restMin = Long.MAX_VALUE;
        long restMax = 0;
        long first = 0;
        int count = 0;
        int at = 0;
        while (at < length) {
            long v = 0;
            int shift = 0;
            int start = at;
            while (true) {
                if (at == length || shift > 63) {
                    return -1;
                }
                int b = column[at++] & 0xFF;
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    // Canonical: no trailing zero group, and no bits beyond the 64th.
                    if ((b == 0 && at - start > 1) || (shift == 63 && b > 1)) {
                        return -1;
                    }
                    break;
                }
                shift += 7;
            }
            if (v < 0) {
                return -1;    // above 2^63: the range arithmetic below would overflow
            }
            if (count == 0) {
                first = v;
            } else {
                restMin = Math.min(restMin, v);
                restMax = Math.max(restMax, v);
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
            count++;
        }
        if (count == 0) {
            min = 0;
        }
        int width = 64 - Long.numberOfLeadingZeros(max - min);
        int restWidth = count > 1 ? 64 - Long.numberOfLeadingZeros(restMax - restMin) : 0;
        long allBytes = ((long) count * width + 7) / 8;
        long apartBytes = ((long) (count - 1) * restWidth + 7) / 8 + varintLength(first) + 1;
        boolean apart = count > 1 && apartBytes < allBytes && restWidth <= MAX_WIDTH;
        if (!apart && width > MAX_WIDTH) {
            return -1;
        }
        out.clear();
        out.varint(count);
        at = 0;
        if (apart) {
            out.varint(first);
            at = skipVarint(column, 0);
            min = restMin;
            width = restWidth;
            count--;
        }
        out.varint(min);
        out.write(width);
        BitWriter bitsOut = new BitWriter(out, width);
        for (int i = 0; i < count; i++) {
            long v = 0;
            for (int shift = 0; ; shift += 7) {
                int b = column[at++] & 0xFF;
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    break;
                }
            }
            bitsOut.put(v - min);
        }
        bitsOut.flush();
        return apart ? StoreFormat.ENCODING_PACKED_FIRST : StoreFormat.ENCODING_PACKED;
    }

    private static int varintLength(long v) {
        return Math.max(1, (64 - Long.numberOfLeadingZeros(v) + 6) / 7);
    }

    private static int skipVarint(byte[] column, int at) {
        while ((column[at++] & 0x80) != 0) {
            // continuation bytes
        }
        return at;
    }

    /**
     * The varints {@code packed[0, length)} stands for, into {@code out} (cleared), for either packed encoding.
     *
     * @throws ByteCursor.Underflow when the packed bytes end early or say something impossible
     */
    static void unpack(int encoding, byte[] packed, int length, ByteSink out) {
        ByteCursor in = new ByteCursor(packed, length);
        long count = in.varint();
        out.clear();
        if (encoding == StoreFormat.ENCODING_PACKED_FIRST) {
            if (count < 1) {
                throw new ByteCursor.Underflow();
            }
            out.varint(in.varint());
            count--;
        }
        long min = in.varint();
        int width = in.u8();
        if (count < 0 || width > MAX_WIDTH || (count * width + 7) / 8 != length - in.pos) {
            throw new ByteCursor.Underflow();
        }
        long mask = (1L << width) - 1;
        int at = in.pos;
        long acc = 0;
        int bits = 0;
        for (long i = 0; i < count; i++) {
            while (bits < width) {
                acc |= (packed[at++] & 0xFFL) << bits;
                bits += 8;
            }
            out.varint(min + (acc & mask));
            acc >>>= width;
            bits -= width;
        }
    }
}
