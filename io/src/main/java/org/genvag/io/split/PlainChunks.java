// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.split;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.genvag.io.source.SplitChunks;

/** Uncompressed text from a byte offset: each byte's key is its own offset, so a split is any byte range. */
public final class PlainChunks implements SplitChunks {
    private final InputStream in;
    private final byte[] bytes = new byte[1 << 16];
    private final ByteBuffer view = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    private long chunkStart;
    private long nextStart;

    /** {@code in} is positioned at byte {@code start}. */
    public PlainChunks(InputStream in, long start) {
        this.in = in;
        this.nextStart = start;
    }

    @Override
    public ByteBuffer next() throws IOException {
        int n = in.read(bytes, 0, bytes.length);
        if (n < 0) {
            return null;
        }
        chunkStart = nextStart;
        nextStart += n;
        return view.clear().limit(n);
    }

    @Override
    public long key(int index) {
        return chunkStart + index;
    }


    @Override
    public void close() throws IOException {
        in.close();
    }
}
