// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.source;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The decompressed bytes of one part of a line-oriented file, in order, each byte with the <em>key</em> that decides
 * which split owns the line after it: for BGZF the compressed offset of the byte's block (a split is a range of
 * blocks), for plain text the byte's own offset. A line belongs to the split whose key range holds the key of the
 * newline before it, as Hadoop's line reader decides; so every line is read exactly once whatever the split sizes.
 */
public interface SplitChunks extends AutoCloseable {

    /** The next chunk, between position and limit, valid until the next call; null at the end of the input. */
    ByteBuffer next() throws IOException;

    /** The key of the byte at {@code index} (a buffer index) of the last chunk returned. */
    long key(int index);

    @Override
    void close() throws IOException;
}
