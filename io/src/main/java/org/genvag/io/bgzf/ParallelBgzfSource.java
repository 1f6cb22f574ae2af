// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.bgzf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Inflates BGZF on worker threads while the consumer reads earlier data, in order.
 *
 * <p>A reader thread cuts the compressed stream into batches of up to {@value #BLOCKS_PER_BATCH} blocks; each batch
 * is inflated by one worker into one pooled direct buffer (1 MiB), so a batch's bytes are contiguous and only lines
 * that cross a batch boundary ever need copying. Batches come back through a queue of futures in file order. The
 * pool holds {@code 2 * threads + 2} batches: memory is bounded (a few MiB) whatever the file's size, and a slow
 * consumer stalls the reader instead of growing a queue. With one thread, batches are inflated on the consumer's
 * thread and no thread is started.
 *
 * <p>{@link #close()} closes the compressed input and ends every inflater the source made (native ones hold memory
 * outside the heap until ended), after the workers have stopped, so that a program opening thousands of files
 * holds neither file descriptors nor inflaters for the ones it has finished.
 */
public final class ParallelBgzfSource implements ByteSource {
    static final int BLOCKS_PER_BATCH = 16;
    private static final int BATCH_BYTES = BLOCKS_PER_BATCH * Bgzf.MAX_BLOCK_SIZE;

    /** A compressed batch and the direct buffer it inflates into; recycled through {@link #free}. */
    private static final class Batch {
        final byte[] compressed = new byte[BATCH_BYTES];
        final ByteBuffer inflated = ByteBuffer.allocateDirect(BATCH_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        final int[] blockStarts = new int[BLOCKS_PER_BATCH + 1];
        int blocks;
        long offset;
        boolean last;
    }

    private final CompressedBlockReader reader;
    private final BlockingQueue<Batch> free;
    private final BlockingQueue<CompletableFuture<Batch>> ready;
    private final ExecutorService workers;
    private final Thread readerThread;
    private final ThreadLocal<BlockInflater> inflater;
    /** Every inflater made for a worker, to end on close. */
    private final Queue<BlockInflater> made = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<BlockDecoder> decoder = ThreadLocal.withInitial(BlockDecoder::new);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final BlockInflater inlineInflater;
    private Batch current;
    private boolean ended;

    public ParallelBgzfSource(InputStream in, String source, int threads, Supplier<BlockInflater> inflaters) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1");
        }
        this.reader = new CompressedBlockReader(in, source);
        int pool = threads == 1 ? 1 : 2 * threads + 2;
        this.free = new ArrayBlockingQueue<>(pool);
        for (int i = 0; i < pool; i++) {
            free.add(new Batch());
        }
        this.ready = new ArrayBlockingQueue<>(pool + 1);
        this.inflater = ThreadLocal.withInitial(() -> {
            BlockInflater i = inflaters.get();
            made.add(i);
            return i;
        });
        if (threads == 1) {
            workers = null;
            readerThread = null;
            inlineInflater = inflaters.get();
        } else {
            inlineInflater = null;
            workers = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "genvag-inflate");
                t.setDaemon(true);
                return t;
            });
            readerThread = new Thread(this::readLoop, "genvag-bgzf-reader");
            readerThread.setDaemon(true);
            readerThread.start();
        }
    }

    @Override
    public ByteBuffer next() throws IOException {
        if (current != null) {
            recycle(current);
            current = null;
        }
        if (ended) {
            return null;
        }
        Batch batch;
        if (workers == null) {
            batch = free.poll();
            if (!fill(batch)) {
                ended = true;
                return null;
            }
            inflate(batch, inlineInflater);
        } else {
            try {
                batch = ready.take().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading " + reader.source(), e);
            } catch (ExecutionException e) {
                throw rethrow(e.getCause());
            }
            if (batch == null) {
                ended = true;
                return null;
            }
        }
        current = batch;
        return batch.inflated;
    }

    @Override
    public long compressedOffset() {
        return current == null ? reader.offset() : current.offset;
    }

    private void readLoop() {
        try {
            while (!closed.get()) {
                Batch batch = free.take();
                if (!fill(batch)) {
                    free.add(batch);
                    ready.put(CompletableFuture.completedFuture(null));
                    return;
                }
                ready.put(CompletableFuture.supplyAsync(() -> {
                    try {
                        inflate(batch, inflater.get());
                        return batch;
                    } catch (IOException e) {
                        throw new CompletionException(e);
                    }
                }, workers));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            ready.offer(CompletableFuture.failedFuture(t));
        }
    }

    /** Reads up to a batch of compressed blocks; false when the input has ended. */
    private boolean fill(Batch batch) throws IOException {
        batch.blocks = 0;
        batch.offset = reader.offset();
        int at = 0;
        batch.blockStarts[0] = 0;
        while (batch.blocks < BLOCKS_PER_BATCH) {
            int size = reader.next(batch.compressed, at);
            if (size < 0) {
                break;
            }
            at += size;
            batch.blockStarts[++batch.blocks] = at;
        }
        return batch.blocks > 0;
    }

    private void inflate(Batch batch, BlockInflater inflater) throws IOException {
        ByteBuffer out = batch.inflated;
        out.clear();
        BlockDecoder decoder = this.decoder.get();
        long blockOffset = batch.offset;
        for (int b = 0; b < batch.blocks; b++) {
            int start = batch.blockStarts[b];
            int size = batch.blockStarts[b + 1] - start;
            decoder.inflate(batch.compressed, start, size, out, inflater, reader.source(), blockOffset);
            blockOffset += size;
        }
        out.flip();
    }

    private void recycle(Batch batch) {
        free.offer(batch);
    }

    private static IOException rethrow(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error err) {
            throw err;
        }
        return t instanceof IOException io ? io : new IOException(t);
    }

    @Override
    public void close() throws IOException {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            reader.close();   // also wakes the reader thread if it waits for input
        } finally {
            if (readerThread != null) {
                readerThread.interrupt();
                workers.shutdownNow();
                awaitWorkers();
            }
            if (inlineInflater != null) {
                inlineInflater.close();
            }
            for (BlockInflater i; (i = made.poll()) != null; ) {
                i.close();
            }
        }
    }

    /** Workers stop at their next batch once interrupted; an inflater is ended only when no worker can use it. */
    private void awaitWorkers() {
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("inflate workers of " + reader.source() + " did not stop");
            }
            readerThread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
