// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Coding a column by the ranks of its few distinct bytes and decoding it gives the same bytes, at every width. */
class ByteCodesTest {
    static byte[] roundTrip(byte[] column) {
        ByteSink coded = new ByteSink(16);
        assertTrue(ByteCodes.pack(column, column.length, coded));
        ByteSink back = new ByteSink(16);
        ByteCodes.unpack(coded.bytes, coded.length, back);
        return Arrays.copyOf(back.bytes, back.length);
    }

    @Test
    void everyAlphabetSizeRoundTrips() {
        SplittableRandom random = new SplittableRandom(17);
        for (int distinct = 1; distinct <= 16; distinct++) {
            byte[] alphabet = new byte[distinct];
            for (int i = 0; i < distinct; i++) {
                alphabet[i] = (byte) (random.nextInt(256));   // any bytes, high bit included
            }
            for (int count : new int[] {1, 2, 7, 8, 9, 255, 256, 1000}) {
                byte[] column = new byte[count];
                for (int i = 0; i < count; i++) {
                    column[i] = alphabet[random.nextInt(distinct)];
                }
                assertArrayEquals(column, roundTrip(column), distinct + " values, " + count + " bytes");
            }
        }
    }

    @Test
    void twoValuesCostOneBitEach() {
        // fmt:GT.t of a germline sample: 0/1 or 1/1 (tags 48 and 60) in random order.
        SplittableRandom random = new SplittableRandom(2);
        byte[] column = new byte[256];
        for (int i = 0; i < column.length; i++) {
            column[i] = (byte) (random.nextBoolean() ? 48 : 60);
        }
        ByteSink coded = new ByteSink(16);
        assertTrue(ByteCodes.pack(column, column.length, coded));
        assertEquals(2 + 1 + 2 + 1 + 32, coded.length, "count, alphabet size, 2 values, width, 256 bits");
    }

    @Test
    void moreThanSixteenValuesAreNotCoded() {
        byte[] column = new byte[17];
        for (int i = 0; i < column.length; i++) {
            column[i] = (byte) i;
        }
        assertFalse(ByteCodes.pack(column, column.length, new ByteSink(16)));
        assertFalse(ByteCodes.pack(column, 0, new ByteSink(16)), "an empty column has nothing to code");
    }

    @Test
    void damagedCodesAreRefused() {
        byte[] column = {5, 9, 5, 5, 9, 7, 7, 5, 9};
        ByteSink coded = new ByteSink(16);
        assertTrue(ByteCodes.pack(column, column.length, coded));
        assertThrows(ByteCursor.Underflow.class, () -> ByteCodes.unpack(coded.bytes, coded.length - 1,
                new ByteSink(16)), "cut short");
        // Three values in two bits: code 3 names no value.
        byte[] bad = Arrays.copyOf(coded.bytes, coded.length);
        bad[bad.length - 1] = (byte) 0xFF;
        assertThrows(ByteCursor.Underflow.class, () -> ByteCodes.unpack(bad, bad.length, new ByteSink(16)),
                "a code beyond the alphabet");
    }
}
