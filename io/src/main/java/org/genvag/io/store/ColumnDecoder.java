// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.genvag.core.error.InputException;

import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;

import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * A store block's column directory and columns, decoded: each column's encoding (a run, plain LZ4 bytes, packed
 * numbers, byte codes), lengths checked before they size anything, checksum verified, LZ4 decompressed with the
 * bounds-checking decompressor into buffers pooled per column number. Damage is an {@link InputException} naming the
 * store, the block and the column.
 */
final class ColumnDecoder {
    private final Path path;
    /** Columns carry an encoding byte (stores written since bit-packing); the first stores have none. */
    private final boolean columnEncoding;
    private final ZstdDecompressCtx zstdContext = new ZstdDecompressCtx();
    private byte[] zstdInput = new byte[1 << 12];
    /** The highest encoding the store's flags allow. */
    private final int lastEncoding;
    /** The store's flags allow zstd columns. */
    private final boolean zstdAllowed;
    /** The index's column names, by number. */
    private final List<String> columnNames;
    private final LZ4SafeDecompressor lz4 = StoreFormat.LZ4.safeDecompressor();
    private final List<ByteSink> pool = new ArrayList<>();
    private final List<ByteSink> unpackedPool = new ArrayList<>();

    ColumnDecoder(Path path, boolean columnEncoding, int lastEncoding, boolean zstdAllowed, List<String> columnNames) {
        this.zstdAllowed = zstdAllowed;
        this.path = path;
        this.columnEncoding = columnEncoding;
        this.lastEncoding = lastEncoding;
        this.columnNames = columnNames;
    }

    /** The column at the buffer's position, decoded into the pooled buffers of its number {@code id}. */
    ByteSink column(ByteBuffer bytes, String name, Object where, long fileOffset, int id) {
        return column(bytes, name, where, fileOffset, pooled(id), unpackPooled(id));
    }

    int columnId(ByteBuffer bytes, Object where) {
        int id = varint(bytes, where);
        if (id < 0 || id >= columnNames.size()) {
            throw error(where + ": column number " + id + " is not in the index's " + columnNames.size() + " names");
        }
        return id;
    }

    /**
     * Steps over a column the caller does not need (its bytes are covered by the block checksum); returns its length
     * before LZ4 (a run's length for a run).
     */
    int skipColumn(ByteBuffer bytes, String name, Object where) {
        if (encoding(bytes, name, where) == StoreFormat.ENCODING_RUN) {
            int length = varint(bytes, where);
            runByte(bytes, name, where);
            return length;
        }
        int raw = varint(bytes, where);
        int compressed = varint(bytes, where);
        if (compressed < 0 || bytes.remaining() < 4 + compressed) {
            throw error(where + ": column '" + name + "' truncated");
        }
        bytes.position(bytes.position() + 4 + compressed);
        return raw;
    }

    private String name(ByteBuffer bytes, Object where) {
        if (bytes.remaining() < 2) {
            throw error(where + ": truncated column directory");
        }
        int len = bytes.getShort() & 0xFFFF;
        if (bytes.remaining() < len) {
            throw error(where + ": truncated column name");
        }
        return new String(StoreReader.bytes(bytes, len), StandardCharsets.ISO_8859_1);
    }

    /** Decompression space per column number, reused from block to block: a query allocates per column, not per block. */
    private ByteSink pooled(int id) {
        while (pool.size() <= id) {
            pool.add(new ByteSink(1 << 12));
        }
        return pool.get(id);
    }

    /** Unpacking space per column number, beside {@link #pooled}. */
    private ByteSink unpackPooled(int id) {
        while (unpackedPool.size() <= id) {
            unpackedPool.add(new ByteSink(1 << 12));
        }
        return unpackedPool.get(id);
    }

    /**
     * A block's column at the buffer's position, decompressed into {@code into} and, when stored packed, unpacked
     * into {@code unpackInto}; returns whichever holds the column's bytes.
     */
    private ByteSink column(ByteBuffer bytes, String name, Object where, long fileOffset, ByteSink into,
                            ByteSink unpackInto) {
        int encoding = encoding(bytes, name, where);
        boolean zstd = (encoding & StoreFormat.ZSTD) != 0;
        encoding &= ~StoreFormat.ZSTD;
        if (encoding == StoreFormat.ENCODING_RUN) {
            int length = varint(bytes, where);
            if (length < 0) {
                throw error(where + ": column '" + name + "' has an impossible length");
            }
            byte value = runByte(bytes, name, where);
            into.clear();
            if (into.bytes.length < length) {
                into.bytes = new byte[Math.max(length, into.bytes.length * 2)];
            }
            Arrays.fill(into.bytes, 0, length, value);
            into.length = length;
            return into;
        }
        int rawLength = varint(bytes, where);
        int compressed = varint(bytes, where);
        if (bytes.remaining() < 4) {
            throw error(where + ": column '" + name + "' truncated");
        }
        int checksum = bytes.getInt();
        ByteSink data = data(bytes, name, where, fileOffset, rawLength, compressed, checksum, zstd, into);
        if (encoding == StoreFormat.ENCODING_BYTES) {
            return data;
        }
        ByteSink unpacked = unpackInto;
        try {
            if (encoding == StoreFormat.ENCODING_CODES) {
                ByteCodes.unpack(data.bytes, data.length, unpacked);
            } else {
                PackedNumbers.unpack(encoding, data.bytes, data.length, unpacked);
            }
        } catch (ByteCursor.Underflow e) {
            throw error(where + ": column '" + name + "' is not valid " + (encoding == StoreFormat.ENCODING_CODES
                    ? "byte codes" : "packed numbers"));
        }
        return unpacked;
    }

