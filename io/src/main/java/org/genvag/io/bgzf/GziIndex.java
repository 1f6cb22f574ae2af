// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.bgzf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import org.genvag.core.error.InputException;

/**
 * A BGZF file's {@code .gzi} index ({@code bgzip -i} or {@code -r}): the compressed offset of every block after the
 * first, with its uncompressed offset. A split of the file then starts at a known block, without searching for one.
 */
public final class GziIndex {
    private final long[] blocks;

    private GziIndex(long[] blocks) {
        this.blocks = blocks;
    }

    /**
     * Reads an index: a little-endian count, then that many (compressed, uncompressed) offset pairs, both rising.
     * Anything else is an error naming {@code source}.
     */
    public static GziIndex read(InputStream in, String source) throws IOException {
        byte[] head = in.readNBytes(8);
        if (head.length < 8) {
            throw new InputException(source + ": not a .gzi index: shorter than its 8-byte entry count");
        }
        long count = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (count < 0 || count > Integer.MAX_VALUE / 16) {
            throw new InputException(source + ": not a .gzi index: entry count " + count);
        }
        byte[] body = in.readNBytes((int) count * 16);
        if (body.length != count * 16 || in.read() != -1) {
            throw new InputException(source + ": not a .gzi index: " + count + " entries need " + (count * 16 + 8)
                    + " bytes, the file has " + (body.length + 8) + (body.length == count * 16 ? " or more" : ""));
        }
        ByteBuffer b = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
        long[] blocks = new long[(int) count + 1];
        long lastUncompressed = 0;
        for (int i = 1; i <= count; i++) {
            blocks[i] = b.getLong();
            long uncompressed = b.getLong();
            if (blocks[i] <= blocks[i - 1] || uncompressed < lastUncompressed) {
                throw new InputException(source + ": not a .gzi index: entry " + i + " does not follow entry "
                        + (i - 1));
            }
            lastUncompressed = uncompressed;
        }
        return new GziIndex(blocks);
    }

    /** The first block that starts at or after {@code offset}, or -1 when none does. */
    public long firstBlockAtOrAfter(long offset) {
        int i = Arrays.binarySearch(blocks, offset);
        if (i >= 0) {
            return blocks[i];
        }
        int insertion = -i - 1;
        return insertion < blocks.length ? blocks[insertion] : -1;
    }

    /** Blocks the index lists, the first (at offset 0) included. */
    public int blocks() {
        return blocks.length;
    }
}
