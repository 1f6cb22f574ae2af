// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.bam;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.genvag.core.error.InputException;
import org.genvag.io.bgzf.ByteSource;
import org.genvag.io.bgzf.ByteSources;

/**
 * Streams a coordinate-sorted BAM in one pass on the same parallel BGZF engine as the VCF reader. Records are
 * {@link BamRecord} views over the inflated buffers; a record that straddles two buffers is the only thing copied.
 * Unsorted records, a file that is not BAM, and damaged records are errors naming the file and the record.
 */
public final class BamReader implements AutoCloseable {
    private final ByteSource source;
    private final String name;
    private final BamHeader header;
    private ByteBuffer chunk;
    /** The source buffer to go back to once the carry buffer (a straddling record) is consumed. */
    private ByteBuffer resume;
    // Two carry buffers: gathering a straddling record may need to read from the carry that holds its start.
    private ByteBuffer carry = ByteBuffer.allocateDirect(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private ByteBuffer spare = ByteBuffer.allocateDirect(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private long records;
    private int lastRef = -1;
    private int lastPos = -1;

    public static BamReader open(String path, int threads) throws IOException {
        ByteSource s = ByteSources.open(path, threads);
        try {
            return new BamReader(s, path);
        } catch (RuntimeException | IOException e) {
            s.close();
            throw e;
        }
    }

    public BamReader(ByteSource source, String name) throws IOException {
        this.source = source;
        this.name = name;
        this.header = readHeader();
    }

    /** A reader of records only (an index's chunks, say), under a header read before. */
    public BamReader(BamHeader header, ByteSource records, String name) {
        this.source = records;
        this.name = name;
        this.header = header;
    }

    public BamHeader header() {
        return header;
    }

    public String source() {
        return name;
    }

    private BamHeader readHeader() throws IOException {
        ByteBuffer magic = require(4, "the BAM magic number");
        if (magic.get(magic.position()) != 'B' || magic.get(magic.position() + 1) != 'A'
                || magic.get(magic.position() + 2) != 'M' || magic.get(magic.position() + 3) != 1) {
            throw new InputException(name + ": not a BAM file (expected magic BAM\\1 at the start of the data)");
        }
        consume(4);
        int textLength = readInt("the header text length");
        if (textLength < 0) {
            throw new InputException(name + ": corrupt BAM header: negative text length " + textLength);
        }
        String text = new String(readBytes(textLength, "the header text"), StandardCharsets.UTF_8);
        int refs = readInt("the number of reference sequences");
        if (refs < 0) {
            throw new InputException(name + ": corrupt BAM header: negative reference count " + refs);
        }
        // A damaged count must not size the lists: they grow as references are actually read.
        List<String> names = new ArrayList<>(Math.min(refs, 1 << 12));
        List<Long> lengths = new ArrayList<>(Math.min(refs, 1 << 12));
        for (int i = 0; i < refs; i++) {
            int l = readInt("a reference name length");
            if (l < 1) {
                throw new InputException(name + ": corrupt BAM header: reference " + (i + 1) + " has name length "
                        + l + " (at least 1, for the NUL)");
            }
            byte[] n = readBytes(l, "a reference name");
            names.add(new String(n, 0, Math.max(0, l - 1), StandardCharsets.US_ASCII));
            lengths.add(Integer.toUnsignedLong(readInt("a reference length")));
        }
        return new BamHeader(text, names, lengths);
    }

    /** Fills {@code r} with the next alignment; false at the end. */
    public boolean next(BamRecord r) throws IOException {
        ByteBuffer b = available(4);
        if (b == null) {
            return false;
        }
        int blockSize = b.getInt(b.position());
        if (blockSize < 32 || blockSize > (1 << 28)) {
            throw InputException.atOffset(name, source.compressedOffset(), "corrupt BAM record " + (records + 1)
                    + " (near compressed offset " + source.compressedOffset() + "): impossible record size "
                    + blockSize);
        }
        ByteBuffer whole = require(4 + blockSize, "a record");   // constant: no message is built per record
        records++;
        r.set(whole, whole.position() + 4, blockSize, records);
        consume(4 + blockSize);
        String problem = r.problem(header.names().size());
        if (problem != null) {
            throw InputException.atOffset(name, source.compressedOffset(), "corrupt BAM record " + records
                    + " (near compressed offset " + source.compressedOffset() + "): " + problem);
        }
        checkOrder(r);
        return true;
    }

    private void checkOrder(BamRecord r) {
        int ref = r.refId();
        int pos = r.pos();
        if (ref < 0) {   // -1: problem() has refused anything else below 0
            lastRef = Integer.MAX_VALUE;   // unmapped reads without position come last
            return;
        }
        if (ref < lastRef || (ref == lastRef && pos < lastPos)) {
            throw new InputException(name + ": unsorted input: record " + r.number() + " (" + r.readName() + ") at "
                    + header.names().get(ref) + ":" + (pos + 1) + " comes after "
                    + (lastRef == Integer.MAX_VALUE ? "unmapped reads" : header.names().get(lastRef) + ":"
                    + (lastPos + 1)) + "; sort it (samtools sort) first");
        }
        lastRef = ref;
        lastPos = pos;
    }

    public long recordsRead() {
        return records;
    }

    // ---- contiguous bytes across buffers ----------------------------------------------------------------------

    private int readInt(String what) throws IOException {
        ByteBuffer b = require(4, what);
        int v = b.getInt(b.position());
        consume(4);
        return v;
    }

    /**
     * n bytes, gathered as they arrive: the array grows with the data, so a damaged length near 2^31 ends as a
     * truncation error at the end of the input, not as an allocation of gigabytes up front.
     */
    private byte[] readBytes(int n, String what) throws IOException {
        byte[] out = new byte[Math.min(n, 1 << 16)];
        int done = 0;
        while (done < n) {
            ByteBuffer b = current();
            if (b == null) {
                throw truncated(what);
            }
            int k = Math.min(n - done, b.remaining());
            if (done + k > out.length) {
                out = Arrays.copyOf(out, (int) Math.min(n, Math.max(done + (long) k, 2L * out.length)));
            }
            b.get(out, done, k);
            done += k;
        }
        return out;
    }

    private ByteBuffer current() throws IOException {
        while (chunk == null || !chunk.hasRemaining()) {
            if (resume != null) {
                chunk = resume;
                resume = null;
                continue;
            }
            chunk = source.next();
            if (chunk == null) {
                return null;
            }
            chunk.order(ByteOrder.LITTLE_ENDIAN);
        }
        return chunk;
    }

    /** n contiguous bytes at the current position, or null at a clean end of input (no bytes left at all). */
    private ByteBuffer available(int n) throws IOException {
        ByteBuffer b = current();
        if (b == null) {
            return null;
        }
        return require(n, "a record's size");
    }

    /** n contiguous bytes at the current position: the chunk itself, or the carry buffer when they straddle. */
    private ByteBuffer require(int n, String what) throws IOException {
        ByteBuffer b = current();
        if (b == null) {
            throw truncated(what);
        }
        if (b.remaining() >= n) {
            return b;
        }
        boolean fromCarry = chunk == carry;
        ByteBuffer into = fromCarry ? spare : carry;
        if (into.capacity() < n) {
            into = ByteBuffer.allocateDirect(Math.max(n, into.capacity() * 2)).order(ByteOrder.LITTLE_ENDIAN);
        }
        into.clear();
        while (into.position() < n) {
            ByteBuffer c = current();
            if (c == null) {
                throw truncated(what);
            }
            int k = Math.min(n - into.position(), c.remaining());
            into.put(into.position(), c, c.position(), k);
            into.position(into.position() + k);
            c.position(c.position() + k);
        }
        into.flip();
        // `chunk` is now the last buffer copied from (a source buffer): what is left of it is read after `into`.
        if (chunk.hasRemaining()) {
            resume = chunk;
        }
        if (fromCarry) {
            spare = carry;   // exhausted: free for the next straddle
        }
        carry = into;
        chunk = into;
        return into;
    }

    private void consume(int n) {
        chunk.position(chunk.position() + n);
    }

    private InputException truncated(String what) {
        return new InputException(name + ": truncated BAM: the data ends inside " + what + " (record " + (records + 1)
                + ", near compressed offset " + source.compressedOffset() + ")");
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
