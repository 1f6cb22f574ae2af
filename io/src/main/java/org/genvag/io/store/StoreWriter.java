// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.genvag.core.error.InputException;
import org.genvag.io.Futures;
import org.genvag.io.output.AtomicOutput;
import org.genvag.io.vcf.VcfReader;
import org.genvag.io.vcf.VcfRecord;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdException;

import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.xxhash.StreamingXXHash32;

/**
 * Writes a VCF into a variant store: the header verbatim, then blocks of up to {@code blockRecords} records of one
 * contig, each a set of LZ4-compressed columns with an xxHash32 each, then the block index and a footer. Written
 * to a temporary file and renamed when complete, so a store on disk is always whole.
 *
 * <p>Reads the whole VCF from the reader it is given (which it does not close); throws {@link InputException} for a
 * record it cannot place (unsorted input, a broken POS or END) and {@link IOException} when the environment fails.
 * Thread-safe: no state between calls; {@code Options.threads} encoder threads per call, stopped before it returns.
 */
public final class StoreWriter {

    /**
     * @param blockRecords records per block: larger blocks compress better, smaller ones make a panel query decode
     *                     less; 256 was the best trade for a 944-gene panel query (BENCHMARKS.md)
     * @param high         LZ4 HC instead of LZ4's fast compressor: smaller, slower to build, as fast to read
     */
    public record Options(int blockRecords, boolean high, int threads) {
        public static Options defaults() {
            return new Options(256, false, 2);
        }

        public Options {
            if (blockRecords < 1) {
                throw new IllegalArgumentException("records per block must be >= 1");
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1");
            }
        }
    }

    public record Summary(long records, int blocks, long bytes) {
    }

    /**
     * A block's columns, encoded and compressed by a worker: their names in order and their entries (encoding,
     * lengths, checksum, data) back to back in {@code body}, {@code starts[i]} where column i's entry begins. The
     * writer numbers the names and frames the block, in input order, so that a store does not depend on which worker
     * finished first.
     */
    private record Encoded(byte[] body, int length, String[] names, int[] starts, String contig, long minPos,
                           long maxEnd, int records) {
    }

    private StoreWriter() {
    }

    public static Summary write(VcfReader reader, Path target, Options options) throws IOException {
        try (AtomicOutput atomic = new AtomicOutput(target)) {
            CountingStream out = new CountingStream(new BufferedOutputStream(atomic.stream(), 1 << 16));
            Summary s = write(reader, out, options);
            out.flush();
            atomic.commit();
            return s;
        }
    }

