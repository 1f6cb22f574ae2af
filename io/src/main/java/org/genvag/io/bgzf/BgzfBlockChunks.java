// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.bgzf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.genvag.io.source.SplitChunks;

/**
 * A BGZF file's blocks one at a time from a block start to the end of the file, for a split: each chunk is one
 * block's bytes, keyed by the block's compressed offset. Every block's framing, CRC and size are checked as in a full
 * read, and the file must end with the EOF block. The caller positions the stream and stops reading when its split's
 * lines are done; single-threaded, as one split is one task's work.
 */
public final class BgzfBlockChunks implements SplitChunks {
    private final CompressedBlockReader reader;
    private final BlockInflater inflater = BlockInflaters.best().get();
    private final BlockDecoder decoder = new BlockDecoder();
    private final byte[] block = new byte[Bgzf.MAX_BLOCK_SIZE];
    private final ByteBuffer out = ByteBuffer.allocateDirect(Bgzf.MAX_BLOCK_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    private final String source;
    private long blockOffset = -1;

    /** {@code in} is positioned at {@code start}, the compressed offset of a block (see {@link BlockBoundary}). */
    public BgzfBlockChunks(InputStream in, String source, long start) {
        this.reader = new CompressedBlockReader(in, source, start, true);
        this.source = source;
    }

    @Override
    public ByteBuffer next() throws IOException {
        while (true) {
            long offset = reader.offset();
            int size = reader.next(block, 0);
            if (size < 0) {
                return null;
            }
            blockOffset = offset;
            out.clear();
            decoder.inflate(block, 0, size, out, inflater, source, offset);
            if (out.position() > 0) {
                return out.flip();
            }
        }
    }

    @Override
    public long key(int index) {
        return blockOffset;
    }


    @Override
    public void close() throws IOException {
        inflater.close();
        reader.close();
    }
}
