// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.bgzf;

import java.io.IOException;
import java.io.InputStream;

import org.genvag.core.error.InputException;

/**
 * Reads BGZF blocks one after another from a stream, without inflating them, and checks their framing: gzip magic,
 * the BC extra subfield, a complete block, and the EOF block at the end. Each problem is named with the source and
 * the compressed offset of the block.
 */
final class CompressedBlockReader {
    private final InputStream in;
    private final String source;
    private final boolean requireEof;
    private long offset;
    private boolean lastWasEmpty;
    private boolean sawAnyBlock;
    private final byte[] header = new byte[Bgzf.HEADER_SIZE];

    CompressedBlockReader(InputStream in, String source) {
        this(in, source, 0, true);
    }

    /** A reader of a slice of a file that starts at compressed offset {@code start} and need not reach its end. */
    CompressedBlockReader(InputStream in, String source, long start, boolean requireEof) {
        this.in = in;
        this.source = source;
        this.offset = start;
        this.requireEof = requireEof;
    }

    /** Closes the compressed input. */
    void close() throws IOException {
        in.close();
    }

    /** Compressed offset of the next block. */
    long offset() {
        return offset;
    }

    /**
     * Reads the next block into {@code dst} at {@code at} (whole block, header included).
     *
     * @return the block's total size, or -1 at a clean end of input (after the EOF block)
     */
    int next(byte[] dst, int at) throws IOException {
        int n = readFully(header, 0, Bgzf.HEADER_SIZE);
        if (n == 0) {
            if (!requireEof) {
                return -1;
            }
            if (!sawAnyBlock) {
                throw new InputException(source + ": empty file: expected BGZF data");
            }
            if (!lastWasEmpty) {
                throw InputException.atOffset(source, offset, "missing BGZF EOF block at compressed offset " + offset
                        + ": the file is truncated or its writer did not finish");
            }
            return -1;
        }
        if (n < Bgzf.HEADER_SIZE) {
            throw truncated(Bgzf.HEADER_SIZE, n);
        }
        // FLG is exactly FEXTRA (SAM specification 4.1): a name, comment or header CRC flag would make a gzip reader
        // read the block's bytes otherwise than BSIZE does, so the two could decode different content.
        if ((header[0] & 0xff) != 0x1f || (header[1] & 0xff) != 0x8b || header[2] != 8 || header[3] != 4) {
            throw InputException.atOffset(source, offset, "not a BGZF block at compressed offset " + offset
                    + ": expected gzip magic 1f 8b 08 and flags 04 (FEXTRA only), found " + hex(header, 4));
        }
        int xlen = u16(header, 10);
        if (xlen != 6 || header[12] != 'B' || header[13] != 'C' || u16(header, 14) != 2) {
            // htslib writes exactly one BC subfield; anything else is gzip, not BGZF.
            throw InputException.atOffset(source, offset, "gzip block at compressed offset " + offset
                    + " has no BGZF 'BC' size field where expected (XLEN=" + xlen + ")");
        }
        int size = u16(header, 16) + 1;
        if (size < Bgzf.HEADER_SIZE + Bgzf.FOOTER_SIZE) {
            throw InputException.atOffset(source, offset, "corrupt BGZF block at compressed offset " + offset
                    + ": block size " + size + " is smaller than its header and footer");
        }
        System.arraycopy(header, 0, dst, at, Bgzf.HEADER_SIZE);
        int rest = size - Bgzf.HEADER_SIZE;
        int got = readFully(dst, at + Bgzf.HEADER_SIZE, rest);
        if (got < rest) {
            throw truncated(size, Bgzf.HEADER_SIZE + got);
        }
        lastWasEmpty = isize(dst, at, size) == 0;
        sawAnyBlock = true;
        offset += size;
        return size;
    }

    String source() {
        return source;
    }

    private InputException truncated(int expected, int found) {
        return InputException.atOffset(source, offset, "truncated BGZF block at compressed offset " + offset
                + ": expected " + expected + " bytes, the file ends after " + found);
    }

    static int isize(byte[] block, int at, int size) {
        int p = at + size - 4;
        return (block[p] & 0xff) | (block[p + 1] & 0xff) << 8 | (block[p + 2] & 0xff) << 16 | (block[p + 3] & 0xff) << 24;
    }

    static int crc(byte[] block, int at, int size) {
        return isize(block, at, size - 4);
    }

    private int readFully(byte[] b, int off, int len) throws IOException {
        int total = 0;
        while (total < len) {
            int n = in.read(b, off + total, len - total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    private static int u16(byte[] b, int p) {
        return (b[p] & 0xff) | (b[p + 1] & 0xff) << 8;
    }

    private static String hex(byte[] b, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(String.format("%02x ", b[i] & 0xff));
        }
        return s.toString().trim();
    }
}
