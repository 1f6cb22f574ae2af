// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.bgzf;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Decompressed bytes in order, as a series of buffers (BGZF: one buffer per batch of blocks; plain text: one per
 * read). A buffer is valid until the next call to {@link #next()}; its contents lie between position and limit.
 */
public interface ByteSource extends AutoCloseable {

    /** The next buffer, or null at the end of input. */
    ByteBuffer next() throws IOException;

    /** Compressed (file) offset where the bytes of the last returned buffer start, for error messages. */
    long compressedOffset();

    @Override
    void close() throws IOException;
}
