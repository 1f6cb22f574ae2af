// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.bgzf;

/**
 * Raw-deflates one BGZF block's input at bgzip's default level (6). One instance per thread: compressors are
 * stateful. The JDK's zlib always; libdeflate's where it loads (twice as fast, and smaller).
 */
public interface BlockCompressor extends AutoCloseable {
    /**
     * Deflates {@code src[off, off+len)} into {@code dst[dstOff, dstOff+capacity)} as raw deflate data.
     *
     * @return the compressed length, or -1 when it does not fit in {@code capacity}
     */
    int compress(byte[] src, int off, int len, byte[] dst, int dstOff, int capacity);

    /** A short name for logs: which implementation did the work. */
    String name();

    @Override
    void close();
}
