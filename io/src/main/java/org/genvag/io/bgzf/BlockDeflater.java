// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.bgzf;

import java.util.zip.CRC32;

/** Deflates one BGZF block into a whole gzip member (header with its size, deflate data, CRC32, input length). */
final class BlockDeflater {
    private final BlockCompressor compressor;
    private final CRC32 crc = new CRC32();

    BlockDeflater(BlockCompressor compressor) {
        this.compressor = compressor;
    }

    void deflate(BgzfOutputStream.Block b) {
        int compressed = compressor.compress(b.input, 0, b.length, b.block, Bgzf.HEADER_SIZE,
                b.block.length - Bgzf.HEADER_SIZE - Bgzf.FOOTER_SIZE);
        if (compressed < 0) {
            // Cannot happen with MAX_INPUT_PER_BLOCK; kept as a guard so a bad block is never written.
            throw new IllegalStateException("BGZF block did not fit in 64 KiB after deflate");
        }
        int total = Bgzf.HEADER_SIZE + compressed + Bgzf.FOOTER_SIZE;
        writeHeader(b.block, total);
        crc.reset();
        crc.update(b.input, 0, b.length);
        int p = Bgzf.HEADER_SIZE + compressed;
        putIntLE(b.block, p, (int) crc.getValue());
        putIntLE(b.block, p + 4, b.length);
        b.total = total;
    }

    void end() {
        compressor.close();
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
}
