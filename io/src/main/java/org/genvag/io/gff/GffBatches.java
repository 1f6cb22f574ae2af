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
 * {@code 2 * threads + 2} batches are held at a time. {@link #close} stops the threads.
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
    private End end;

    private GffBatches(BufferedReader lines, String source, Boolean gtf) {
        this.source = source;
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

    /** The next batch in file order, or null after the last. */
    Parsed next() throws IOException {
        if (end != null) {
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
            Boolean format = gtf;
            String[] batch = new String[BATCH];
            long[] numbers = new long[BATCH];
            int size = 0;
            long n = 0;
            boolean any = false;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                n++;
                if (line.startsWith("#")) {
                    if (line.startsWith("##gff-version") && format == null) {
                        format = Boolean.FALSE;
                    } else if (line.startsWith("##FASTA")) {
                        break;   // GFF3: sequences follow, no more features
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
                if (size == BATCH) {
                    queue.put(submit(batch, numbers, size, Boolean.TRUE.equals(format)));
                    batch = new String[BATCH];
                    numbers = new long[BATCH];
                    size = 0;
                }
            }
            if (size > 0) {
                queue.put(submit(batch, numbers, size, Boolean.TRUE.equals(format)));
            }
            queue.put(new End(Boolean.TRUE.equals(format), any));
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

    private Future<Parsed> submit(String[] lines, long[] numbers, int size, boolean gtf) {
        return pool.submit(() -> {
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
        });
    }
}