    /**
     * The reading thread parses each record far enough to place it (contig, POS, END) and copies its line into a
     * batch; workers take batches apart into columns and compress them; blocks are written in input order. At most
     * two batches per worker are in flight, so memory does not grow with the input.
     */
    private static Summary write(VcfReader reader, CountingStream out, Options options) throws IOException {
        LZ4Compressor lz4 = options.high() ? StoreFormat.LZ4.highCompressor() : StoreFormat.LZ4.fastCompressor();
        ByteSink head = new ByteSink(32);
        head.write(StoreFormat.MAGIC, 0, StoreFormat.MAGIC.length);
        head.u32(StoreFormat.VERSION);
        head.u32(StoreFormat.FLAG_COLUMN_ENCODING | StoreFormat.FLAG_MORE_ENCODINGS | StoreFormat.FLAG_ZSTD);
        StringBuilder header = new StringBuilder();
        for (String line : reader.headerLines()) {
            header.append(line).append('\n');
        }
        byte[] text = header.toString().getBytes(StandardCharsets.UTF_8);   // as VcfWriter writes headers
        section(head, "header", text, text.length, lz4);
        out.write(head.bytes, 0, head.length);

        Map<String, Integer> names = new HashMap<>();   // column name -> number, in order of first appearance
        int workers = options.threads();
        ExecutorService pool = workers > 1 ? Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "genvag-store-encoder");
            t.setDaemon(true);
            return t;
        }) : null;
        ArrayDeque<Future<Encoded>> inFlight = new ArrayDeque<>();
        ArrayDeque<RecordBatch> free = new ArrayDeque<>();
        List<StoreBlock> index = new ArrayList<>();
        ThreadLocal<BlockShredder> shredders = ThreadLocal.withInitial(BlockShredder::new);
        ThreadLocal<VcfRecord> views = ThreadLocal.withInitial(VcfRecord::new);
        String source = reader.source();
        try {
            RecordBatch batch = new RecordBatch();
            VcfRecord r = new VcfRecord();
            int contig = -1;
            long records = 0;
            while (reader.next(r)) {
                if (r.contig() != contig || batch.size() == options.blockRecords()) {
                    if (batch.size() > 0) {
                        submit(batch, pool, inFlight, free, index, out, shredders, views, source, lz4, names,
                                workers);
                        synchronized (free) {
                            batch = free.isEmpty() ? new RecordBatch() : free.poll();
                        }
                        batch.clear();
                    }
                    contig = r.contig();
                    batch.contig = r.contigName();
                }
                batch.add(r);   // POS and END are parsed by the worker; a malformed one is an error naming the line
                records++;
            }
            if (batch.size() > 0) {
                submit(batch, pool, inFlight, free, index, out, shredders, views, source, lz4, names, workers);
            }
            while (!inFlight.isEmpty()) {
                written(inFlight.poll(), index, names, out);
            }
            return finish(index, names, records, out);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private static void submit(RecordBatch batch, ExecutorService pool, ArrayDeque<Future<Encoded>> inFlight,
                               ArrayDeque<RecordBatch> free, List<StoreBlock> index, CountingStream out,
                               ThreadLocal<BlockShredder> shredders, ThreadLocal<VcfRecord> views, String source,
                               LZ4Compressor lz4, Map<String, Integer> names, int workers) throws IOException {
        Callable<Encoded> task = () -> {
            try {
                return encode(batch, shredders.get(), views.get(), source, lz4);
            } finally {
                synchronized (free) {
                    free.add(batch);
                }
            }
        };
        if (pool == null) {
            try {
                written(CompletableFuture.completedFuture(task.call()), index, names, out);
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
            return;
        }
        inFlight.add(pool.submit(task));
        while (inFlight.size() > 2 * workers) {
            written(inFlight.poll(), index, names, out);
        }
    }

    private static Encoded encode(RecordBatch batch, BlockShredder shredder, VcfRecord view, String source,
                                  LZ4Compressor lz4) {
        shredder.clear();
        batch.shred(shredder, view, source);
        ByteSink body = new ByteSink(batch.lines.byteLength() / 2 + 1024);
        List<String> columnNames = COLUMN_NAMES.get();
        List<ByteSink> columns = COLUMN_SINKS.get();
        shredder.columns(columnNames, columns);
        int[] starts = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            starts[i] = body.length;
            column(body, columnNames.get(i), columns.get(i).bytes, columns.get(i).length, lz4);
        }
        return new Encoded(body.bytes, body.length, columnNames.toArray(new String[0]), starts, batch.contig,
                shredder.minPos, shredder.maxEnd, shredder.records());
    }

    /**
     * Frames and writes the next block in input order: header, column count, and each column's number before its
     * entry. Columns are named by number, numbered in order of first appearance; the names are listed once, in the
     * index. Numbering here, on one thread in input order, makes a store the same bytes whatever the worker count.
     */
    private static void written(Future<Encoded> future, List<StoreBlock> index, Map<String, Integer> names,
                                CountingStream out) throws IOException {
        Encoded e = Futures.get(future);   // an InputException about a record stays one
        // The frame (header and column numbers) is small; the columns' entries go out as the worker left them,
        // hashed as they pass: the writing thread copies nothing.
        ByteSink frame = FRAME.get();
        frame.clear();
        frame.u32(StoreFormat.BLOCK_MAGIC);
        frame.u32(e.records());
        frame.u16(e.names().length);
        StreamingXXHash32 hash = StoreFormat.XXHASH_FACTORY.newStreamingHash32(StoreFormat.HASH_SEED);
        long offset = out.count;
        int length = 0;
        for (int i = 0; i < e.names().length; i++) {
            Integer id = names.get(e.names()[i]);
            if (id == null) {
                id = names.size();
                names.put(e.names()[i], id);
            }
            frame.varint(id);
            length += emit(frame.bytes, 0, frame.length, hash, out);
            frame.clear();
            int end = i + 1 < e.starts().length ? e.starts()[i + 1] : e.length();
            length += emit(e.body(), e.starts()[i], end - e.starts()[i], hash, out);
        }
        length += emit(frame.bytes, 0, frame.length, hash, out);   // a block without columns: its header alone
        index.add(new StoreBlock(index.size(), e.contig(), e.minPos(), e.maxEnd(), offset, length, e.records(),
                hash.getValue()));
    }

    private static int emit(byte[] bytes, int from, int length, StreamingXXHash32 hash, CountingStream out)
            throws IOException {
        hash.update(bytes, from, length);
        out.write(bytes, from, length);
        return length;
    }

    private static final ThreadLocal<ByteSink> FRAME = ThreadLocal.withInitial(() -> new ByteSink(64));

    private static Summary finish(List<StoreBlock> index, Map<String, Integer> names, long records,
                                  CountingStream out) throws IOException {
        String[] byId = new String[names.size()];
        names.forEach((name, id) -> byId[id] = name);
        ByteSink idx = new ByteSink(64 + index.size() * 48);
        idx.u32(byId.length);
        for (String name : byId) {
            byte[] n = name.getBytes(StandardCharsets.ISO_8859_1);
            idx.u16(n.length);
            idx.write(n, 0, n.length);
        }
        idx.u32(index.size());
        for (StoreBlock b : index) {
            byte[] name = b.contig().getBytes(StandardCharsets.ISO_8859_1);
            idx.u16(name.length);
            idx.write(name, 0, name.length);
            idx.u64(b.minPos());
            idx.u64(b.maxEnd());
            idx.u64(b.offset());
            idx.u32(b.length());
            idx.u32(b.records());
            idx.u32(b.checksum());
        }
        long indexOffset = out.count;
        out.write(idx.bytes, 0, idx.length);
        ByteSink footer = new ByteSink(StoreFormat.FOOTER_LENGTH);
        footer.u64(indexOffset);
        footer.u32(idx.length);
        footer.u32(StoreFormat.XXHASH.hash(idx.bytes, 0, idx.length, StoreFormat.HASH_SEED));
        footer.u64(records);
        footer.write(StoreFormat.END_MAGIC, 0, StoreFormat.END_MAGIC.length);
        out.write(footer.bytes, 0, footer.length);
        return new Summary(records, index.size(), out.count);
    }

    /**
     * A column in a block: encoding (u8), raw length and compressed length (varints), xxHash32 of the compressed
     * bytes, bytes. A column of one repeated byte is stored as its length and that byte alone: a block has dozens
     * of such columns (tags of fields every record writes alike), and LZ4's framing and a checksum would cost each
     * of them 15 bytes per block. A numeric column LZ4 cannot shrink (numbers spread over a range) is stored
     * bit-packed when that is smaller; LZ4 still wraps it, as the format says every column is.
     */
    private static void column(ByteSink out, String name, byte[] raw, int length, LZ4Compressor lz4) {
        if (run(raw, length)) {
            out.write(StoreFormat.ENCODING_RUN);
            out.varint(length);
            out.write(length == 0 ? 0 : raw[0]);
            return;
        }
        int max = lz4.maxCompressedLength(length);
        byte[] packed = scratch(0, max);
        int compressed = lz4.compress(raw, 0, length, packed, 0, max);
        // LZ4 finds repeats but has no entropy coder: where it saves little, numbers in a range are smaller
        // bit-packed, and bytes from a small alphabet smaller as codes. The smallest form is kept, LZ4 wrapped.
        int best = compressed;
        int bestEncoding = StoreFormat.ENCODING_BYTES;
        int bestInput = length;
        byte[] bestBytes = packed;
        if (StoreFormat.numeric(name) && compressed > length - length / 10) {
            ByteSink bits = PACKED.get();
            int encoding = PackedNumbers.pack(raw, length, bits);
            if (encoding >= 0 && bits.length < best) {
                int c = wrap(bits, lz4, 1);
                if (c < best) {
                    best = c;
                    bestEncoding = encoding;
                    bestInput = bits.length;
                    bestBytes = SCRATCH.get()[1];
                }
            }
        }
        if (compressed > length / 8) {
            ByteSink codes = CODES.get();
            if (ByteCodes.pack(raw, length, codes) && codes.length < best) {
                int c = wrap(codes, lz4, 2);
                if (c < best) {
                    best = c;
                    bestEncoding = StoreFormat.ENCODING_CODES;
                    bestInput = codes.length;
                    bestBytes = SCRATCH.get()[2];
                }
            }
        }
        // LZ4 has no entropy stage: zstd on the chosen form, kept where it saves a tenth. The columns a query reads
        // for every block it touches (where records are) stay LZ4, the fastest to decompress.
        byte[] form = bestEncoding == StoreFormat.ENCODING_BYTES ? raw
                : bestEncoding == StoreFormat.ENCODING_CODES ? CODES.get().bytes : PACKED.get().bytes;
        if (!StoreFormat.hot(name) && bestInput >= ZSTD_MIN_INPUT) {
            byte[] z = scratch(3, (int) Zstd.compressBound(bestInput));
            int zLength = zstd(form, bestInput, z);
            if (zLength > 0 && zLength < best - best / 10) {
                bestEncoding |= StoreFormat.ZSTD;
                best = zLength;
                bestBytes = z;
            }
        }
        out.write(bestEncoding);
        out.varint(bestInput);
        out.varint(best);
        out.u32(StoreFormat.XXHASH.hash(bestBytes, 0, best, StoreFormat.HASH_SEED));
        out.write(bestBytes, 0, best);
    }

    /** Below this many bytes zstd's frame (about a dozen bytes) outweighs what its entropy stage saves. */
    private static final int ZSTD_MIN_INPUT = 64;

    /** zstd of {@code src[0, length)} into {@code dst} with this thread's context; the length, or -1. */
    private static int zstd(byte[] src, int length, byte[] dst) {
        try {
            return ZSTD.get().compressByteArray(dst, 0, dst.length, src, 0, length);
        } catch (ZstdException e) {
            return -1;
        }
    }

    /** One zstd context per encoding thread, at the store's level, without a checksum (the column has xxHash32). */
    private static final ThreadLocal<ZstdCompressCtx> ZSTD = ThreadLocal.withInitial(() -> {
        ZstdCompressCtx c = new ZstdCompressCtx();
        c.setLevel(StoreFormat.ZSTD_LEVEL);
        c.setChecksum(false);
        c.setContentSize(false);
        c.setDictID(false);
        return c;
    });

    /** LZ4 of {@code form} into scratch slot {@code slot}; returns the compressed length. */
    private static int wrap(ByteSink form, LZ4Compressor lz4, int slot) {
        int max = lz4.maxCompressedLength(form.length);
        return lz4.compress(form.bytes, 0, form.length, scratch(slot, max), 0, max);
    }

    /** True when every byte of {@code raw[0, length)} is the first one (and for an empty column). */
    private static boolean run(byte[] raw, int length) {
        for (int i = 1; i < length; i++) {
            if (raw[i] != raw[0]) {
                return false;
            }
        }
        return true;
    }

    private static final ThreadLocal<List<String>> COLUMN_NAMES = ThreadLocal.withInitial(ArrayList::new);
    private static final ThreadLocal<List<ByteSink>> COLUMN_SINKS = ThreadLocal.withInitial(ArrayList::new);
    private static final ThreadLocal<ByteSink> PACKED = ThreadLocal.withInitial(() -> new ByteSink(1 << 12));
    private static final ThreadLocal<ByteSink> CODES = ThreadLocal.withInitial(() -> new ByteSink(1 << 12));

    /**
     * Compression output space, one per writing thread (writers may run side by side in a lab system): slot 0 for
     * a column as it is, slot 1 for its packed form, slot 2 for its codes, slot 3 for zstd of the chosen form, all
     * alive while the writer picks the smallest.
     */
    private static final ThreadLocal<byte[][]> SCRATCH = ThreadLocal.withInitial(() -> new byte[][] {
        new byte[1 << 16], new byte[1 << 16], new byte[1 << 16], new byte[1 << 16]});

    private static byte[] scratch(int slot, int size) {
        byte[][] holder = SCRATCH.get();
        if (holder[slot].length < size) {
            holder[slot] = new byte[Math.max(size, holder[slot].length * 2)];
        }
        return holder[slot];
    }

    /** The header section: name, raw length, compressed length, xxHash32, bytes. */
    private static void section(ByteSink out, String name, byte[] raw, int length, LZ4Compressor lz4) {
        byte[] n = name.getBytes(StandardCharsets.ISO_8859_1);
        out.u16(n.length);
        out.write(n, 0, n.length);
        out.u32(length);
        int max = lz4.maxCompressedLength(length);
        int lengthAt = out.length;
        out.u32(0);
        out.u32(0);
        int dataAt = out.length;
        if (out.bytes.length < dataAt + max) {
            out.bytes = Arrays.copyOf(out.bytes, Math.max(out.bytes.length * 2, dataAt + max));
        }
        int compressed = lz4.compress(raw, 0, length, out.bytes, dataAt, max);
        int hash = StoreFormat.XXHASH.hash(out.bytes, dataAt, compressed, StoreFormat.HASH_SEED);
        out.length = lengthAt;
        out.u32(compressed);
        out.u32(hash);
        out.length = dataAt + compressed;
    }

    private static final class CountingStream extends OutputStream {
        private final OutputStream out;
        long count;

        CountingStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
