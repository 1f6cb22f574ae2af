// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import org.genvag.io.vcf.VcfRecord;

/**
 * The lines of one future block, copied off the reading thread so that a worker can take them apart while the
 * reader goes on: the bytes, where each line starts and ends, and its line number for error messages.
 */
final class RecordBatch {
    final ByteSink bytes = new ByteSink(1 << 16);
    int[] starts = new int[256];
    int[] ends = new int[256];
    long[] lines = new long[256];
    int size;
    String contig;

    void clear() {
        bytes.clear();
        size = 0;
        contig = null;
    }

    void add(VcfRecord r) {
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
            lines = Arrays.copyOf(lines, size * 2);
        }
        starts[size] = bytes.length;
        bytes.write(r.buffer(), r.start(), r.end());
        ends[size] = bytes.length;
        lines[size] = r.lineNumber();
        size++;
    }

    /** Feeds every line to {@code shredder} as a record view. */
    void shred(BlockShredder shredder, VcfRecord view, String source) {
        ByteBuffer buf = ByteBuffer.wrap(bytes.bytes, 0, bytes.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < size; i++) {
            view.setDetached(buf, starts[i], ends[i], lines[i], source);
            shredder.add(view, bytes.bytes);
        }
    }
}
