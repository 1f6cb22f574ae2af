// SPDX-License-Identifier: Apache-2.0
package org.genvag.libdeflate;

import java.lang.foreign.MemorySegment;

import org.genvag.io.bgzf.BlockCompressor;

/** libdeflate's compressor at level 6, bgzip's default: one call per block, array to array. */
final class LibDeflateCompressor implements BlockCompressor {
    static final int LEVEL = 6;

    private final LibDeflateLibrary lib;
    private MemorySegment compressor;

    LibDeflateCompressor(LibDeflateLibrary lib) {
        this.lib = lib;
        try {
            this.compressor = (MemorySegment) lib.allocCompressor.invokeExact(LEVEL);
        } catch (Throwable t) {
            throw new IllegalStateException("libdeflate_alloc_compressor failed", t);
        }
        if (compressor.equals(MemorySegment.NULL)) {
            throw new OutOfMemoryError("libdeflate_alloc_compressor returned NULL");
        }
    }

    @Override
    public int compress(byte[] src, int off, int len, byte[] dst, int dstOff, int capacity) {
        long n;
        try {
            n = (long) lib.compress.invokeExact(compressor, MemorySegment.ofArray(src).asSlice(off, len), (long) len,
                    MemorySegment.ofArray(dst).asSlice(dstOff, capacity), (long) capacity);
        } catch (Throwable t) {
            throw new IllegalStateException("libdeflate_deflate_compress failed", t);
        }
        return n == 0 ? -1 : (int) n;
    }

    @Override
    public String name() {
        return "libdeflate (" + lib.name + ", Foreign Function API), level " + LEVEL;
    }

    @Override
    public void close() {
        if (compressor != null) {
            try {
                lib.freeCompressor.invokeExact(compressor);
            } catch (Throwable t) {
                throw new IllegalStateException("libdeflate_free_compressor failed", t);
            }
            compressor = null;
        }
    }
}
