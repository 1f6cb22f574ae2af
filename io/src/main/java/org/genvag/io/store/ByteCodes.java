// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.store;

/**
 * A column of bytes drawn from a small alphabet, stored as codes ({@link StoreFormat#ENCODING_CODES}): each byte
 * replaced by its rank among the column's distinct bytes, in the fewest bits that hold the largest rank. Tag and
 * code columns (genotypes 0/1 or 1/1, an ID that is "." or an rsID, one of twelve SNVs) take two to a dozen values
 * in random order; LZ4, having no entropy coder, spends five to eight bits on each, codes one to four. Layout: varint
 * count, u8 distinct values less one, the distinct values ascending, u8 width, then {@code ceil(count * width / 8)}
 * bytes, codes least significant bit first.
 */
final class ByteCodes {
    /** Widest code tried: beyond 16 values, codes save too little over LZ4 to be worth a pass. */
    static final int MAX_WIDTH = 4;

    private ByteCodes() {
    }

    /**
     * The coded form of {@code column[0, length)} into {@code out} (cleared), or false when the column has more
     * than 2^{@value #MAX_WIDTH} distinct bytes ({@code out} then undefined).
     */
    static boolean pack(byte[] column, int length, ByteSink out) {
        long[] seen = new long[4];
        for (int i = 0; i < length; i++) {
            int b = column[i] & 0xFF;
            seen[b >>> 6] |= 1L << b;
        }
        int distinct = Long.bitCount(seen[0]) + Long.bitCount(seen[1]) + Long.bitCount(seen[2])
                + Long.bitCount(seen[3]);
        if (distinct == 0 || distinct > 1 << MAX_WIDTH) {
            return false;
        }
        byte[] code = new byte[256];
        out.clear();
        out.varint(length);
        out.write(distinct - 1);
        int rank = 0;
        for (int b = 0; b < 256; b++) {
            if ((seen[b >>> 6] & (1L << b)) != 0) {
                code[b] = (byte) rank++;
                out.write(b);
            }
        }
        int width = 32 - Integer.numberOfLeadingZeros(distinct - 1);
        out.write(width);
        BitWriter bits = new BitWriter(out, width);
        for (int i = 0; i < length; i++) {
            bits.put(code[column[i] & 0xFF]);
        }
        bits.flush();
        return true;
    }

    /**
     * The bytes {@code coded[0, length)} stands for, into {@code out} (cleared).
     *
     * @throws ByteCursor.Underflow when the coded bytes end early or say something impossible
     */
    static void unpack(byte[] coded, int length, ByteSink out) {
        ByteCursor in = new ByteCursor(coded, length);
        long count = in.varint();
        int distinct = in.u8() + 1;
        byte[] values = new byte[distinct];
        for (int i = 0; i < distinct; i++) {
            values[i] = (byte) in.u8();
        }
        int width = in.u8();
        if (count < 0 || count > Integer.MAX_VALUE - 16 || width > MAX_WIDTH
                || (1 << width) < distinct || (count * width + 7) / 8 != length - in.pos) {
            throw new ByteCursor.Underflow();
        }
        out.clear();
        int n = (int) count;
        if (out.bytes.length < n) {
            out.bytes = new byte[Math.max(n, out.bytes.length * 2)];
        }
        int mask = (1 << width) - 1;
        int at = in.pos;
        int acc = 0;
        int bits = 0;
        byte[] dst = out.bytes;
        for (int i = 0; i < n; i++) {
            if (bits < width) {
                acc |= (coded[at++] & 0xFF) << bits;
                bits += 8;
            }
            int c = acc & mask;
            if (c >= distinct) {
                throw new ByteCursor.Underflow();
            }
            dst[i] = values[c];
            acc >>>= width;
            bits -= width;
        }
        out.length = n;
    }
}
