// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.split;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.genvag.core.error.InputException;
import org.genvag.io.bgzf.Bgzf;
import org.genvag.io.bgzf.BgzfBlockChunks;
import org.genvag.io.bgzf.BlockBoundary;
import org.genvag.io.bgzf.ByteSources;
import org.genvag.io.bgzf.ByteSources.Compression;
import org.genvag.io.source.RangeInput;
import org.genvag.io.source.SplitChunks;

/**
 * Opens the chunks of one split of a text file as its compression allows: BGZF from the first block at or after the
 * split's start, plain text from the start itself, plain gzip only whole (one split).
 */
public final class Splits {
    private static final int BUFFER = 1 << 17;

    private Splits() {
    }

    /** How the file is compressed, from its first bytes. */
    public static Compression compression(RangeInput file) throws IOException {
        try (BufferedInputStream in = new BufferedInputStream(file.openAt(0), 64)) {
            return ByteSources.sniff(in);
        }
    }

    /**
     * The chunks of the split that starts at {@code start}, or null when nothing can start there (a BGZF split
     * after the EOF block's start).
     */
    public static SplitChunks open(RangeInput file, Compression compression, long start) throws IOException {
        return open(file, compression, start, -1);
    }

    /**
     * As {@link #open(RangeInput, Compression, long)}, for a BGZF split whose first block is known ({@code block},
     * from a {@code .gzi} index: no search); -1 when it is not.
     */
    public static SplitChunks open(RangeInput file, Compression compression, long start, long block)
            throws IOException {
        switch (compression) {
            case BGZF:
                if (block >= start) {
                    return new BgzfBlockChunks(new BufferedInputStream(file.openAt(block), BUFFER), file.name(),
                            block);
                }
                return bgzf(file, start);
            case NONE:
                return new PlainChunks(new BufferedInputStream(file.openAt(start), BUFFER), start);
            default:
                if (start != 0) {
                    throw new IllegalArgumentException(file.name() + ": plain gzip is one split, from offset 0");
                }
                return new WholeChunks(ByteSources.open(file.openAt(0), file.name(), 1));
        }
    }

    private static SplitChunks bgzf(RangeInput file, long start) throws IOException {
        long length = file.length();
        int block = 0;
        if (start > 0) {
            byte[] window = new byte[BlockBoundary.WINDOW];
            int n;
            try (InputStream in = file.openAt(start)) {
                n = in.readNBytes(window, 0, window.length);
            }
            block = BlockBoundary.find(window, n, start + n == length);
            if (block < 0) {
                if (start >= length - Bgzf.EOF_BLOCK.length) {
                    return null;
                }
                throw InputException.atOffset(file.name(), start, "no BGZF block starts within 64 KiB after "
                        + "compressed offset " + start + ": the file is damaged there, or is not BGZF");
            }
        }
        long at = start + block;
        InputStream in = new BufferedInputStream(file.openAt(at), BUFFER);
        return new BgzfBlockChunks(in, file.name(), at);
    }
}
