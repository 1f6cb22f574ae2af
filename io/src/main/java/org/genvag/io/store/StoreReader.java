// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import org.genvag.core.error.InputException;
import org.genvag.core.interval.IntervalIndex;
import org.genvag.io.bgzf.ByteSource;
import org.genvag.io.vcf.VcfReader;

/**
 * Opens a variant store: checks the magic, version and end marker (a truncated store has none), reads the block
 * index and verifies its checksum. {@link #source} then gives the VCF's bytes, header first, for all blocks or only
 * those a query touches: blocks are read with positional reads, their checksums verified, columns decompressed with
 * LZ4's bounds-checking decompressor and joined back into lines. Any damage is reported naming the block and column,
 * never passed on as wrong data.
 *
 * <p>Throws {@link InputException} for a file that is not a store or is damaged, naming the block, column or byte
 * offset. Not thread-safe: a reader reuses its block buffer and decoder, so a thread opens its own (opening reads
 * only the footer and the block index).
 */
public final class StoreReader implements AutoCloseable {
    private final Path path;
    private final FileChannel channel;
    private final List<StoreBlock> blocks;
    private final List<String> columnNames = new ArrayList<>();
    private final long records;
    private final byte[] header;
    private final ColumnDecoder decoder;
    /** One block's bytes at a time: every block is decompressed into pooled columns before the next is read. */
    private ByteBuffer blockBuffer;

    private StoreReader(Path path, FileChannel channel) throws IOException {
        this.path = path;
        this.channel = channel;
        long size = channel.size();
        ByteBuffer start = read(0, (int) Math.min(size, 16));
        if (size < 16 || !Arrays.equals(bytes(start, 8), StoreFormat.MAGIC)) {
            throw error("not a genvag variant store (no GENVAGVS magic at byte 0)");
        }
        int version = start.getInt(8);
        if (version != StoreFormat.VERSION) {
            throw error("store format version " + version + "; this genvag reads version " + StoreFormat.VERSION);
        }
        int flags = start.getInt(12);
        int known = StoreFormat.FLAG_COLUMN_ENCODING | StoreFormat.FLAG_MORE_ENCODINGS | StoreFormat.FLAG_ZSTD;
        if ((flags & ~known) != 0 || ((flags & StoreFormat.FLAG_COLUMN_ENCODING) == 0 && flags != 0)) {
            throw error("unknown format flags " + Integer.toHexString(flags) + " at byte 12");
        }
        decoder = new ColumnDecoder(path, (flags & StoreFormat.FLAG_COLUMN_ENCODING) != 0,
                (flags & StoreFormat.FLAG_MORE_ENCODINGS) != 0 ? StoreFormat.ENCODING_CODES
                        : StoreFormat.ENCODING_PACKED, (flags & StoreFormat.FLAG_ZSTD) != 0, columnNames);
        if (size < 16 + StoreFormat.FOOTER_LENGTH) {
            throw error("truncated: " + size + " bytes, too short to hold a header and footer");
        }
        ByteBuffer footer = read(size - StoreFormat.FOOTER_LENGTH, StoreFormat.FOOTER_LENGTH);
        footer.position(24);
        if (!Arrays.equals(bytes(footer, 8), StoreFormat.END_MAGIC)) {
            throw error("truncated or incomplete: no end marker in the last 8 bytes (the write did not finish, or "
                    + "the file was cut)");
        }
        long indexOffset = footer.getLong(0);
        int indexLength = footer.getInt(8);
        int indexHash = footer.getInt(12);
        records = footer.getLong(16);
        if (indexOffset < 16 || indexLength < 4 || indexOffset + indexLength != size - StoreFormat.FOOTER_LENGTH) {
            throw error("corrupt footer: index at " + indexOffset + " (+" + indexLength + ") does not end where the "
                    + "footer starts");
        }
        ByteBuffer index = read(indexOffset, indexLength);
        if (hash(index, 0, indexLength) != indexHash) {
            throw error("corrupt block index at byte " + indexOffset + " (checksum mismatch)");
        }
        blocks = parseIndex(index, indexOffset);
        long inBlocks = 0;
        long previousEnd = 16;
        for (StoreBlock b : blocks) {
            if (b.offset() < previousEnd || b.offset() + b.length() > indexOffset || b.records() < 1) {
                throw error("corrupt block index: " + b + " overlaps another block or lies outside the data");
            }
            previousEnd = b.offset() + b.length();
            inBlocks += b.records();
        }
        if (inBlocks != records) {
            throw error("corrupt footer: " + records + " records, but the blocks hold " + inBlocks);
        }
        // The header section: name "header" (2 + 6 bytes), raw length, compressed length, checksum, data.
        ByteBuffer head = read(16, 20);
        int compressed = head.getInt(12);
        if (compressed < 0 || 16L + 20 + compressed > indexOffset) {
            throw error("corrupt header section at byte 16");
        }
        ByteSink h = decoder.section(read(16, 20 + compressed), "header", "header", 16);
        header = Arrays.copyOf(h.bytes, h.length);
    }

