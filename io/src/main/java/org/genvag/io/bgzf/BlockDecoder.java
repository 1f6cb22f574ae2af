// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.bgzf;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;

import org.genvag.core.error.InputException;

/** Inflates one whole BGZF block (header, data, footer) into a buffer and checks its ISIZE and CRC32. */
final class BlockDecoder {
    private final CRC32 crc = new CRC32();

    /**
     * Inflates the block at {@code block[at, at+size)} to {@code out} at its position, which advances by ISIZE.
     * {@code offset} is the block's compressed offset, for messages.
     */
    void inflate(byte[] block, int at, int size, ByteBuffer out, BlockInflater inflater, String source, long offset) {
        int isize = CompressedBlockReader.isize(block, at, size);
        int expectedCrc = CompressedBlockReader.crc(block, at, size);
        if (isize < 0 || isize > Bgzf.MAX_BLOCK_SIZE || isize > out.remaining()) {
            throw corrupt(source, offset, "uncompressed size " + isize + " exceeds 64 KiB");
        }
        int from = out.position();
        try {
            inflater.inflate(block, at + Bgzf.HEADER_SIZE, size - Bgzf.HEADER_SIZE - Bgzf.FOOTER_SIZE,
                    out.slice().limit(isize));
        } catch (DataFormatException e) {
            throw corrupt(source, offset, "invalid deflate data (" + e.getMessage() + ")");
        }
        crc.reset();
        crc.update(out.duplicate().position(from).limit(from + isize));
        if ((int) crc.getValue() != expectedCrc) {
            throw corrupt(source, offset, "CRC32 mismatch: the data is damaged");
        }
        out.position(from + isize);
    }

    static InputException corrupt(String source, long offset, String what) {
        return InputException.atOffset(source, offset, "corrupt BGZF block at compressed offset " + offset + ": "
                + what);
    }
}
