// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.bgzf;

/**
 * Constants of the BGZF format (SAM/BAM specification, section 4.1): a series of gzip members, each at most 64 KiB
 * compressed, whose extra field "BC" holds the member's total size minus one, ended by a fixed empty member.
 */
public final class Bgzf {
    private Bgzf() {
    }

    /** gzip header (10) + XLEN (2) + BC subfield (6). */
    public static final int HEADER_SIZE = 18;
    /** CRC32 (4) + ISIZE (4). */
    public static final int FOOTER_SIZE = 8;
    public static final int MAX_BLOCK_SIZE = 1 << 16;
    /**
     * Uncompressed bytes per block when writing. Incompressible data can grow a little under deflate, so like
     * htslib we leave room for the worst case within {@link #MAX_BLOCK_SIZE}.
     */
    public static final int MAX_INPUT_PER_BLOCK = 0xff00;

    /** The 28-byte empty block that marks the end of a BGZF file; its absence means the file was truncated. */
    public static final byte[] EOF_BLOCK = {
        0x1f, (byte) 0x8b, 0x08, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, (byte) 0xff, 0x06, 0x00, 0x42, 0x43, 0x02, 0x00,
        0x1b, 0x00, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00
    };
}
