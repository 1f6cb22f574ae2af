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
     * The packed form of {@code column[0, length)} into {@code out} (cleared), or false when the column is not all
     * canonical varints (then {@code out} is undefined).
     */
    static boolean pack(byte[] column, int length, ByteSink out) {
        long min = Long.MAX_VALUE;
        long max = 0;
        int count = 0;
        int at = 0;
        while (at < length) {
            long v = 0;
            int shift = 0;
            int start = at;
            while (true) {
                if (at == length || shift > 63) {
                    return false;
                }
                int b = column[at++] & 0xFF;
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    // Canonical: no trailing zero group, and no bits beyond the 64th.
                    if ((b == 0 && at - start > 1) || (shift == 63 && b > 1)) {
                        return false;
                    }
                    break;
                }
                shift += 7;
            }
            if (v < 0) {
                return false;    // above 2^63: the range arithmetic below would overflow
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
            count++;
        }
        if (count == 0) {
            min = 0;
        }
        int width = 64 - Long.numberOfLeadingZeros(max - min);
        if (width > MAX_WIDTH) {
            return false;
        }
        out.clear();
        out.varint(count);
        out.varint(min);
        out.write(width);
        long acc = 0;
        int bits = 0;          // bits held in acc; below 8 between values, so acc never overflows
        at = 0;
        for (int i = 0; i < count; i++) {
            long v = 0;
            for (int shift = 0; ; shift += 7) {
                int b = column[at++] & 0xFF;
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    break;
                }
            }
            acc |= (v - min) << bits;
            bits += width;
            while (bits >= 8) {
                out.write((int) acc & 0xFF);
                acc >>>= 8;
                bits -= 8;
            }
        }
        if (bits > 0) {
            out.write((int) acc & 0xFF);
        }
        return true;
    }

    /**
     * The varints {@code packed[0, length)} stands for, into {@code out} (cleared).
     *
     * @throws ByteCursor.Underflow when the packed bytes end early or say something impossible
     */
    static void unpack(byte[] packed, int length, ByteSink out) {
        ByteCursor in = new ByteCursor(packed, length);
        long count = in.varint();
        long min = in.varint();
        int width = in.u8();
        if (count < 0 || width > MAX_WIDTH || (count * width + 7) / 8 != length - in.pos) {
            throw new ByteCursor.Underflow();
        }
        out.clear();
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
