// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.bgzf;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes BGZF: the input is cut into blocks of at most {@link Bgzf#MAX_INPUT_PER_BLOCK} bytes, each deflated into its
 * own gzip member, and {@link #close()} appends the EOF block. {@link #virtualOffset()} gives the BGZF virtual offset
 * of the next byte written, for indexes.
 */
public final class BgzfOutputStream extends OutputStream {
    private final OutputStream out;
    private final Deflater deflater;
    private final CRC32 crc = new CRC32();
    private final byte[] input = new byte[Bgzf.MAX_INPUT_PER_BLOCK];
    private final byte[] block = new byte[Bgzf.MAX_BLOCK_SIZE];
    private int inputLength;
    private long compressedOffset;
    private boolean closed;

    public BgzfOutputStream(OutputStream out) {
        this(out, 6);
    }

    public BgzfOutputStream(OutputStream out, int level) {
        this.out = out;
        this.deflater = new Deflater(level, true);
    }

    /** Virtual offset of the next byte: compressed offset of its block in the top 48 bits, offset within it below. */
    public long virtualOffset() {
        return (compressedOffset << 16) | inputLength;
    }

    @Override
    public void write(int b) throws IOException {
        if (inputLength == input.length) {
            flushBlock();
        }
        input[inputLength++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (inputLength == input.length) {
                flushBlock();
            }
            int n = Math.min(len, input.length - inputLength);
            System.arraycopy(b, off, input, inputLength, n);
            inputLength += n;
            off += n;
            len -= n;
        }
    }

    /** Ends the current block now, so that the next byte starts a new one (an index can then point at it). */
    @Override
    public void flush() throws IOException {
        if (inputLength > 0) {
            flushBlock();
        }
        out.flush();
    }

    private void flushBlock() throws IOException {
        deflater.reset();
        deflater.setInput(input, 0, inputLength);
        deflater.finish();
        int compressed = deflater.deflate(block, Bgzf.HEADER_SIZE, block.length - Bgzf.HEADER_SIZE - Bgzf.FOOTER_SIZE);
        if (!deflater.finished()) {
            // Cannot happen with MAX_INPUT_PER_BLOCK; kept as a guard so a bad block is never written.
            throw new IOException("BGZF block did not fit in 64 KiB after deflate");
        }
        int total = Bgzf.HEADER_SIZE + compressed + Bgzf.FOOTER_SIZE;
        writeHeader(block, total);
        crc.reset();
        crc.update(input, 0, inputLength);
        int p = Bgzf.HEADER_SIZE + compressed;
        putIntLE(block, p, (int) crc.getValue());
        putIntLE(block, p + 4, inputLength);
        out.write(block, 0, total);
        compressedOffset += total;
        inputLength = 0;
    }

    private static void writeHeader(byte[] b, int totalSize) {
        b[0] = 0x1f;
        b[1] = (byte) 0x8b;
        b[2] = 8;       // deflate
        b[3] = 4;       // FLG.FEXTRA
        b[4] = b[5] = b[6] = b[7] = 0; // MTIME
        b[8] = 0;       // XFL
        b[9] = (byte) 0xff; // OS unknown
        b[10] = 6;      // XLEN
        b[11] = 0;
        b[12] = 'B';
        b[13] = 'C';
        b[14] = 2;      // SLEN
        b[15] = 0;
        b[16] = (byte) (totalSize - 1);
        b[17] = (byte) ((totalSize - 1) >>> 8);
    }

    private static void putIntLE(byte[] b, int p, int v) {
        b[p] = (byte) v;
        b[p + 1] = (byte) (v >>> 8);
        b[p + 2] = (byte) (v >>> 16);
        b[p + 3] = (byte) (v >>> 24);
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (inputLength > 0) {
                flushBlock();
            }
            out.write(Bgzf.EOF_BLOCK);
            compressedOffset += Bgzf.EOF_BLOCK.length;
        } finally {
            deflater.end();
            out.close();
        }
    }
}
