// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.split;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.genvag.io.bgzf.ByteSource;
import org.genvag.io.source.SplitChunks;

/**
 * A whole input that cannot be split (plain gzip): every byte has key 0, so one split {@code [0, anything)} owns
 * every line.
 */
public final class WholeChunks implements SplitChunks {
    private final ByteSource bytes;

    public WholeChunks(ByteSource bytes) {
        this.bytes = bytes;
    }

    @Override
    public ByteBuffer next() throws IOException {
        return bytes.next();
    }

    @Override
    public long key(int index) {
        return 0;
    }


    @Override
    public void close() throws IOException {
        bytes.close();
    }
}
