// SPDX-License-Identifier: Apache-2.0
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

    // Offsets of the fixed fields after block_size (SAM/BAM specification, section 4.2).
    private static final int REF_ID = 0;
    private static final int POS = 4;
    private static final int NAME_LENGTH = 8;
    private static final int MAPQ = 9;
    private static final int CIGAR_COUNT = 12;
    private static final int FLAG = 14;
    private static final int SEQ_LENGTH = 16;
    private static final int MATE_REF_ID = 20;
    private static final int MATE_POS = 24;
    private static final int TEMPLATE_LENGTH = 28;
    /** The fixed fields' size: the read name starts here. */
    private static final int FIXED = 32;

    private ByteBuffer buf;
    private int at;      // first byte after block_size
    private int length;  // block_size
    private long number;
    /** Where the packed bases start, found on the first {@link #base} call of a record (-1 until then). */
    private int seqAt = -1;

    void set(ByteBuffer buffer, int offset, int blockSize, long recordNumber) {
        this.buf = buffer;
        this.at = offset;
        this.length = blockSize;
        this.number = recordNumber;
        this.seqAt = -1;
    }

    /** 1-based number of the record in the file, for messages. */
    public long number() {
        return number;
    }

    public int refId() {
        return buf.getInt(at + REF_ID);
    }

    /** 0-based leftmost aligned position. */
    public int pos() {
        return buf.getInt(at + POS);
    }

    private int readNameLength() {
        return buf.get(at + NAME_LENGTH) & 0xff;
    }

    public int mapq() {
        return buf.get(at + MAPQ) & 0xff;
    }

    public int cigarCount() {
        return buf.getShort(at + CIGAR_COUNT) & 0xffff;
    }

    public int flag() {
        return buf.getShort(at + FLAG) & 0xffff;
    }

    public int seqLength() {
        return buf.getInt(at + SEQ_LENGTH);
    }

    public int mateRefId() {
        return buf.getInt(at + MATE_REF_ID);
    }

    /** 0-based position of the mate. */
    public int matePos() {
        return buf.getInt(at + MATE_POS);
    }

    public int templateLength() {
        return buf.getInt(at + TEMPLATE_LENGTH);
    }

    private int cigarAt() {
        return at + FIXED + readNameLength();
    }

    private static final byte[] BASES = "=ACMGRSVTWYHKDBN".getBytes(StandardCharsets.US_ASCII);

    /** Base {@code i} (0-based) of the read as stored (forward strand), as an upper-case letter. */
    public byte base(int i) {
        if (seqAt < 0) {
            seqAt = cigarAt() + 4 * cigarCount();   // callers walk a read base by base: found once per record
        }
        int b = buf.get(seqAt + (i >> 1));
        return BASES[(i & 1) == 0 ? (b >> 4) & 0xf : b & 0xf];
    }

    /**
     * The i-th CIGAR element as BAM packs it: {@link #opOf} and {@link #lengthOf} unpack it. One read for a walk
     * that needs both.
     */
    public int cigarWord(int i) {
        return buf.getInt(cigarAt() + 4 * i);
    }

    /** The operation (0..8, see OP_*) of a packed CIGAR element. */
    public static int opOf(int cigarWord) {
        return cigarWord & 0xf;
    }

    /** The length of a packed CIGAR element. */
    public static int lengthOf(int cigarWord) {
        return cigarWord >>> 4;
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
        buf.get(at + FIXED, b);
        return new String(b, StandardCharsets.US_ASCII);
    }

    /** The read name's bytes (without the NUL), for keeping a name without decoding it. */
    public byte[] readNameBytes() {
        byte[] b = new byte[Math.max(0, readNameLength() - 1)];
        buf.get(at + FIXED, b);
        return b;
    }

    /** The read name's length in bytes, without its NUL. */
    public int readNameSize() {
        return Math.max(0, readNameLength() - 1);
    }

    /** Copies the read name's bytes (without the NUL) to {@code dst[0, readNameSize())}; allocates nothing. */
    public void copyReadName(byte[] dst) {
        buf.get(at + FIXED, dst, 0, readNameSize());
    }

    /** True when the read name is exactly {@code name[0, length)}; allocates nothing. */
    public boolean readNameEquals(byte[] name, int length) {
        if (readNameLength() - 1 != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (buf.get(at + FIXED + i) != name[i]) {
                return false;
            }
        }
        return true;
    }

    /** True when the read name is exactly {@code name}'s bytes; allocates nothing. */
    public boolean readNameEquals(byte[] name) {
        if (readNameLength() - 1 != name.length) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (buf.get(at + FIXED + i) != name[i]) {
                return false;
            }
        }
        return true;
    }

    /** Length of the record's data (block_size). */
    public int size() {
        return length;
    }

    /**
     * What is wrong with this record, or null when nothing is: the checks htslib's {@code bam_read1} makes before it
     * trusts a record. Reference IDs must name a header reference or be -1; the read name must be NUL-terminated;
     * lengths must be non-negative and, summed in {@code long} so that a length near 2^31 cannot wrap, fit in the
     * record; CIGAR operations must be 0..8 and consume exactly the stored sequence. Allocates only on failure.
     */
    String problem(int references) {
        if (length < FIXED) {
            return "record of " + length + " bytes, shorter than BAM's 32 fixed bytes";
        }
        int ref = refId();
        if (ref < -1 || ref >= references) {
            return "reference ID " + ref + " is neither -1 nor one of the header's " + references + " references";
        }
        int mate = mateRefId();
        if (mate < -1 || mate >= references) {
            return "mate reference ID " + mate + " is neither -1 nor one of the header's " + references
                    + " references";
        }
        // Only the record's own position: htslib's test data has a mate position far below -1, and nothing here
        // reads a mate's position as an index.
        if (pos() < -1) {
            return "position " + pos() + " is below -1";
        }
        int nameLength = readNameLength();
        int seq = seqLength();
        if (seq < 0) {
            return "negative sequence length " + seq;
        }
        long needed = FIXED + (long) nameLength + 4L * cigarCount() + (seq + 1L) / 2 + seq;
        if (needed > length) {
            return "its name, CIGAR and sequence need " + needed + " bytes, but the record has " + length;
        }
        if (nameLength == 0 || buf.get(at + FIXED + nameLength - 1) != 0) {
            return "the read name is not NUL-terminated";
        }
        int cigar = cigarAt();
        long queryLength = 0;
        for (int i = 0, n = cigarCount(); i < n; i++) {
            int c = buf.getInt(cigar + 4 * i);
            int op = c & 0xf;
            if (op > OP_X) {
                return "CIGAR operation " + (i + 1) + " has code " + op + ", beyond BAM's 0-8 (MIDNSHP=X)";
            }
            if (CONSUMES_QUERY[op]) {
                queryLength += c >>> 4;
            }
        }
        if (cigarCount() > 0 && seq > 0 && (flag() & FLAG_UNMAPPED) == 0 && queryLength != seq) {
            return "its CIGAR consumes " + queryLength + " query bases, but the sequence has " + seq;
        }
        return null;
    }

    /** M, I, S, = and X consume query bases; D, N, H and P do not (SAM specification, section 1.4). */
    private static final boolean[] CONSUMES_QUERY = {true, true, false, false, true, false, false, true, true};
}
