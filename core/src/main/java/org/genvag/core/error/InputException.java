// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.error;

/**
 * A problem with what the user gave genvag: a malformed file, an unknown gene, a build mismatch. The message says
 * where (file, line or byte offset) and what was expected; the command line prints it without a stack trace. A lab
 * system that shows the problem its own way reads the parts: {@link #source()}, {@link #line()},
 * {@link #offset()} and {@link #detail()}.
 */
public class InputException extends RuntimeException {
    /** {@link #line()} or {@link #offset()} when the problem has none. */
    public static final long UNKNOWN = -1;
    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;
    private final long offset;
    private final String detail;

    /** A problem the message alone describes (a bad option, an unknown gene, a build mismatch). */
    public InputException(String message) {
        this(message, null);
    }

    public InputException(String message, Throwable cause) {
        this(null, UNKNOWN, UNKNOWN, message, message, cause);
    }

    private InputException(String source, long line, long offset, String detail, String message, Throwable cause) {
        super(message, cause);
        this.source = source;
        this.line = line;
        this.offset = offset;
        this.detail = detail;
    }

    /** "file:line: message", the form compilers use, so editors and terminals can jump to it. */
    public static InputException at(String source, long line, String message) {
        return new InputException(source, line, UNKNOWN, message, source + ":" + line + ": " + message, null);
    }

    /**
     * A problem at a byte offset of a binary input (a BGZF block's compressed offset, a store's byte):
     * "file: message", where the message says which offset it is.
     */
    public static InputException atOffset(String source, long offset, String message) {
        return new InputException(source, UNKNOWN, offset, message, source + ": " + message, null);
    }

    /** The file (or "&lt;stdin&gt;") the problem is in, or null when it is in no one file. */
    public String source() {
        return source;
    }

    /** The 1-based line of a text input, or {@link #UNKNOWN}. */
    public long line() {
        return line;
    }

    /** The byte offset in a binary input (for BGZF, of the compressed block), or {@link #UNKNOWN}. */
    public long offset() {
        return offset;
    }

    /** What is wrong, without the location. */
    public String detail() {
        return detail;
    }
}
