// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.output;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

import org.genvag.core.error.InputException;

/**
 * An output file that appears only when complete: bytes go to a hidden temporary file beside the target, which is
 * synced to the disk ({@link FileChannel#force}) and renamed over the target by {@link #commit()}. Closing without
 * commit deletes the temporary, and so does an interrupt (see {@link Temporaries}), so a failed or stopped run
 * leaves no half-written output behind. Several outputs of one job appear together through an {@link OutputGroup}.
 *
 * <p>Every failure to write names the target, not the temporary ({@link OutputException}). The target's folder
 * must exist: genvag does not create folders the user did not ask for.
 *
 * <p>Only regular files (or names not yet taken) are replaced this way. A device, FIFO or other special file
 * ({@code /dev/null}, {@code /dev/stdout}, a named pipe) is written in place: renaming over it would replace the
 * device with a regular file.
 */
public final class AtomicOutput implements AutoCloseable {
    private final Path target;
    private final Path temp;            // null when writing in place to a special file
    private final FileChannel channel;  // the temporary's, for the sync; null in place
    private final NamingFailures file;
    private final OutputStream stream;
    private boolean finished;
    private boolean committed;

    public AtomicOutput(Path target) throws IOException {
        this.target = target.toAbsolutePath();
        if (Files.isDirectory(this.target)) {
            throw new InputException(target + ": is a directory, expected an output file");
        }
        if (Files.exists(this.target) && !Files.isRegularFile(this.target)) {
            this.temp = null;
            this.channel = null;
            this.file = new NamingFailures(open(this.target, StandardOpenOption.WRITE), this.target);
            this.stream = new BufferedOutputStream(file, 1 << 16);
            return;
        }
        Path dir = this.target.getParent();
        if (!Files.isDirectory(dir)) {
            throw new InputException(target + ": the folder " + dir + " does not exist (genvag does not create "
                    + "output folders)");
        }
        Temporaries.sweepOrphans(this.target);
        this.temp = tempSibling(this.target, ".tmp");
        try {
            this.channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw OutputException.of(this.target, e);
        }
        Temporaries.opened(temp);
        this.file = new NamingFailures(Channels.newOutputStream(channel), this.target);
        this.stream = new BufferedOutputStream(file, 1 << 16);
    }

    private static OutputStream open(Path target, StandardOpenOption option) throws IOException {
        try {
            return Files.newOutputStream(target, option);
        } catch (IOException e) {
            throw OutputException.of(target, e);
        }
    }

    /** Writes {@code text} (UTF-8) to {@code target} whole or not at all. */
    public static void writeString(Path target, CharSequence text) throws IOException {
        try (AtomicOutput out = new AtomicOutput(target)) {
            out.stream().write(text.toString().getBytes(StandardCharsets.UTF_8));
            out.commit();
        }
    }

    /**
     * A fresh hidden name beside {@code target} ({@code .NAME.<nonce><suffix>}). Unlike {@code Files.createTempFile}
     * it does not create the file with owner-only permissions, so the finished output gets the usual umask-derived
     * mode.
     */
    public static Path tempSibling(Path target, String suffix) {
        long nonce = ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
        return target.toAbsolutePath().resolveSibling("." + target.getFileName() + "." + Long.toString(nonce, 36)
                + suffix);
    }

    public Path target() {
        return target;
    }

    /** True for a special file (a device, a pipe) written in place rather than through a temporary. */
    public boolean inPlace() {
        return temp == null;
    }

    public OutputStream stream() {
        return stream;
    }

    /** Closes the stream and moves the finished, synced file into place. */
    public void commit() throws IOException {
        finish();
        publish();
        syncFolder(target.getParent());
    }

    /** Flushes, syncs and closes the temporary: everything but the rename. */
    void finish() throws IOException {
        if (finished) {
            return;
        }
        stream.flush();
        if (channel != null) {
            try {
                channel.force(true);
            } catch (IOException e) {
                throw OutputException.of(target, e);
            }
        }
        file.closeFile();
        finished = true;
    }

    /** Renames the finished temporary over the target. */
    void publish() throws IOException {
        committed = true;
        if (temp == null) {
            return;
        }
        try {
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            committed = false;
            throw OutputException.of(target, e);
        } finally {
            if (committed) {
                Temporaries.closed(temp);
            }
        }
    }

    /** Makes the renames in {@code dir} durable: a rename is an entry of the folder, synced with the folder. */
    static void syncFolder(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not every file system syncs a folder; the files themselves are synced already.
        }
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            try {
                file.closeFile();
            } catch (IOException e) {
                // Discarding: the failure that led here is the one to report.
            } finally {
                if (temp != null) {
                    Files.deleteIfExists(temp);
                    Temporaries.closed(temp);
                }
            }
        }
    }

    /** Reports every write failure as one of the target's. */
    private static final class NamingFailures extends FilterOutputStream {
        private final Path target;

        NamingFailures(OutputStream out, Path target) {
            super(out);
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw OutputException.of(target, e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw OutputException.of(target, e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw OutputException.of(target, e);
            }
        }

        /**
         * Flushes only: writers close the stream they were given (a BGZF stream closes what it wraps) before the
         * output is committed, and the commit still has to sync the file. The output closes the file itself.
         */
        @Override
        public void close() throws IOException {
            flush();
        }

        void closeFile() throws IOException {
            try {
                out.close();
            } catch (IOException e) {
                throw OutputException.of(target, e);
            }
        }
    }
}