    /**
     * A column's encoding byte (stores from before the flag have none: their columns are plain LZ4 bytes), checked:
     * a known form, with {@link StoreFormat#ZSTD} only where the store's flags allow it and never on a run.
     */
    private int encoding(ByteBuffer bytes, String name, Object where) {
        if (!columnEncoding) {
            return StoreFormat.ENCODING_BYTES;
        }
        if (!bytes.hasRemaining()) {
            throw error(where + ": truncated column directory");
        }
        int encoding = bytes.get() & 0xFF;
        int form = zstdAllowed ? encoding & ~StoreFormat.ZSTD : encoding;
        if (form > lastEncoding || (form != encoding && form == StoreFormat.ENCODING_RUN)) {
            throw error(where + ": column '" + name + "' has unknown encoding " + encoding);
        }
        return encoding;
    }

    private byte runByte(ByteBuffer bytes, String name, Object where) {
        if (!bytes.hasRemaining()) {
            throw error(where + ": column '" + name + "' truncated");
        }
        return bytes.get();
    }

    private int varint(ByteBuffer bytes, Object where) {
        int v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (!bytes.hasRemaining()) {
                throw error(where + ": truncated column directory");
            }
            int b = bytes.get() & 0xFF;
            v |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw error(where + ": malformed column directory");
    }

    /** Reads a section at the buffer's position (name already read for blocks): lengths, checksum, LZ4 data. */
    ByteSink section(ByteBuffer bytes, String name, Object where, long fileOffset) {
        if (name.equals("header")) {
            String n = name(bytes, where);
            if (!n.equals("header")) {
                throw error("corrupt header section at byte 16");
            }
        }
        if (bytes.remaining() < 12) {
            throw error(where + ": column '" + name + "' truncated");
        }
        return data(bytes, name, where, fileOffset, bytes.getInt(), bytes.getInt(), bytes.getInt(), false, null);
    }

    private ByteSink data(ByteBuffer bytes, String name, Object where, long fileOffset, int rawLength, int compressed,
                          int checksum, boolean zstd, ByteSink into) {
        // LZ4 expands at most 255-fold, zstd at most about 32,768-fold (a 4-byte block header and one byte per
        // 128 KiB run): a larger stated length is damage, and must not size an allocation.
        long most = (zstd ? 32_768L : 255L) * compressed + 64;
        if (rawLength < 0 || compressed < 0 || compressed > bytes.remaining() || rawLength > most) {
            throw error(where + ": column '" + name + "' has impossible lengths");
        }
        int at = bytes.position();
        if (StoreReader.hash(bytes, at, compressed) != checksum) {
            throw error(where + ": column '" + name + "' checksum mismatch (byte " + (fileOffset + at) + ")");
        }
        ByteSink out = into == null ? new ByteSink(rawLength) : into;
        out.clear();
        if (out.bytes.length < rawLength) {
            out.bytes = new byte[Math.max(rawLength, out.bytes.length * 2)];
        }
        if (zstd) {
            unzstd(bytes, at, compressed, out, rawLength, name, where);
        } else {
            try {
                int n = lz4.decompress(bytes, at, compressed, ByteBuffer.wrap(out.bytes), 0, rawLength);
                if (n != rawLength) {
                    throw error(where + ": column '" + name + "' decompresses to " + n + " bytes, expected "
                            + rawLength);
                }
            } catch (LZ4Exception e) {
                throw error(where + ": column '" + name + "' does not decompress: " + e.getMessage());
            }
        }
        out.length = rawLength;
        bytes.position(at + compressed);
        return out;
    }

    /** zstd from the block's bytes (heap or direct) into {@code out}; exactly {@code rawLength} bytes or an error. */
    private void unzstd(ByteBuffer bytes, int at, int compressed, ByteSink out, int rawLength, String name,
                        Object where) {
        byte[] src;
        int from;
        if (bytes.hasArray()) {
            src = bytes.array();
            from = bytes.arrayOffset() + at;
        } else {
            if (zstdInput.length < compressed) {
                zstdInput = new byte[Math.max(compressed, zstdInput.length * 2)];
            }
            bytes.get(at, zstdInput, 0, compressed);
            src = zstdInput;
            from = 0;
        }
        int n;
        try {
            n = zstdContext.decompressByteArray(out.bytes, 0, rawLength, src, from, compressed);
        } catch (ZstdException e) {
            throw error(where + ": column '" + name + "' does not decompress: zstd says " + e.getMessage());
        }
        if (n != rawLength) {
            throw error(where + ": column '" + name + "' does not decompress as zstd to " + rawLength + " bytes");
        }
    }

    /** Frees the zstd context's native memory. */
    void close() {
        zstdContext.close();
    }

    private InputException error(String message) {
        return new InputException(path + ": " + message);
    }
}
