// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.store;

/**
 * Values of one width appended to a {@link ByteSink}, least significant bit first: the layout of packed numbers and
 * of byte codes. Fewer than 8 bits wait between values, so a value of up to 56 bits always fits the accumulator.
 */
final class BitWriter {
    private final ByteSink out;
    private final int width;
    private long acc;
    private int bits;

    BitWriter(ByteSink out, int width) {
        this.out = out;
        this.width = width;
    }

    /** Appends the low {@code width} bits of {@code value} (the caller keeps it below 2^width). */
    void put(long value) {
        acc |= value << bits;
        bits += width;
        while (bits >= 8) {
            out.write((int) acc & 0xFF);
            acc >>>= 8;
            bits -= 8;
        }
    }

    /** Writes the last, partly filled byte. */
    void flush() {
        if (bits > 0) {
            out.write((int) acc & 0xFF);
        }
    }
}
