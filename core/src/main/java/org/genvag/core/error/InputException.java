package org.genvag.core.error;

/**
 * A problem with what the user gave genvag: a malformed file, an unknown gene, a build mismatch. The message says
 * where (file, line or byte offset) and what was expected; the command line prints it without a stack trace.
 */
public class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** "file:line: message", the form compilers use, so editors and terminals can jump to it. */
    public static InputException at(String source, long line, String message) {
        return new InputException(source + ":" + line + ": " + message);
    }
}
