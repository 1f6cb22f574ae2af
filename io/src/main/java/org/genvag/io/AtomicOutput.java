package org.genvag.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * An output file that appears only when complete: bytes go to a temporary file beside the target, which is renamed
 * over it by {@link #commit()}. Closing without commit deletes the temporary file, so a failed run leaves no
 * half-written output behind.
 *
 * <p>Only regular files (or names not yet taken) are replaced this way. A device, FIFO or other special file
 * ({@code /dev/null}, {@code /dev/stdout}, a named pipe) is written in place: renaming over it would replace the
 * device with a regular file.
 */
public final class AtomicOutput implements AutoCloseable {
    private final Path target;
    private final Path temp;   // null when writing in place to a special file
    private final OutputStream stream;
    private boolean committed;

    public AtomicOutput(Path target) throws IOException {
        this.target = target.toAbsolutePath();
        if (Files.exists(this.target) && !Files.isRegularFile(this.target)) {
            if (Files.isDirectory(this.target)) {
                throw new org.genvag.core.error.InputException(target + ": is a directory, expected an output file");
            }
            this.temp = null;
            this.stream = new java.io.BufferedOutputStream(Files.newOutputStream(this.target,
                    StandardOpenOption.WRITE), 1 << 16);
            return;
        }
        Path dir = this.target.getParent();
        Files.createDirectories(dir);
        this.temp = tempSibling(this.target, ".tmp");
        this.stream = new java.io.BufferedOutputStream(Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), 1 << 16);
    }

    /**
     * A fresh name beside {@code target} for a temporary file. Unlike {@code Files.createTempFile} it does not
     * create the file with owner-only permissions, so the finished output gets the usual umask-derived mode.
     */
    /** Writes {@code text} (UTF-8) to {@code target} whole or not at all. */
    public static void writeString(Path target, CharSequence text) throws IOException {
        try (AtomicOutput out = new AtomicOutput(target)) {
            out.stream().write(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.commit();
        }
    }

    public static Path tempSibling(Path target, String suffix) {
        long nonce = java.util.concurrent.ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
        return target.toAbsolutePath().resolveSibling("." + target.getFileName() + "." + Long.toString(nonce, 36)
                + suffix);
    }

    public Path target() {
        return target;
    }

    public OutputStream stream() {
        return stream;
    }

    /** Closes the stream and moves the finished file into place. */
    public void commit() throws IOException {
        stream.close();
        committed = true;
        if (temp == null) {
            return;
        }
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            try {
                stream.close();
            } finally {
                if (temp != null) {
                    Files.deleteIfExists(temp);
                }
            }
        }
    }
}
