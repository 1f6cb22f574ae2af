// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.gff;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.genvag.core.error.InputException;
import org.genvag.io.Futures;

/**
 * A GFF3 or GTF file's features in batches, in file order, parsed ahead of the caller: one thread reads and decodes
 * the lines (and tells the format from the first line the models read, when the caller does not know it), {@code
 * cores - 1} threads cut batches of {@value #BATCH} lines into {@link GffFeature}s, and the caller takes the batches in
 * order ({@link #next}) and applies them. A batch holds its features up to its first malformed line and that line's
 * error, so the caller applies every line before an error first: the error it reports is the file's first. At most
 * {@code 2 * threads + 2} batches are held at a time. {@link #close} stops the threads. {@link #inline} does the same
 * work on the caller's thread, batch by batch, for a file too small to pay for starting threads.
 */
final class GffBatches implements AutoCloseable {
    static final int BATCH = 4096;

    /** A batch's features in order, up to the first malformed line, and that line's error (or null). */
    record Parsed(boolean gtf, List<GffFeature> features, InputException error) {
    }

    /** After the last batch: the format read, and whether any feature line was seen. */
    private record End(boolean gtf, boolean any) {
    }

    private final String source;
    private final BlockingQueue<Object> queue;
    private final ExecutorService pool;
    private final Thread reader;
    /** Reading and parsing on the caller's thread instead (a small file: no threads to start). */
    private final Lines inline;
    private End end;

    private GffBatches(String source, Lines inline) {
        this.source = source;
        this.inline = inline;
        this.queue = null;
        this.pool = null;
        this.reader = null;
    }

    private GffBatches(BufferedReader lines, String source, Boolean gtf) {
        this.source = source;
        this.inline = null;
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        this.queue = new ArrayBlockingQueue<>(2 * threads + 2);
        this.pool = Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "genvag-gff-parse");
            t.setDaemon(true);
            return t;
        });
        this.reader = new Thread(() -> read(lines, gtf), "genvag-gff-read");
        this.reader.setDaemon(true);
    }

    /** Starts reading {@code lines}; {@code gtf} true or false when the caller knows the format, null to tell. */
    static GffBatches start(BufferedReader lines, String source, Boolean gtf) {
        GffBatches b = new GffBatches(lines, source, gtf);
        b.reader.start();
        return b;
    }

    /** Reads and parses on the caller's thread, batch by batch: for a file too small to pay for threads. */
    static GffBatches inline(BufferedReader lines, String source, Boolean gtf) {
        return new GffBatches(source, new Lines(lines, gtf));
    }

    /** The next batch in file order, or null after the last. */
    Parsed next() throws IOException {
        if (end != null) {
            return null;
        }
        if (inline != null) {
            if (inline.fill()) {
                return parse(source, inline.batch, inline.numbers, inline.size, inline.gtf());
            }
            end = new End(inline.gtf(), inline.any);
            return null;
        }
        Object o;
        try {
            o = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (o instanceof End e) {
            end = e;
            return null;
        }
        @SuppressWarnings("unchecked")
        Future<Parsed> f = (Future<Parsed>) o;
        return Futures.get(f);
    }

    /** Whether the file is GTF; known after {@link #next} gave null. */
    boolean gtf() {
        return end.gtf();
    }

    /** Whether the file had a feature line; known after {@link #next} gave null. */
    boolean any() {
        return end.any();
    }

    @Override
    public void close() {
        if (inline != null) {
            return;
        }
        reader.interrupt();
        pool.shutdownNow();
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void read(BufferedReader lines, Boolean gtf) {
        try {
            Lines in = new Lines(lines, gtf);
            while (in.fill()) {
                queue.put(submit(in.batch, in.numbers, in.size, in.gtf()));
            }
            queue.put(new End(in.gtf(), in.any));
        } catch (InterruptedException e) {
            // close(): the caller stopped early (an error it reports); nothing more to read
        } catch (IOException | RuntimeException e) {
            try {
                queue.put(CompletableFuture.failedFuture(e));
            } catch (InterruptedException stopped) {
                // close() came first
            }
        }
    }

    /**
     * Data lines in batches with their line numbers: comments and blank lines skipped, reading stopped at GFF3's
     * {@code ##FASTA}, the format told from the first line the models read when not known.
     */
    private static final class Lines {
        private final BufferedReader lines;
        private Boolean format;
        String[] batch;
        long[] numbers;
        int size;
        long n;
        boolean any;
        private boolean done;

        Lines(BufferedReader lines, Boolean gtf) {
            this.lines = lines;
            this.format = gtf;
        }

        boolean gtf() {
            return Boolean.TRUE.equals(format);
        }

        /** Reads the next batch (new arrays: the last one may still be parsed); false when there is none. */
        boolean fill() throws IOException {
            batch = new String[BATCH];
            numbers = new long[BATCH];
            size = 0;
            while (!done && size < BATCH) {
                String line = lines.readLine();
                if (line == null) {
                    done = true;
                    break;
                }
                n++;
                if (line.startsWith("#")) {
                    if (line.startsWith("##gff-version") && format == null) {
                        format = Boolean.FALSE;
                    } else if (line.startsWith("##FASTA")) {
                        done = true;   // GFF3: sequences follow, no more features
                    }
                    continue;
                }
                if (line.isBlank()) {
                    continue;
                }
                any = true;
                if (format == null) {
                    // The first line the models read tells the format; lines before it (UTRs, start codons, or a
                    // line too short to have a type) read the same either way.
                    String type = GffLineParser.type(line);
                    if (type != null && !GffLineParser.IGNORED.contains(type)) {
                        format = GffLineParser.looksLikeGtf(line);
                    }
                }
                batch[size] = line;
                numbers[size++] = n;
            }
            return size > 0;
        }
    }

    private Future<Parsed> submit(String[] lines, long[] numbers, int size, boolean gtf) {
        return pool.submit(() -> parse(source, lines, numbers, size, gtf));
    }

    private static Parsed parse(String source, String[] lines, long[] numbers, int size, boolean gtf) {
        GffLineParser parser = new GffLineParser(source, gtf);
        List<GffFeature> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            try {
                GffFeature f = parser.parse(lines[i], numbers[i]);
                if (f != null) {
                    out.add(f);
                }
            } catch (InputException e) {
                return new Parsed(gtf, out, e);
            }
        }
        return new Parsed(gtf, out, null);
    }
}