    /** Opens the store at {@code path}; errors are {@link InputException}s naming the file. */
    public static StoreReader open(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new InputException(path + ": no such file");
        }
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
        try {
            return new StoreReader(path, ch);
        } catch (RuntimeException | IOException e) {
            ch.close();
            throw e;
        }
    }

    /** True when the file starts with the store's magic bytes. */
    public static boolean isStore(Path path) {
        if (!Files.isRegularFile(path)) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(8);
            while (b.hasRemaining() && ch.read(b) > 0) {
                // fill
            }
            return !b.hasRemaining() && Arrays.equals(b.array(), StoreFormat.MAGIC);
        } catch (IOException e) {
            return false;
        }
    }

    public List<StoreBlock> blocks() {
        return Collections.unmodifiableList(blocks);
    }

    public long records() {
        return records;
    }

    /** The VCF header, byte for byte as it was in the input. */
    public byte[] header() {
        return header.clone();
    }

    /**
     * The records overlapping {@code regions} (0-based, half-open, contigs named as in {@code ContigNames}), as
     * views over the decoded bytes: the library form of a panel query. Closing the reader closes the store.
     */
    public VcfReader query(IntervalIndex regions) throws IOException {
        return new VcfReader(source(new StoreQuery(regions)), path.toString());
    }

    /** A record's place: its contig (as the store names it), POS and last reference base (REF span or INFO END). */
    @FunctionalInterface
    public interface PositionVisitor {
        void accept(String contig, long pos, long end);
    }

    /**
     * Visits the records overlapping the query's regions by position alone, from the columns: only the POS and
     * SPAN columns of the blocks that may overlap are decompressed and no VCF text is made, so a positional question
     * (which variants fall in which genes, how many per sample) costs a fraction of a full query. The records are
     * the ones {@link #source(StoreQuery)} hands on, in file order.
     *
     * @return the number of records visited
     */
    public long forEachPosition(StoreQuery query, PositionVisitor visitor) throws IOException {
        long visited = 0;
        for (StoreBlock b : blocks) {
            if (query.test(b)) {
                String contig = b.contig();
                BlockViews a = new BlockViews(columns(b, POSITION_COLUMNS));
                try {
                    visited += a.positions(b.records(), query.selector(b), (pos, end) -> visitor.accept(contig, pos,
                            end));
                } catch (BlockAssembler.Corrupt e) {
                    throw error(b + ": " + e.getMessage());
                }
            }
        }
        return visited;
    }

    /**
     * Visits the records overlapping the query's regions as variants (contig, POS, END, REF, ALT) from the columns
     * that hold them, the others stepped over and no VCF text made: the identity of each variant a panel keeps,
     * for re-analysis that does not need the rest of the line.
     *
     * @return the number of variants visited
     */
    public long forEachVariant(StoreQuery query, Consumer<StoredVariant> visitor)
            throws IOException {
        long visited = 0;
        for (StoreBlock b : blocks) {
            if (query.test(b)) {
                BlockViews a = new BlockViews(columns(b, VARIANT_COLUMNS));
                try {
                    visited += a.variants(b.records(), query.selector(b), b.contig(), visitor);
                } catch (BlockAssembler.Corrupt e) {
                    throw error(b + ": " + e.getMessage());
                }
            }
        }
        return visited;
    }

    /** What one column costs over the whole store: its bytes before and after LZ4, and how many blocks hold it. */
    public record ColumnSize(String name, long lz4InputBytes, long storedBytes, int blocks) {
    }

    /**
     * Every column's size summed over all blocks, largest stored first: where a store's bytes go. Each block is
     * read and checked against its checksum; nothing is decompressed.
     */
    public List<ColumnSize> columnSizes() throws IOException {
        long[] input = new long[columnNames.size()];
        long[] stored = new long[columnNames.size()];
        int[] count = new int[columnNames.size()];
        for (StoreBlock b : blocks) {
            ByteBuffer bytes = checkedBlock(b);
            int columns = bytes.getShort(8) & 0xFFFF;
            bytes.position(10);
            for (int i = 0; i < columns; i++) {
                int id = decoder.columnId(bytes, b);
                int start = bytes.position();
                input[id] += decoder.skipColumn(bytes, columnNames.get(id), b);
                stored[id] += bytes.position() - start;   // the directory entry counts too
                count[id]++;
            }
        }
        List<ColumnSize> out = new ArrayList<>();
        for (int id = 0; id < columnNames.size(); id++) {
            out.add(new ColumnSize(columnNames.get(id), input[id], stored[id], count[id]));
        }
        out.sort((x, y) -> Long.compare(y.storedBytes(), x.storedBytes()));
        return out;
    }

    /**
     * Visits the records overlapping the query's regions as {@link StoredRecord} views (contig, POS, END, ID, REF,
     * ALT, QUAL, FILTER and, per sample, the values of {@code formatKeys}), decoded from the columns that hold them:
     * INFO and the other FORMAT keys are never decompressed and no VCF text is made. The view is reused: copy what
     * must outlive the call.
     *
     * @return the number of records visited
     */
    public long forEachRecord(StoreQuery query, List<String> formatKeys, Consumer<StoredRecord> visitor)
            throws IOException {
        return forEachRecord(query, query::selector, formatKeys, visitor);
    }

    /**
     * As {@link #forEachRecord(StoreQuery, List, Consumer)} for every record of blocks {@code [from, to)} (numbered
     * as {@link #blocks()} lists them): a part of the store a task reads whole.
     */
    public long forEachRecord(int from, int to, List<String> formatKeys, Consumer<StoredRecord> visitor)
            throws IOException {
        return forEachRecord(b -> b.number() >= from && b.number() < to, b -> (pos, end) -> true, formatKeys,
                visitor);
    }

    private long forEachRecord(Predicate<StoreBlock> blocksWanted,
            Function<StoreBlock, BlockAssembler.Selector> selectors, List<String> formatKeys,
            Consumer<StoredRecord> visitor) throws IOException {
        Set<String> wanted = new HashSet<>(RECORD_COLUMNS);
        for (String k : formatKeys) {
            for (String part : List.of(StoreFormat.TAGS, StoreFormat.NUMBERS, StoreFormat.TEXT)) {
                wanted.add(StoreFormat.SAMPLE_VALUE + k + part);
            }
        }
        StoredRecord view = new StoredRecord(formatKeys.size());
        long visited = 0;
        for (StoreBlock b : blocks) {
            if (blocksWanted.test(b)) {
                BlockViews a = new BlockViews(columns(b, wanted));
                try {
                    visited += a.records(b.records(), selectors.apply(b), b.contig(), formatKeys, view, visitor);
                } catch (BlockAssembler.Corrupt e) {
                    throw error(b + ": " + e.getMessage());
                }
            }
        }
        return visited;
    }

    private static final Set<String> RECORD_COLUMNS = Set.of(StoreFormat.POS, StoreFormat.SPAN, StoreFormat.MODE,
            StoreFormat.RAW, StoreFormat.COLUMNS, StoreFormat.ALLELES, StoreFormat.REF, StoreFormat.ALT,
            StoreFormat.FORMAT, StoreFormat.FORMATS, StoreFormat.SAMPLE_FIELDS,
            StoreFormat.ID + StoreFormat.TAGS, StoreFormat.ID + StoreFormat.NUMBERS, StoreFormat.ID + StoreFormat.TEXT,
            StoreFormat.QUAL + StoreFormat.TAGS, StoreFormat.QUAL + StoreFormat.NUMBERS,
            StoreFormat.QUAL + StoreFormat.TEXT, StoreFormat.FILTER + StoreFormat.TAGS,
            StoreFormat.FILTER + StoreFormat.NUMBERS, StoreFormat.FILTER + StoreFormat.TEXT);

    private static final Set<String> POSITION_COLUMNS = Set.of(StoreFormat.POS, StoreFormat.SPAN);
    private static final Set<String> VARIANT_COLUMNS = Set.of(StoreFormat.POS, StoreFormat.SPAN, StoreFormat.MODE,
            StoreFormat.RAW, StoreFormat.COLUMNS, StoreFormat.ALLELES, StoreFormat.REF, StoreFormat.ALT);

    /** The VCF's bytes: the header, then the records of every block {@code wanted} accepts, in file order. */
    public ByteSource source(Predicate<StoreBlock> wanted) {
        return source(wanted, null);
    }

    /**
     * The VCF's bytes for a region query: the header, then only the records that overlap the query's regions, from
     * only the blocks that do. Records outside are never handed on to be parsed again.
     */
    public ByteSource source(StoreQuery query) {
        return source(query, query);
    }

    private ByteSource source(Predicate<StoreBlock> wanted, StoreQuery records) {
        return new StoreByteSource(this, wanted, records);
    }

    /** Appends the lines of one block (those {@code selector} wants, all when null) to {@code out}. */
    void decode(StoreBlock b, ByteSink out, BlockAssembler.Selector selector) throws IOException {
        BlockAssembler a = new BlockAssembler(columns(b, null));
        try {
            a.assemble(b.records(), out, selector);
        } catch (BlockAssembler.Corrupt e) {
            throw error(b + ": " + e.getMessage());
        }
    }

    /**
     * A block's columns, checked, decompressed (and unpacked) into the pooled buffers of their numbers; only those
     * in {@code wanted} (all when null): the others are stepped over, still covered by the block checksum.
     */
    private BlockColumns columns(StoreBlock b, Set<String> wanted) throws IOException {
        ByteBuffer bytes = checkedBlock(b);
        int count = bytes.getShort(8) & 0xFFFF;
        bytes.position(10);
        Map<String, ByteCursor> columns = new HashMap<>();
        for (int i = 0; i < count; i++) {
            int id = decoder.columnId(bytes, b);
            String name = columnNames.get(id);
            if (wanted == null || wanted.contains(name)) {
                ByteSink data = decoder.column(bytes, name, b, b.offset(), id);
                columns.put(name, new ByteCursor(data.bytes, data.length));
            } else {
                decoder.skipColumn(bytes, name, b);
            }
        }
        return new BlockColumns(columns, b.contig().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A block's bytes, checked against the index's checksum and its own header. */
    private ByteBuffer checkedBlock(StoreBlock b) throws IOException {
        if (blockBuffer == null || blockBuffer.capacity() < b.length()) {
            blockBuffer = ByteBuffer.allocate(Math.max(b.length(), blockBuffer == null ? 1 << 16
                    : blockBuffer.capacity() * 2));
        }
        ByteBuffer bytes = read(b.offset(), b.length(), blockBuffer);
        if (hash(bytes, 0, b.length()) != b.checksum()) {
            throw error(b + ": checksum mismatch, the block is corrupt");
        }
        if (bytes.getInt(0) != StoreFormat.BLOCK_MAGIC || bytes.getInt(4) != b.records()) {
            throw error(b + ": bad block header");
        }
        return bytes;
    }

    private List<StoreBlock> parseIndex(ByteBuffer index, long indexOffset) {
        try {
            int names = index.getInt(0);
            index.position(4);
            for (int i = 0; i < names; i++) {
                int len = index.getShort() & 0xFFFF;
                columnNames.add(new String(bytes(index, len), StandardCharsets.ISO_8859_1));
            }
            int n = index.getInt();
            List<StoreBlock> out = new ArrayList<>(Math.max(0, Math.min(n, 1 << 20)));
            for (int i = 0; i < n; i++) {
                int len = index.getShort() & 0xFFFF;
                String contig = new String(bytes(index, len), StandardCharsets.ISO_8859_1);
                out.add(new StoreBlock(i, contig, index.getLong(), index.getLong(), index.getLong(), index.getInt(),
                        index.getInt(), index.getInt()));
            }
            return out;
        } catch (RuntimeException e) {
            throw error("corrupt block index at byte " + indexOffset);
        }
    }

    private ByteBuffer read(long position, int length) throws IOException {
        return read(position, length, null);
    }

    /** Reads into {@code reuse} (cleared, limited to {@code length}) when given, a new buffer otherwise. */
    private ByteBuffer read(long position, int length, ByteBuffer reuse) throws IOException {
        if (length < 0 || position < 0 || position + length > channel.size()) {
            throw error("truncated: " + length + " bytes at " + position + " lie beyond the end of the file");
        }
        ByteBuffer b = reuse == null ? ByteBuffer.allocate(length) : reuse.clear().limit(length);
        while (b.hasRemaining()) {
            if (channel.read(b, position + b.position()) < 0) {
                throw error("truncated at byte " + (position + b.position()));
            }
        }
        return b.flip();
    }

    static byte[] bytes(ByteBuffer b, int n) {
        byte[] out = new byte[n];
        b.get(out);
        return out;
    }

    static int hash(ByteBuffer b, int from, int length) {
        return StoreFormat.XXHASH.hash(b, from, length, StoreFormat.HASH_SEED);
    }

    private InputException error(String message) {
        return new InputException(path + ": " + message);
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            decoder.close();
        }
    }
}
