// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.function.Predicate;

import org.genvag.io.bgzf.ByteSource;

/**
 * A store read back as the VCF's bytes, for the VCF reader: the header first, then the lines of each block the
 * predicate accepts, in file order (only the records a query's regions overlap, when it has regions). One block's
 * lines at a time; the reported offset is the block's, for messages.
 */
final class StoreByteSource implements ByteSource {
    private final StoreReader store;
    private final List<StoreBlock> blocks;
    private final Predicate<StoreBlock> wanted;
    private final StoreQuery records;
    private final ByteSink lines = new ByteSink(1 << 20);
    private int next = -1;
    private long offset;

    /** @param records the query whose regions select records inside a block, or null for every record */
    StoreByteSource(StoreReader store, Predicate<StoreBlock> wanted, StoreQuery records) {
        this.store = store;
        this.blocks = store.blocks();
        this.wanted = wanted;
        this.records = records;
    }

    @Override
    public ByteBuffer next() throws IOException {
        if (next < 0) {
            next = 0;
            // Little-endian, as the line and field scanners' eight-bytes-at-a-time search expects.
            return ByteBuffer.wrap(store.header()).order(ByteOrder.LITTLE_ENDIAN);
        }
        while (next < blocks.size()) {
            StoreBlock b = blocks.get(next++);
            if (wanted.test(b)) {
                offset = b.offset();
                lines.clear();
                store.decode(b, lines, records == null ? null : records.selector(b));
                return ByteBuffer.wrap(lines.bytes, 0, lines.length).order(ByteOrder.LITTLE_ENDIAN);
            }
        }
        return null;
    }

    @Override
    public long compressedOffset() {
        return offset;
    }

    @Override
    public void close() throws IOException {
        store.close();
    }
}
