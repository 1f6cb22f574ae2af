// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.split;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.genvag.io.source.SplitChunks;
import org.genvag.io.text.Swar;

/**
 * The lines one split of a file owns: those whose preceding newline has a key in {@code [splitStart, splitEnd)}
 * ({@link SplitChunks}), and the file's first line when the split starts at 0. A split that does not start at 0
 * skips to its first owned line; the last owned line may run past the split's end, into chunks the next split
 * starts in. So splits that tile a file read each line exactly once, however the lines and blocks fall.
 *
 * <p>Lines are views of one reused heap buffer ({@link #buffer()}), without the newline or a CR before it, valid
 * until the next call. Not thread-safe.
 */
public final class SplitLineReader implements AutoCloseable {
    private static final byte NL = '\n';
    private static final long NL_PATTERN = Swar.broadcast(NL);

    private final SplitChunks chunks;
    private final long splitStart;
    private final long splitEnd;
    private byte[] bytes = new byte[1 << 17];
    private ByteBuffer view = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    private int limit;
    private int scan;
    private int chunkBase;
    private int chunkPosition;
    private int lineStart;
    private int lineEnd;
    private long precedingKey = -1;
    private long nextPrecedingKey = -1;
    private boolean started;
    private boolean finished;
    private boolean inputEnded;

    public SplitLineReader(SplitChunks chunks, long splitStart, long splitEnd) {
        this.chunks = chunks;
        this.splitStart = splitStart;
        this.splitEnd = splitEnd;
    }

    /** Advances to the next owned line; false when the split has no more. */
    public boolean next() throws IOException {
        if (finished) {
            return false;
        }
        if (!started) {
            started = true;
            if (splitStart > 0) {
                lineStart = Integer.MAX_VALUE;   // the partial line before the first owned one is not kept
                int nl = newline();
                if (nl < 0) {
                    finished = true;
                    return false;
                }
                nextPrecedingKey = key(nl);
                scan = nl + 1;
            }
        }
        if (nextPrecedingKey >= splitEnd) {
            finished = true;
            return false;
        }
        precedingKey = nextPrecedingKey;
        lineStart = scan;
        int nl = newline();
        if (nl < 0) {
            finished = true;
            if (limit == lineStart) {
                return false;
            }
            lineEnd = limit;
            scan = limit;
        } else {
            lineEnd = nl;
            nextPrecedingKey = key(nl);
            scan = nl + 1;
        }
        if (lineEnd > lineStart && bytes[lineEnd - 1] == '\r') {
            lineEnd--;
        }
        return true;
    }

    /** The index of the next newline from {@link #scan}, reading chunks as needed; -1 at the end of input. */
    private int newline() throws IOException {
        while (true) {
            int nl = Swar.indexOf(view, scan, limit, NL, NL_PATTERN);
            if (nl >= 0) {
                return nl;
            }
            scan = limit;
            if (!append()) {
                return -1;
            }
        }
    }

    /** Appends the next non-empty chunk, keeping the current line's bytes; false at the end of input. */
    private boolean append() throws IOException {
        if (inputEnded) {
            return false;
        }
        ByteBuffer chunk = chunks.next();
        while (chunk != null && !chunk.hasRemaining()) {
            chunk = chunks.next();
        }
        if (chunk == null) {
            inputEnded = true;
            return false;
        }
        int keep = Math.min(lineStart, limit);
        int kept = limit - keep;
        int n = chunk.remaining();
        if (kept + n + 8 > bytes.length) {
            byte[] bigger = new byte[Math.max(bytes.length * 2, kept + n + 8)];
            System.arraycopy(bytes, keep, bigger, 0, kept);
            bytes = bigger;
            view = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        } else if (keep > 0) {
            System.arraycopy(bytes, keep, bytes, 0, kept);
        }
        lineStart -= keep;
        scan -= keep;
        chunkBase = kept;
        chunkPosition = chunk.position();
        chunk.get(chunk.position(), bytes, kept, n);
        limit = kept + n;
        return true;
    }

    /** A newline is always in the latest chunk: earlier chunks' bytes were searched before it was read. */
    private long key(int index) {
        return chunks.key(index - chunkBase + chunkPosition);
    }

    /** The buffer holding the current line (little-endian, for SWAR scans). */
    public ByteBuffer buffer() {
        return view;
    }

    public int start() {
        return lineStart;
    }

    public int end() {
        return lineEnd;
    }

    /** The key of the newline before the current line; -1 for the file's first line. */
    public long precedingKey() {
        return precedingKey;
    }

    public boolean startsWith(byte b) {
        return lineEnd > lineStart && bytes[lineStart] == b;
    }

    @Override
    public void close() throws IOException {
        chunks.close();
    }
}
