// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.vcf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Record lines copied off the reading thread, so that a worker can take them apart while the reader goes on: their
 * bytes one after another, where each starts and ends, and its line number for error messages. Reused batch after
 * batch: its arrays grow to the largest batch and stay.
 */
public final class VcfLineBatch {
    private byte[] bytes = new byte[1 << 16];
    private int length;
    private int[] starts = new int[256];
    private int[] ends = new int[256];
    private long[] lines = new long[256];
    private int size;

    public void clear() {
        length = 0;
        size = 0;
    }

    public int size() {
        return size;
    }

    /** Bytes held: the lines without their newlines. */
    public int byteLength() {
        return length;
    }

    /** Copies the record's line. */
    public void add(VcfRecord r) {
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
            lines = Arrays.copyOf(lines, size * 2);
        }
        int n = r.end() - r.start();
        if (length + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(length + n, bytes.length * 2));
        }
        r.buffer().get(r.start(), bytes, length, n);
        starts[size] = length;
        length += n;
        ends[size] = length;
        lines[size] = r.lineNumber();
        size++;
    }

    /** The bytes as a little-endian buffer over this batch's array, for {@link #view}. */
    public ByteBuffer buffer() {
        return ByteBuffer.wrap(bytes, 0, length).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Makes {@code view} the {@code i}th line of {@code buffer} (this batch's {@link #buffer()}). */
    public void view(int i, ByteBuffer buffer, VcfRecord view, String source) {
        view.setDetached(buffer, starts[i], ends[i], lines[i], source);
    }

    /** The underlying array (valid until the next {@link #add}). */
    public byte[] array() {
        return bytes;
    }
}
