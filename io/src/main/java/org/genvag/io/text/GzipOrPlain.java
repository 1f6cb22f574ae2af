// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.text;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.genvag.core.error.InputException;

/**
 * A small text input (BED, panel, gene list) that may be gzipped: chosen by its first two bytes. Damaged gzip, in
 * the header or further in, is an error naming the file, never a bare "Unsupported compression method" or an early
 * end of the text.
 */
public final class GzipOrPlain {
    private GzipOrPlain() {
    }

    /** The file's text, through gzip when it starts with gzip's magic bytes. */
    public static BufferedReader open(Path file, Charset charset) throws IOException {
        InputStream raw = Files.newInputStream(file);
        try {
            return open(raw, file.toString(), charset);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** The same for a stream (a resource, an upload); {@code source} names it in errors. */
    public static BufferedReader open(InputStream raw, String source, Charset charset) throws IOException {
        InputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        boolean gz = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        if (gz) {
            in = new Checked(gunzip(in, source), source);
        }
        return new BufferedReader(new InputStreamReader(in, charset), 1 << 16);
    }

    private static InputStream gunzip(InputStream in, String source) throws IOException {
        try {
            return new GZIPInputStream(in, 1 << 16);
        } catch (ZipException e) {
            throw new InputException(source + ": corrupt gzip header: " + e.getMessage());
        } catch (EOFException e) {
            throw new InputException(source + ": truncated gzip header: the file ends inside it");
        }
    }

    /** Turns the inflater's damage reports during reading into errors naming the file. */
    private static final class Checked extends FilterInputStream {
        private final String source;

        Checked(InputStream in, String source) {
            super(in);
            this.source = source;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (ZipException e) {
                throw corrupt(e);
            } catch (EOFException e) {
                throw truncated();
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (ZipException e) {
                throw corrupt(e);
            } catch (EOFException e) {
                throw truncated();
            }
        }

        private InputException corrupt(ZipException e) {
            return new InputException(source + ": corrupt gzip data: " + e.getMessage());
        }

        private InputException truncated() {
            return new InputException(source + ": truncated gzip data: the file ends mid-stream");
        }
    }
}
