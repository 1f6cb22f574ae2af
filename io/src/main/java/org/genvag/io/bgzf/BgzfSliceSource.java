// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.bgzf;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;

import org.genvag.core.error.InputException;
import org.genvag.io.source.LocalFile;
import org.genvag.io.source.RangeInput;

/**
 * Reads only the given ranges of a BGZF file, as an index (tabix, BAI, CSI) gives them: pairs of virtual offsets
 * {@code [start, end)}, sorted and non-overlapping. Each block is inflated and checked as in a full read; the file's
 * EOF block is checked up front, so a truncated file is an error here too. Single-threaded: an indexed read touches
 * a small part of the file by design.
 */
public final class BgzfSliceSource implements ByteSource {
    private final RangeInput file;
    private InputStream in;
    private final String source;
    private final long[] starts;
    private final long[] ends;
    private final BlockInflater inflater;
    private final BlockDecoder decoder = new BlockDecoder();
    private final byte[] block = new byte[Bgzf.MAX_BLOCK_SIZE];
    private final ByteBuffer out = ByteBuffer.allocateDirect(Bgzf.MAX_BLOCK_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    private int chunk = -1;
    private CompressedBlockReader reader;
    private long blockOffset;
    private long returnedBlock;
    private long compressedBytes;

    /** Below this many compressed bytes to read (about 128 blocks), a native inflater is not worth loading. */
    static final long FEW_BLOCKS_BYTES = 4L << 20;

    public BgzfSliceSource(Path file, long[] startVirtual, long[] endVirtual) throws IOException {
        this(new LocalFile(file), startVirtual, endVirtual);
    }

    /** The ranges of a file behind any {@link RangeInput} (HDFS, object storage). */
    public BgzfSliceSource(RangeInput file, long[] startVirtual, long[] endVirtual) throws IOException {
        if (startVirtual.length != endVirtual.length) {
            throw new IllegalArgumentException("starts and ends differ in length");
        }
        this.file = file;
        this.source = file.name();
        this.starts = startVirtual.clone();
        this.ends = endVirtual.clone();
        this.inflater = (compressedSpan(starts, ends) < FEW_BLOCKS_BYTES ? BlockInflaters.forFewBlocks()
                : BlockInflaters.best()).get();
        checkEof();
    }

    /** Compressed bytes between the chunks' first and last blocks, summed. */
    static long compressedSpan(long[] starts, long[] ends) {
        long span = 0;
        for (int i = 0; i < starts.length; i++) {
            span += Math.max(0, (ends[i] >>> 16) - (starts[i] >>> 16));
        }
        return span;
    }

    private void checkEof() throws IOException {
        long size = file.length();
        byte[] tail = new byte[Bgzf.EOF_BLOCK.length];
        if (size >= tail.length) {
            try (InputStream end = file.openAt(size - tail.length)) {
                end.readNBytes(tail, 0, tail.length);
            }
        }
        if (size < tail.length || !Arrays.equals(tail, Bgzf.EOF_BLOCK)) {
            close();
            throw InputException.atOffset(source, size, "missing BGZF EOF block at compressed offset " + size
                    + ": the file is truncated or its writer did not finish");
        }
    }

    @Override
    public ByteBuffer next() throws IOException {
        while (true) {
            if (reader == null || pastEnd()) {
                if (++chunk >= starts.length) {
                    return null;
                }
                blockOffset = starts[chunk] >>> 16;
                if (in != null) {
                    in.close();
                }
                in = new BufferedInputStream(file.openAt(blockOffset), 1 << 16);
                reader = new CompressedBlockReader(in, source, blockOffset, false);
            }
            long thisBlock = blockOffset;
            int size = reader.next(block, 0);
            if (size < 0) {
                throw InputException.atOffset(source, thisBlock, "the index points past the end of the file "
                        + "(compressed offset " + thisBlock + "): is the index for another version of this file?");
            }
            compressedBytes += size;
            blockOffset += size;
            out.clear();
            decoder.inflate(block, 0, size, out, inflater, source, thisBlock);
            int from = thisBlock == (starts[chunk] >>> 16) ? (int) (starts[chunk] & 0xffff) : 0;
            int to = thisBlock == (ends[chunk] >>> 16) ? (int) (ends[chunk] & 0xffff) : out.position();
            if (from > out.position() || to > out.position()) {
                throw new InputException(source + ": the index points inside block " + thisBlock + " beyond its "
                        + out.position() + " bytes: is the index for another version of this file?");
            }
            if (to > from) {
                out.position(from).limit(to);
                returnedBlock = thisBlock;
                return out;
            }
        }
    }

    /** The current chunk is done once the next block starts at or after its end's block (end offset 0 there). */
    private boolean pastEnd() {
        long endBlock = ends[chunk] >>> 16;
        return blockOffset > endBlock || (blockOffset == endBlock && (ends[chunk] & 0xffff) == 0);
    }

    /** The compressed offset of the block the last buffer came from. */
    @Override
    public long compressedOffset() {
        return returnedBlock;
    }

    /** Compressed bytes read so far. */
    public long compressedBytesRead() {
        return compressedBytes;
    }

    @Override
    public void close() throws IOException {
        inflater.close();
        if (in != null) {
            in.close();
        }
    }
}
