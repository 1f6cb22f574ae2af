package org.genvag.io.bam;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One BAM alignment as a view over the reader's little-endian bytes (SAM/BAM specification, section 4.2): fields
 * are read where they lie when asked; nothing is decoded or allocated up front. Positions are 0-based, as in BAM.
 * The caller owns the record and passes it to {@link BamReader#next(BamRecord)} again and again; it is valid until
 * that next call.
 */
public final class BamRecord {
    public static final int FLAG_PAIRED = 0x1;
    public static final int FLAG_PROPER_PAIR = 0x2;
    public static final int FLAG_UNMAPPED = 0x4;
    public static final int FLAG_SECONDARY = 0x100;
    public static final int FLAG_QC_FAIL = 0x200;
    public static final int FLAG_DUPLICATE = 0x400;
    public static final int FLAG_SUPPLEMENTARY = 0x800;

    /** CIGAR operations as BAM numbers them: M I D N S H P = X. */
    public static final int OP_M = 0;
    public static final int OP_I = 1;
    public static final int OP_D = 2;
    public static final int OP_N = 3;
    public static final int OP_S = 4;
    public static final int OP_H = 5;
    public static final int OP_P = 6;
    public static final int OP_EQ = 7;
    public static final int OP_X = 8;

    private ByteBuffer buf;
    private int at;      // first byte after block_size
    private int length;  // block_size
    private long number;

    void set(ByteBuffer buffer, int offset, int blockSize, long recordNumber) {
        this.buf = buffer;
        this.at = offset;
        this.length = blockSize;
        this.number = recordNumber;
    }

    /** 1-based number of the record in the file, for messages. */
    public long number() {
        return number;
    }

    public int refId() {
        return buf.getInt(at);
    }

    /** 0-based leftmost aligned position. */
    public int pos() {
        return buf.getInt(at + 4);
    }

    private int readNameLength() {
        return buf.get(at + 8) & 0xff;
    }

    public int mapq() {
        return buf.get(at + 9) & 0xff;
    }

    public int cigarCount() {
        return buf.getShort(at + 12) & 0xffff;
    }

    public int flag() {
        return buf.getShort(at + 14) & 0xffff;
    }

    public int seqLength() {
        return buf.getInt(at + 16);
    }

    public int mateRefId() {
        return buf.getInt(at + 20);
    }

    /** 0-based position of the mate. */
    public int matePos() {
        return buf.getInt(at + 24);
    }

    public int templateLength() {
        return buf.getInt(at + 28);
    }

    private int cigarAt() {
        return at + 32 + readNameLength();
    }

    private static final byte[] BASES = "=ACMGRSVTWYHKDBN".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** Base {@code i} (0-based) of the read as stored (forward strand), as an upper-case letter. */
    public byte base(int i) {
        int b = buf.get(cigarAt() + 4 * cigarCount() + (i >> 1));
        return BASES[(i & 1) == 0 ? (b >> 4) & 0xf : b & 0xf];
    }

    /** The i-th CIGAR operation (0..8, see OP_*). */
    public int cigarOp(int i) {
        return buf.getInt(cigarAt() + 4 * i) & 0xf;
    }

    public int cigarLength(int i) {
        return buf.getInt(cigarAt() + 4 * i) >>> 4;
    }

    /** 0-based exclusive end on the reference: pos plus the reference length of the CIGAR (M, D, N, =, X). */
    public int end() {
        int p = pos();
        int base = cigarAt();
        for (int i = 0, n = cigarCount(); i < n; i++) {
            int c = buf.getInt(base + 4 * i);
            int op = c & 0xf;
            if (op == OP_M || op == OP_D || op == OP_N || op == OP_EQ || op == OP_X) {
                p += c >>> 4;
            }
        }
        return p;
    }

    /** The read name (allocates: for messages and for the rare overlapping-mate bookkeeping). */
    public String readName() {
        byte[] b = new byte[Math.max(0, readNameLength() - 1)];
        buf.get(at + 32, b);
        return new String(b, StandardCharsets.US_ASCII);
    }

    /** The read name's bytes (without the NUL), for keeping a name without decoding it. */
    public byte[] readNameBytes() {
        byte[] b = new byte[Math.max(0, readNameLength() - 1)];
        buf.get(at + 32, b);
        return b;
    }

    /** True when the read name is exactly {@code name}'s bytes; allocates nothing. */
    public boolean readNameEquals(byte[] name) {
        if (readNameLength() - 1 != name.length) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (buf.get(at + 32 + i) != name[i]) {
                return false;
            }
        }
        return true;
    }

    /** Length of the record's data (block_size). */
    public int size() {
        return length;
    }

    /** Checks that the fixed fields and CIGAR fit in the record, as a damaged record's would not. */
    boolean consistent() {
        if (length < 32) {
            return false;
        }
        int needed = 32 + readNameLength() + 4 * cigarCount() + (seqLength() + 1) / 2 + seqLength();
        return seqLength() >= 0 && needed <= length;
    }
}
