// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Numbers written in decimal read as Long.toString writes them, at every length and at the int/long boundary. */
class ByteSinkTest {
    private static String decimal(long v) {
        ByteSink s = new ByteSink(4);
        s.decimal(v);
        return new String(s.bytes, 0, s.length, StandardCharsets.US_ASCII);
    }

    @Test
    void decimalsAreLongToString() {
        long[] edges = {0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 9999, 10_000, 99_999, 100_000, 999_999, 1_000_000,
            9_999_999, 10_000_000, 99_999_999, 100_000_000, 999_999_999, 1_000_000_000, Integer.MAX_VALUE,
            Integer.MAX_VALUE + 1L, 9_999_999_999L, 10_000_000_000L, Long.MAX_VALUE, -1, -10, -Integer.MAX_VALUE,
            -(Long.MAX_VALUE)};
        for (long v : edges) {
            assertEquals(Long.toString(v), decimal(v));
        }
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 100_000; i++) {
            long v = random.nextLong() >>> random.nextInt(64);
            assertEquals(Long.toString(v), decimal(v));
        }
    }

    @Test
    void fixedPointIsTheMantissaOverAPowerOfTen() {
        SplittableRandom random = new SplittableRandom(13);
        for (int i = 0; i < 100_000; i++) {
            int digits = 1 + random.nextInt(9);
            long mantissa = random.nextInt(3) == 0 ? random.nextInt(1000) : random.nextLong(100_000_000_000_000_000L);
            ByteSink s = new ByteSink(4);
            s.fixedPoint(mantissa, digits);
            assertEquals(java.math.BigDecimal.valueOf(mantissa, digits).toPlainString(),
                    new String(s.bytes, 0, s.length, StandardCharsets.US_ASCII), mantissa + " / 10^" + digits);
        }
    }
}
