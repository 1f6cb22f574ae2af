// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.bgzf;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Writes BGZF: the input is cut into blocks of at most {@link Bgzf#MAX_INPUT_PER_BLOCK} bytes, each deflated into its
 * own gzip member, and {@link #close()} appends the EOF block.
 *
 * <p>With more than one thread, blocks are deflated on worker threads while the caller fills the next ones, and
 * written in order as they finish (at most {@code 2 x threads + 2} blocks in flight: bounded memory). The bytes are
 * the same whatever the thread count, for one compressor: libdeflate's (Java 22+) and the JDK's write different
 * deflate streams of the same data. Where a block lands is then known only once it is written: an index builder
 * asks {@link #position()} (block number and offset in it) and is told each block's compressed offset through
 * {@link BlockListener}, in order. With one thread, {@link #virtualOffset()} gives the virtual offset at once.
 */
public final class BgzfOutputStream extends OutputStream {
    /** Told, on the writing thread and in block order, where each block was written. */
    @FunctionalInterface
    public interface BlockListener {
        void written(long block, long compressedOffset);
    }

    private final OutputStream out;
    private final Supplier<BlockCompressor> compressors;
    private final BlockDeflater inline;
    private final ExecutorService workers;
    private final ThreadLocal<BlockDeflater> deflater;
    private final ConcurrentLinkedQueue<BlockDeflater> made = new ConcurrentLinkedQueue<>();
    /** The worker threads the pool made, joined when the workers stop. */
    private final Queue<Thread> started = new ConcurrentLinkedQueue<>();
    private final ArrayBlockingQueue<Block> free;
    private final ArrayDeque<CompletableFuture<Block>> inFlight = new ArrayDeque<>();
    private Block current;
    private long blocksStarted;
    private long compressedOffset;
    private BlockListener listener;
    private boolean closed;

    /** One thread, the best compressor available ({@link BlockCompressors#best()}), level 6 as bgzip's default. */
    public BgzfOutputStream(OutputStream out) {
        this(out, 1);
    }

    /** @param threads deflating threads: 1 deflates on the caller's thread */
    public BgzfOutputStream(OutputStream out, int threads) {
        this(out, threads, BlockCompressors.best());
    }

    /** With a chosen compressor ({@link BlockCompressors#jdk()} for bytes that do not depend on the platform). */
    public BgzfOutputStream(OutputStream out, int threads, Supplier<BlockCompressor> compressors) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1");
        }
        this.out = out;
        this.compressors = compressors;
        int pool = threads == 1 ? 1 : 2 * threads + 2;
        this.free = new ArrayBlockingQueue<>(pool);
        for (int i = 0; i < pool; i++) {
            free.add(new Block());
        }
        this.current = free.poll();
        if (threads == 1) {
            inline = new BlockDeflater(compressors.get());
            workers = null;
            deflater = null;
        } else {
            inline = null;
            workers = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "genvag-deflate");
                t.setDaemon(true);
                started.add(t);
                return t;
            });
            deflater = ThreadLocal.withInitial(() -> {
                BlockDeflater d = new BlockDeflater(this.compressors.get());
                made.add(d);
                return d;
            });
        }
    }

    /** Where each block lands, for an index built while writing with several threads. */
    public void setBlockListener(BlockListener listener) {
        this.listener = listener;
    }

    /**
     * Virtual offset of the next byte: compressed offset of its block in the top 48 bits, offset within it below.
     * Only while every earlier block has been written: always with one thread; with more, use {@link #position()}.
     */
    public long virtualOffset() {
        if (!inFlight.isEmpty()) {
            throw new IllegalStateException("blocks are still being deflated: use position() and a BlockListener");
        }
        return (compressedOffset << 16) | current.length;
    }

    /** The next byte's block number (from 0, in write order) in the top 48 bits and its offset in the block below. */
    public long position() {
        return (blocksStarted << 16) | current.length;
    }

    @Override
    public void write(int b) throws IOException {
        if (current.length == Bgzf.MAX_INPUT_PER_BLOCK) {
            endBlock();
        }
        current.input[current.length++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (current.length == Bgzf.MAX_INPUT_PER_BLOCK) {
                endBlock();
            }
            int n = Math.min(len, Bgzf.MAX_INPUT_PER_BLOCK - current.length);
            System.arraycopy(b, off, current.input, current.length, n);
            current.length += n;
            off += n;
            len -= n;
        }
    }

    /**
     * Ends the current block now, so that the next byte starts a new one (an index can then point at it), and
     * writes every block out.
     */
    @Override
    public void flush() throws IOException {
        if (current.length > 0) {
            endBlock();
        }
        while (!inFlight.isEmpty()) {
            writeOut(await(inFlight.poll()));
        }
        out.flush();
    }

    private void endBlock() throws IOException {
        Block b = current;
        b.sequence = blocksStarted++;
        if (workers == null) {
            inline.deflate(b);
            writeOut(b);
            current = b;
            return;
        }
        inFlight.add(CompletableFuture.supplyAsync(() -> {
            deflater.get().deflate(b);
            return b;
        }, workers));
        // Write what has finished, in order; wait for the oldest only when no free block is left.
        while (!inFlight.isEmpty() && (inFlight.peek().isDone() || free.isEmpty())) {
            writeOut(await(inFlight.poll()));
        }
        current = free.poll();
    }

    private Block await(CompletableFuture<Block> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing BGZF");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw c instanceof IOException io ? io : new IOException("BGZF deflate failed", c);
        }
    }

    private void writeOut(Block b) throws IOException {
        out.write(b.block, 0, b.total);
        long at = compressedOffset;
        compressedOffset += b.total;
        b.length = 0;
        if (workers != null) {
            free.add(b);
        }
        if (listener != null) {
            listener.written(b.sequence, at);
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            flush();
            out.write(Bgzf.EOF_BLOCK);
            compressedOffset += Bgzf.EOF_BLOCK.length;
        } finally {
            try {
                stopWorkers();
            } finally {
                out.close();
            }
        }
    }

    /**
     * Stops without writing what is left (an output abandoned on an error: its file is being removed) and frees the
     * deflaters. The stream it wraps is the caller's to close.
     */
    public void abandon() {
        if (!closed) {
            closed = true;
            stopWorkers();
        }
    }

    /** Workers stop before their deflaters end: a deflater is ended only when no worker can use it. */
    private void stopWorkers() {
        if (workers == null) {
            inline.end();
            return;
        }
        workers.shutdownNow();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("BGZF deflate workers did not stop");
            }
            // A terminated pool's last worker may still be returning from its run method: wait for each thread to
            // end, so that none outlives the stream (a caller counting threads sees them gone).
            for (Thread t : started) {
                t.join(TimeUnit.SECONDS.toMillis(10));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (BlockDeflater d; (d = made.poll()) != null; ) {
            d.end();
        }
    }

    /** One block's input and its compressed form; numbered when it is ended so listeners know which it was. */
    static final class Block {
        final byte[] input = new byte[Bgzf.MAX_INPUT_PER_BLOCK];
        final byte[] block = new byte[Bgzf.MAX_BLOCK_SIZE];
        int length;
        int total;
        long sequence;
    }
}
