// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Packing a varint column and unpacking it gives the same bytes, at every width; what cannot be packed is not. */
class PackedNumbersTest {
    static byte[] varints(long... values) {
        ByteSink s = new ByteSink(16);
        for (long v : values) {
            s.varint(v);
        }
        return Arrays.copyOf(s.bytes, s.length);
    }

    static byte[] roundTrip(byte[] column) {
        ByteSink packed = new ByteSink(16);
        int encoding = PackedNumbers.pack(column, column.length, packed);
        assertTrue(encoding >= 0);
        ByteSink back = new ByteSink(16);
        PackedNumbers.unpack(encoding, packed.bytes, packed.length, back);
        return Arrays.copyOf(back.bytes, back.length);
    }

    @Test
    void everyWidthRoundTrips() {
        SplittableRandom random = new SplittableRandom(3);
        for (int width = 0; width <= PackedNumbers.MAX_WIDTH; width++) {
            for (int count : new int[] {0, 1, 2, 7, 8, 9, 63, 64, 65, 1000}) {
                long[] values = new long[count];
                long base = random.nextLong(1L << 40);
                for (int i = 0; i < count; i++) {
                    values[i] = base + (width == 0 ? 0 : random.nextLong(1L << width));
                }
                byte[] column = varints(values);
                assertArrayEquals(column, roundTrip(column), "width " + width + ", " + count + " values");
            }
        }
    }

    @Test
    void packingSavesTheBitsVarintsWaste() {
        long[] values = new long[1000];
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < values.length; i++) {
            values[i] = 2000 + random.nextInt(5000);    // like QD x 100: 16 varint bits, 13 packed
        }
        byte[] column = varints(values);
        ByteSink packed = new ByteSink(16);
        assertEquals(StoreFormat.ENCODING_PACKED, PackedNumbers.pack(column, column.length, packed));
        assertEquals(2000, column.length);
        assertTrue(packed.length <= 1000 * 13 / 8 + 8, packed.length + " bytes");
    }

    @Test
    void whatIsNotCanonicalVarintsIsNotPacked() {
        ByteSink out = new ByteSink(16);
        assertEquals(-1, PackedNumbers.pack(new byte[] {(byte) 0x81}, 1, out), "ends inside a varint");
        assertEquals(-1, PackedNumbers.pack(new byte[] {(byte) 0x80, 0x00}, 2, out), "non-canonical zero");
        assertEquals(-1, PackedNumbers.pack(varints(0, 5, 1L << 60), varints(0, 5, 1L << 60).length, out),
                "range over 56 bits");
        assertEquals(-1, PackedNumbers.pack(varints(-1), varints(-1).length, out), "above 2^63");
    }

    @Test
    void damagedPackedBytesAreRefused() {
        byte[] column = varints(5, 9, 300, 70000);
        ByteSink packed = new ByteSink(16);
        int encoding = PackedNumbers.pack(column, column.length, packed);
        assertTrue(encoding >= 0);
        assertThrows(ByteCursor.Underflow.class, () -> PackedNumbers.unpack(encoding, packed.bytes,
                packed.length - 1, new ByteSink(16)));
    }

    @Test
    void aFirstValueOutOfRangeIsKeptApart() {
        // A block's POS column: the first delta is the absolute position, the others gaps of a few hundred bases.
        SplittableRandom random = new SplittableRandom(11);
        long[] values = new long[256];
        values[0] = 2 * 123_456_789L;
        for (int i = 1; i < values.length; i++) {
            values[i] = 2L * random.nextInt(1, 2000);
        }
        byte[] column = varints(values);
        ByteSink packed = new ByteSink(16);
        assertEquals(StoreFormat.ENCODING_PACKED_FIRST, PackedNumbers.pack(column, column.length, packed));
        assertTrue(packed.length <= 255 * 12 / 8 + 12, packed.length + " bytes: the gaps need 12 bits, not 28");
        assertArrayEquals(column, roundTrip(column));
        // A first value that is not the outlier packs with the rest.
        long[] plain = values.clone();
        plain[0] = 40;
        byte[] column2 = varints(plain);
        assertEquals(StoreFormat.ENCODING_PACKED, PackedNumbers.pack(column2, column2.length, packed));
        assertArrayEquals(column2, roundTrip(column2));
    }

    @Test
    void oneValueOrAnOutlierBeyond56BitsStillRoundTrips() {
        assertArrayEquals(varints(7), roundTrip(varints(7)));
        byte[] wide = varints(1L << 60, 3, 4, 5);   // the wide one apart, the rest in 2 bits
        assertArrayEquals(wide, roundTrip(wide));
    }
}
