// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.bgzf;

/**
 * Finds where a BGZF block starts from an arbitrary compressed offset, as a split of a file must. A block is at most
 * 64 KiB, so one starts within the first 64 KiB after any offset; a candidate counts only when its header is a BGZF
 * header (gzip magic, FEXTRA alone, the 'BC' subfield) and the block it announces ends where another such header
 * starts, or exactly at the end of the file. Deflate data that looks like a header and whose size field points at
 * another header is too unlikely to matter (two 16-byte patterns at once).
 */
public final class BlockBoundary {
    /** Bytes a caller reads from the offset: one block's worth to search, plus the longest block and a header. */
    public static final int WINDOW = 2 * Bgzf.MAX_BLOCK_SIZE + Bgzf.HEADER_SIZE;

    private BlockBoundary() {
    }

    /**
     * The index in {@code window[0, length)} of the first block start, or -1 when none is in the window.
     * {@code endsAtEof}: the window's last byte is the file's last byte.
     */
    public static int find(byte[] window, int length, boolean endsAtEof) {
        int last = Math.min(length - Bgzf.HEADER_SIZE, Bgzf.MAX_BLOCK_SIZE);
        for (int i = 0; i <= last; i++) {
            if (isHeader(window, i, length)) {
                int next = i + blockSize(window, i);
                if ((next == length && endsAtEof) || isHeader(window, next, length)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static boolean isHeader(byte[] b, int i, int length) {
        return i + Bgzf.HEADER_SIZE <= length && (b[i] & 0xff) == 0x1f && (b[i + 1] & 0xff) == 0x8b && b[i + 2] == 8
                && b[i + 3] == 4 && b[i + 10] == 6 && b[i + 11] == 0 && b[i + 12] == 'B' && b[i + 13] == 'C'
                && b[i + 14] == 2 && b[i + 15] == 0;
    }

    private static int blockSize(byte[] b, int i) {
        return ((b[i + 16] & 0xff) | (b[i + 17] & 0xff) << 8) + 1;
    }
}
