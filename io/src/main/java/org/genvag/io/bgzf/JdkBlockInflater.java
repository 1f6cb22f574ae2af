// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.bgzf;

import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** The JDK's zlib inflater, writing straight into the (direct) destination buffer. */
public final class JdkBlockInflater implements BlockInflater {
    private final Inflater inflater = new Inflater(true);

    @Override
    public int inflate(byte[] src, int off, int len, ByteBuffer dst) throws DataFormatException {
        inflater.reset();
        inflater.setInput(src, off, len);
        int start = dst.position();
        int expected = dst.remaining();
        while (!inflater.finished()) {
            int n = inflater.inflate(dst);
            if (n == 0 && !inflater.finished()) {
                if (inflater.needsInput() || !dst.hasRemaining()) {
                    throw new DataFormatException(inflater.needsInput() ? "deflate data ends early"
                            : "inflated data larger than the block's ISIZE");
                }
            }
        }
        int n = dst.position() - start;
        if (n != expected) {
            throw new DataFormatException("inflated to " + n + " bytes, expected " + expected);
        }
        return n;
    }

    @Override
    public String name() {
        return "java.util.zip.Inflater (zlib)";
    }

    @Override
    public void close() {
        inflater.end();
    }
}
