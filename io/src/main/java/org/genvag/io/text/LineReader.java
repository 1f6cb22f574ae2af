// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.text;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.genvag.io.bgzf.ByteSource;

/**
 * Cuts a {@link ByteSource} into lines without copying them: a line is a range of the source's current buffer.
 * Only a line that straddles two buffers is copied, into a carry buffer that grows to the longest such line.
 * A line ends at '\n'; a '\r' before it is dropped (Windows line ends); the last line needs no '\n'.
 *
 * <p>Made {@linkplain #countingTabs() counting tabs}, it also counts each line's tabs in the same pass that finds
 * its end, so a reader can check a line's column count without walking the line again.
 */
public final class LineReader implements AutoCloseable {
    private static final byte NL = '\n';
    private static final long NL_PATTERN = Swar.broadcast(NL);
    private static final byte TAB = '\t';
    private static final long TAB_PATTERN = Swar.broadcast(TAB);

    private final ByteSource source;
    private ByteBuffer chunk;
    private int pos;
    private ByteBuffer carry = ByteBuffer.allocateDirect(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private long lineNumber;
    private boolean countTabs;
    private boolean unterminated;
    private int tabs;

    private ByteBuffer lineBuffer;
    private int lineStart;
    private int lineEnd;

    public LineReader(ByteSource source) {
        this.source = source;
    }

    /** From here on, {@link #tabs()} counts each line's tabs. */
    public LineReader countingTabs() {
        countTabs = true;
        return this;
    }

    /** Advances to the next line; false at the end of input. The previous line's bytes become invalid. */
    public boolean next() throws IOException {
        if (chunk == null || pos >= chunk.limit()) {
            if (!advance()) {
                return false;
            }
        }
        tabs = 0;
        int nl = newline(pos);
        if (nl >= 0) {
            set(chunk, pos, nl);
            pos = nl + 1;
            return true;
        }
        return straddling();
    }

    /** The next newline of the chunk from {@code from}, or -1; adds the tabs before it to {@link #tabs}. */
    private int newline(int from) {
        if (!countTabs) {
            return Swar.indexOf(chunk, from, chunk.limit(), NL, NL_PATTERN);
        }
        long found = Swar.indexOfCounting(chunk, from, chunk.limit(), NL_PATTERN, TAB, TAB_PATTERN);
        tabs += (int) (found >>> 32);
        return (int) found;
    }

    /** The line continues into the next buffer(s): gather it in the carry buffer. */
    private boolean straddling() throws IOException {
        carry.clear();
        append(chunk, pos, chunk.limit());
        while (advance()) {
            int nl = newline(pos);
            if (nl >= 0) {
                append(chunk, pos, nl);
                pos = nl + 1;
                set(carry, 0, carry.position());
                return true;
            }
            append(chunk, pos, chunk.limit());
            pos = chunk.limit();
        }
        set(carry, 0, carry.position());
        unterminated = true;   // the input ended inside this line
        return true;
    }

    /** True once a line has been returned that the input ended in, without its '\n'. */
    public boolean lastLineUnterminated() {
        return unterminated;
    }

    private boolean advance() throws IOException {
        ByteBuffer b = source.next();
        while (b != null && !b.hasRemaining()) {
            b = source.next();
        }
        chunk = b;
        pos = b == null ? 0 : b.position();
        return b != null;
    }

    private void append(ByteBuffer from, int start, int end) {
        int n = end - start;
        if (carry.remaining() < n + 8) {
            ByteBuffer bigger = ByteBuffer.allocateDirect(Math.max(carry.capacity() * 2, carry.position() + n + 8))
                    .order(ByteOrder.LITTLE_ENDIAN);
            carry.flip();
            bigger.put(carry);
            carry = bigger;
        }
        carry.put(carry.position(), from, start, n);
        carry.position(carry.position() + n);
    }

    private void set(ByteBuffer buf, int start, int end) {
        if (end > start && buf.get(end - 1) == '\r') {
            end--;
        }
        lineBuffer = buf;
        lineStart = start;
        lineEnd = end;
        lineNumber++;
    }

    public ByteBuffer buffer() {
        return lineBuffer;
    }

    public int start() {
        return lineStart;
    }

    /** Exclusive; the '\n' (and any '\r') is not part of the line. */
    public int end() {
        return lineEnd;
    }

    /** Tabs in the current line, when {@linkplain #countingTabs() counting}. */
    public int tabs() {
        return tabs;
    }

    /** 1-based number of the current line. */
    public long lineNumber() {
        return lineNumber;
    }

    /** The source's compressed offset of the current buffer, for error messages. */
    public long compressedOffset() {
        return source.compressedOffset();
    }

    public boolean startsWith(byte b) {
        return lineEnd > lineStart && lineBuffer.get(lineStart) == b;
    }

    /** The current line as a String: for headers and messages, never the record hot path. */
    public String lineAsString() {
        byte[] b = new byte[lineEnd - lineStart];
        lineBuffer.get(lineStart, b);
        return new String(b, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
