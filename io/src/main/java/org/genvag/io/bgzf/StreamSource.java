// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.bgzf;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.ZipException;

import org.genvag.core.error.InputException;

/**
 * Bytes from an ordinary stream (plain text, or plain gzip through {@code GZIPInputStream}) in 1 MiB direct
 * buffers. Plain gzip cannot be split into independent blocks, so it is inflated on the consumer's thread.
 */
final class StreamSource implements ByteSource {
    private static final int SIZE = 1 << 20;
    private final InputStream in;
    private final String source;
    private final byte[] scratch = new byte[SIZE];
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(SIZE).order(ByteOrder.LITTLE_ENDIAN);
    private long offset;
    private long start;

    StreamSource(InputStream in, String source) {
        this.in = in;
        this.source = source;
    }

    @Override
    public ByteBuffer next() throws IOException {
        int n = 0;
        try {
            while (n < SIZE) {
                int r = in.read(scratch, n, SIZE - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
        } catch (EOFException e) {
            throw new InputException(source + ": truncated gzip data: the file ends mid-stream, after " + offset
                    + " uncompressed bytes");
        } catch (ZipException e) {
            throw new InputException(source + ": corrupt gzip data after " + offset + " uncompressed bytes: "
                    + e.getMessage());
        }
        if (n == 0) {
            return null;
        }
        start = offset;
        offset += n;
        buffer.clear();
        buffer.put(scratch, 0, n).flip();
        return buffer;
    }

    /** For plain text the file offset; for gzip the uncompressed offset (gzip has no seekable offsets). */
    @Override
    public long compressedOffset() {
        return start;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
