// SPDX-License-Identifier: Apache-2.0
package org.genvag.libdeflate;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;

import org.genvag.io.bgzf.BlockInflater;

/** libdeflate's decompressor: one call per block, straight from the compressed array into the destination buffer. */
final class LibDeflateInflater implements BlockInflater {
    private final LibDeflateLibrary lib;
    private MemorySegment decompressor;

    LibDeflateInflater(LibDeflateLibrary lib) {
        this.lib = lib;
        try {
            this.decompressor = (MemorySegment) lib.allocDecompressor.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException("libdeflate_alloc_decompressor failed", t);
        }
        if (decompressor.equals(MemorySegment.NULL)) {
            throw new OutOfMemoryError("libdeflate_alloc_decompressor returned NULL");
        }
    }

    @Override
    public int inflate(byte[] src, int off, int len, ByteBuffer dst) throws DataFormatException {
        int expected = dst.remaining();
        int result;
        try {
            result = (int) lib.decompress.invokeExact(decompressor, MemorySegment.ofArray(src).asSlice(off, len),
                    (long) len, MemorySegment.ofBuffer(dst), (long) expected, MemorySegment.NULL);
        } catch (Throwable t) {
            throw new IllegalStateException("libdeflate_deflate_decompress failed", t);
        }
        switch (result) {
            case LibDeflateLibrary.SUCCESS -> {
                dst.position(dst.position() + expected);
                return expected;
            }
            case LibDeflateLibrary.BAD_DATA -> throw new DataFormatException("invalid deflate data");
            case LibDeflateLibrary.SHORT_OUTPUT -> throw new DataFormatException("deflate data ends early: it "
                    + "inflates to fewer than the block's ISIZE bytes");
            case LibDeflateLibrary.INSUFFICIENT_SPACE -> throw new DataFormatException("inflated data larger than "
                    + "the block's ISIZE");
            default -> throw new DataFormatException("libdeflate result " + result);
        }
    }

    @Override
    public String name() {
        return "libdeflate (" + lib.name + ", Foreign Function API)";
    }

    @Override
    public void close() {
        if (decompressor != null) {
            try {
                lib.freeDecompressor.invokeExact(decompressor);
            } catch (Throwable t) {
                throw new IllegalStateException("libdeflate_free_decompressor failed", t);
            }
            decompressor = null;
        }
    }
}
