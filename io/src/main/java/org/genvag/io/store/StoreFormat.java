// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.store;

import java.nio.charset.StandardCharsets;

import net.jpountz.lz4.LZ4Factory;
import net.jpountz.xxhash.XXHash32;
import net.jpountz.xxhash.XXHashFactory;

/**
 * Constants of the genvag variant store format, version 1 (docs/variant-store.md is the specification). All integers
 * are big-endian; varints are unsigned LEB128, signed ones zigzag-encoded.
 */
final class StoreFormat {
    /** First 8 bytes of every store. */
    static final byte[] MAGIC = "GENVAGVS".getBytes(StandardCharsets.US_ASCII);
    /** Last 8 bytes of every complete store: a truncated file lacks them. */
    static final byte[] END_MAGIC = "GVSEND\0\0".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    /**
     * Header flag: every block column starts with an encoding byte ({@link #ENCODING_BYTES},
     * {@link #ENCODING_PACKED}, {@link #ENCODING_PACKED_FIRST}, {@link #ENCODING_RUN} or {@link #ENCODING_CODES}). Stores without it (the first ones written) have none; readers without this flag's
     * support reject it, naming the flags.
     */
    static final int FLAG_COLUMN_ENCODING = 1;
    /**
     * Header flag: columns may use {@link #ENCODING_PACKED_FIRST}, {@link #ENCODING_RUN} and
     * {@link #ENCODING_CODES} (stores written since they were added): a reader from before rejects the store when it
     * opens it, naming the flags, instead of failing on the first such column.
     */
    static final int FLAG_MORE_ENCODINGS = 2;
    /**
     * Header flag: a column's encoding byte may carry {@link #ZSTD}: its data is zstd, not LZ4 (stores written since
     * 2026-11-29). A reader from before rejects the store at open, naming the flags.
     */
    static final int FLAG_ZSTD = 4;
    /** In a column's encoding byte: the form below is zstd-compressed instead of LZ4-compressed. */
    static final int ZSTD = 0x80;
    /** zstd's level for columns: 3, its default, builds at about LZ4 HC's speed (BENCHMARKS.md). */
    static final int ZSTD_LEVEL = 3;
    /** The column's bytes are the LZ4 data as they are. */
    static final int ENCODING_BYTES = 0;
    /** The LZ4 data is {@link PackedNumbers}: unpacked to the column's varints after decompression. */
    static final int ENCODING_PACKED = 1;
    /** As {@link #ENCODING_PACKED}, with the first value apart as a varint (a block's first POS delta). */
    static final int ENCODING_PACKED_FIRST = 2;
    /**
     * The column is one byte repeated (a tag column of a field every record has alike, the mode of a block with no
     * raw lines): the directory holds the length and the byte, and there is no LZ4 data. The block checksum in the
     * index covers them.
     */
    static final int ENCODING_RUN = 3;
    /** The LZ4 data is {@link ByteCodes}: each byte as its rank among the column's few distinct bytes. */
    static final int ENCODING_CODES = 4;
    /** Each data block starts with these 4 bytes. */
    static final int BLOCK_MAGIC = 0x424C4B31;   // "BLK1"
    /** Footer: index offset (8), index length (4), index checksum (4), records (8), END_MAGIC (8). */
    static final int FOOTER_LENGTH = 32;
    static final int HASH_SEED = 0x9747b28c;

    static final String MODE = "mode";
    static final String RAW = "raw";
    static final String COLUMNS = "ncols";
    static final String POS = "pos";
    static final String SPAN = "span";
    static final String ID = "id";
    static final String ALLELES = "alleles";
    static final String REF = "ref";
    static final String ALT = "alt";
    static final String QUAL = "qual";
    static final String FILTER = "filter";
    static final String INFO_KEYS = "info.keys";
    static final String INFO_SHAPES = "info.shapes";
    static final String INFO_SHAPE = "info.shape";
    static final String INFO_VALUE = "info:";
    static final String FORMATS = "format.strings";
    static final String FORMAT = "format";
    static final String SAMPLE_FIELDS = "fmt.n";
    static final String SAMPLE_VALUE = "fmt:";

    static final String TAGS = ".t";
    static final String NUMBERS = ".n";
    static final String TEXT = ".s";

    /** Columns every query reads for each block it touches (where each record is): kept LZ4, the fastest to read. */
    static boolean hot(String column) {
        return column.equals(POS) || column.equals(SPAN) || column.equals(MODE) || column.equals(COLUMNS);
    }

    /** Columns made only of varints, which the writer may store bit-packed. */
    static boolean numeric(String column) {
        return column.endsWith(NUMBERS) || column.equals(POS) || column.equals(SPAN);
    }

    static final LZ4Factory LZ4 = LZ4Factory.fastestInstance();
    static final XXHashFactory XXHASH_FACTORY = XXHashFactory.fastestInstance();
    static final XXHash32 XXHASH = XXHASH_FACTORY.hash32();

    private StoreFormat() {
    }
}
