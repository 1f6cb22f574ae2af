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

    static final LZ4Factory LZ4 = LZ4Factory.fastestInstance();
    static final XXHash32 XXHASH = XXHashFactory.fastestInstance().hash32();

    private StoreFormat() {
    }
}
