// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.bgzf;

import java.util.zip.Deflater;

/** The JDK's zlib deflater at level 6, bgzip's default. */
public final class JdkBlockCompressor implements BlockCompressor {
    private final Deflater deflater = new Deflater(6, true);

    @Override
    public int compress(byte[] src, int off, int len, byte[] dst, int dstOff, int capacity) {
        deflater.reset();
        deflater.setInput(src, off, len);
        deflater.finish();
        int n = deflater.deflate(dst, dstOff, capacity);
        return deflater.finished() ? n : -1;
    }

    @Override
    public String name() {
        return "java.util.zip.Deflater (zlib), level 6";
    }

    @Override
    public void close() {
        deflater.end();
    }
}
