// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.bgzf;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.genvag.core.error.InputException;

/** Opens a file or stream as decompressed bytes, choosing BGZF, gzip or plain text from its first bytes. */
public final class ByteSources {
    public enum Compression { BGZF, GZIP, NONE }

    private ByteSources() {
    }

    /** {@code -} means standard input. */
    public static ByteSource open(String pathOrDash, int threads) throws IOException {
        if (pathOrDash.equals("-")) {
            return open(System.in, "<stdin>", threads);
        }
        Path path = Path.of(pathOrDash);
        if (Files.isDirectory(path)) {
            throw new InputException(pathOrDash + ": is a directory, expected a file");
        }
        return open(Files.newInputStream(path), pathOrDash, threads);
    }

    public static ByteSource open(InputStream raw, String source, int threads) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 17);
        try {
            return open(in, source, threads);
        } catch (IOException | RuntimeException e) {
            in.close();   // the source owns the stream from here: one that fails to open closes it
            throw e;
        }
    }

    private static ByteSource open(BufferedInputStream in, String source, int threads) throws IOException {
        Compression c = sniff(in);
        switch (c) {
            case BGZF:
                return new ParallelBgzfSource(in, source, threads, BlockInflaters.best());
            case GZIP:
                try {
                    return new StreamSource(new GZIPInputStream(in, 1 << 16), source);
                } catch (ZipException e) {
                    throw new InputException(source + ": corrupt gzip header: " + e.getMessage());
                } catch (EOFException e) {
                    throw new InputException(source + ": truncated gzip header: the file ends inside it");
                }
            default:
                return new StreamSource(in, source);
        }
    }

    /** The bytes of {@code buffer} (position to limit) as a source of one buffer. */
    public static ByteSource of(ByteBuffer buffer) {
        return new ByteSource() {
            boolean done;

            @Override
            public ByteBuffer next() {
                if (done) {
                    return null;
                }
                done = true;
                return buffer;
            }

            @Override
            public long compressedOffset() {
                return 0;
            }

            @Override
            public void close() {
            }
        };
    }

    /** The sources one after another; closing closes all. */
    public static ByteSource concat(ByteSource first, ByteSource second) {
        return new ByteSource() {
            boolean onSecond;

            @Override
            public ByteBuffer next() throws IOException {
                if (!onSecond) {
                    ByteBuffer b = first.next();
                    if (b != null) {
                        return b;
                    }
                    onSecond = true;
                }
                return second.next();
            }

            @Override
            public long compressedOffset() {
                return onSecond ? second.compressedOffset() : first.compressedOffset();
            }

            @Override
            public void close() throws IOException {
                try {
                    first.close();
                } finally {
                    second.close();
                }
            }
        };
    }

    /** Looks at the first gzip header without consuming it. */
    public static Compression sniff(BufferedInputStream in) throws IOException {
        in.mark(32);
        byte[] h = new byte[18];
        int n = 0;
        while (n < h.length) {
            int r = in.read(h, n, h.length - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        in.reset();
        if (n >= 2 && (h[0] & 0xff) == 0x1f && (h[1] & 0xff) == 0x8b) {
            boolean bgzf = n >= 18 && (h[3] & 4) != 0 && h[12] == 'B' && h[13] == 'C';
            return bgzf ? Compression.BGZF : Compression.GZIP;
        }
        return Compression.NONE;
    }
}
