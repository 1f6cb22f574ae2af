// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.vcf;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import org.genvag.core.error.InputException;
import org.genvag.io.text.Bytes;
import org.genvag.io.text.Swar;

/**
 * One VCF data line as a view over the reader's bytes: nothing is parsed or allocated until asked for. Columns are
 * found on first use (tabs located eight bytes at a time), CHROM is interned to a contig index by comparing bytes
 * with the previous record's, and INFO and FORMAT values are found by {@link FieldKey} without creating strings.
 *
 * <p>The caller owns the record and passes it to {@link VcfReader#next(VcfRecord)} again and again; its contents are
 * valid until that next call. Positions are 1-based, as in the file. Accessors that return {@code long} ranges pack
 * {@code start << 32 | end} (absolute indexes into {@link #buffer()}, end exclusive), or -1 when absent.
 *
 * <p>Why one class of about 590 lines: it is the flyweight every streaming job holds one of, and its column,
 * INFO and sample accessors share the per-record state cached in its fields (column starts found so far, POS
 * decoded once, the previous CHROM). Splitting INFO or samples into views would make each caller hold and reset two
 * or three objects per record, or allocate one per record; the sections below keep the concepts apart instead.
 * Scalar byte scans live in {@link org.genvag.io.text.Bytes}, word-at-a-time ones in {@link Swar}.
 */
public final class VcfRecord {
    private static final byte TAB = '\t';
    private static final long TAB_PATTERN = Swar.broadcast(TAB);
    private static final long SEMI_PATTERN = Swar.broadcast((byte) ';');
    private static final long COLON_PATTERN = Swar.broadcast((byte) ':');
    private static final int CHROM = 0;
    private static final int POS = 1;
    private static final int ID = 2;
    private static final int REF = 3;
    private static final int ALT = 4;
    private static final int QUAL = 5;
    private static final int FILTER = 6;
    private static final int INFO = 7;
    private static final int FORMAT = 8;
    private static final FieldKey END_KEY = FieldKey.of("END");

    private ByteBuffer buf;
    private int start;
    private int end;
    private long line;
    private long offset = InputException.UNKNOWN;
    private boolean offsetIsBlock;
    private String source;
    private ContigDictionary contigs;

    private int[] fieldEnd = new int[16];
    private int found;
    private long pos;
    private int contigIndex;

    // The previous record's CHROM: sorted files repeat it, so a byte comparison usually answers contig().
    private byte[] lastChrom = new byte[64];
    private int lastChromLength = -1;
    private int lastChromIndex;

    /**
     * Makes this a view of a line held elsewhere (a copy taken off the reading thread, for a worker to take apart).
     * The buffer must be little-endian, as the readers' are. Without a contig dictionary, {@link #contig()} is not
     * available; everything else is.
     */
    public void setDetached(ByteBuffer buffer, int start, int end, long line, String source) {
        set(buffer, start, end, line, source, null);
    }

    /**
     * A record of a split ({@link VcfSplitReader}), whose line number is unknown: errors name {@code offset}, where
     * the newline before the record is (a BGZF block's compressed offset, or a byte offset of plain text).
     */
    void setInSplit(ByteBuffer buffer, int start, int end, long offset, String source, ContigDictionary contigs) {
        set(buffer, start, end, InputException.UNKNOWN, source, contigs);
        this.offset = offset;
    }

    /**
     * A record read through an index (chunks of a BGZF file, after its header), whose line number is unknown: errors
     * name {@code block}, the compressed offset of the BGZF block the record ends in.
     */
    void setInBlock(ByteBuffer buffer, int start, int end, long block, String source, ContigDictionary contigs) {
        set(buffer, start, end, InputException.UNKNOWN, source, contigs);
        this.offset = block;
        this.offsetIsBlock = true;
    }

    void set(ByteBuffer buffer, int start, int end, long line, String source, ContigDictionary contigs) {
        this.offset = InputException.UNKNOWN;
        this.offsetIsBlock = false;
        this.buf = buffer;
        this.start = start;
        this.end = end;
        this.line = line;
        this.source = source;
        this.contigs = contigs;
        this.found = 0;
        this.contigIndex = -1;
        this.pos = -1;
    }

    // ---- raw bytes ------------------------------------------------------------------------------------------

    public ByteBuffer buffer() {
        return buf;
    }

    /** Index of the line's first byte in {@link #buffer()}. */
    public int start() {
        return start;
    }

    /** Exclusive end of the line (the newline is not part of it). */
    public int end() {
        return end;
    }

    public int length() {
        return end - start;
    }

    /** 1-based line number in the input. */
    public long lineNumber() {
        return line;
    }

    /** Writes the line's bytes as they were read (no newline), through {@code scratch} (at least 64 KiB is best). */
    public void writeTo(OutputStream out, byte[] scratch) throws IOException {
        for (int p = start; p < end; ) {
            int n = Math.min(scratch.length, end - p);
            buf.get(p, scratch, 0, n);
            out.write(scratch, 0, n);
            p += n;
        }
    }

    /** Writes bytes {@code [from, to)} of the buffer. */
    void writeRange(OutputStream out, byte[] scratch, int from, int to) throws IOException {
        for (int p = from; p < to; ) {
            int n = Math.min(scratch.length, to - p);
            buf.get(p, scratch, 0, n);
            out.write(scratch, 0, n);
            p += n;
        }
    }

    // ---- columns --------------------------------------------------------------------------------------------

    /** Number of tab-separated columns in the line (scans the whole line). */
    public int columnCount() {
        fieldEnd(Integer.MAX_VALUE - 1, false);
        return found;
    }

    /** True when the line has column {@code column} (0-based); scans no further than that column. */
    public boolean hasColumn(int column) {
        fieldEnd(column, false);
        return found > column;
    }

    /**
     * True when FORMAT's bytes equal {@code bytes[0, length)}: callers that cache what they derived from a FORMAT
     * (subfield positions) check it still applies, as consecutive records nearly always share one.
     */
    public boolean formatEquals(byte[] bytes, int length) {
        if (!hasColumn(FORMAT)) {
            return length == 0;
        }
        int s = fieldStart(FORMAT);
        return fieldEnd(FORMAT) - s == length && (length == 0 || matches(s, bytes, length));
    }

    /** Copies FORMAT's bytes into {@code dst} when they fit; returns their length, or -1 when they do not fit. */
    public int copyFormat(byte[] dst) {
        if (!hasColumn(FORMAT)) {
            return 0;
        }
        int s = fieldStart(FORMAT);
        int n = fieldEnd(FORMAT) - s;
        if (n > dst.length) {
            return -1;
        }
        buf.get(s, dst, 0, n);
        return n;
    }

    public int fieldStart(int column) {
        if (column == 0) {
            return start;
        }
        int previousEnd = fieldEnd(column - 1);
        if (previousEnd == end) {
            // No tab after the previous column: this one does not exist.
            throw error("expected at least " + (column + 1) + " tab-separated columns, found " + column);
        }
        return previousEnd + 1;
    }

    public int fieldEnd(int column) {
        return fieldEnd(column, true);
    }

    private int fieldEnd(int column, boolean required) {
        while (found <= column) {
            int from = found == 0 ? start : fieldEnd[found - 1] + 1;
            if (found > 0 && fieldEnd[found - 1] == end) {
                if (!required) {
                    return end;
                }
                throw error("expected at least " + (column + 1) + " tab-separated columns, found " + found);
            }
            int t = Swar.indexOf(buf, from, end, TAB, TAB_PATTERN);
            if (found == fieldEnd.length) {
                fieldEnd = Arrays.copyOf(fieldEnd, found * 2);
            }
            fieldEnd[found++] = t < 0 ? end : t;
        }
        return fieldEnd[column];
    }

    /** Index of CHROM in the reader's {@link ContigDictionary}. */
    public int contig() {
        if (contigIndex < 0) {
            contigIndex = internChrom();
        }
        return contigIndex;
    }

    private int internChrom() {
        int s = start;
        int e = fieldEnd(CHROM);
        int n = e - s;
        if (n == lastChromLength && Bytes.equals(buf, s, lastChrom, n)) {
            return lastChromIndex;
        }
        if (n == 0) {
            throw error("CHROM is empty");
        }
        if (lastChrom.length < n) {
            lastChrom = new byte[n];
        }
        buf.get(s, lastChrom, 0, n);
        lastChromLength = n;
        lastChromIndex = contigs.intern(new String(lastChrom, 0, n, StandardCharsets.US_ASCII));
        return lastChromIndex;
    }

    public String contigName() {
        return contigs.name(contig());
    }

    /** POS, 1-based; decoded once per record (the reader checks it, and callers ask again). */
    public long pos() {
        if (pos < 0) {
            pos = decodePos();
        }
        return pos;
    }

    private long decodePos() {
        int s = fieldStart(POS);
        int e = fieldEnd(POS);
        if (s == e || e - s > 18) {
            throw error("POS must be a whole number, found '" + text(s, e) + "'");
        }
        long v = 0;
        for (int i = s; i < e; i++) {
            int d = buf.get(i) - '0';
            if (d < 0 || d > 9) {
                throw error("POS must be a whole number, found '" + text(s, e) + "'");
            }
            v = v * 10 + d;
        }
        return v;
    }

    public int refStart() {
        return fieldStart(REF);
    }

    public int refEnd() {
        return fieldEnd(REF);
    }

    public int refLength() {
        return fieldEnd(REF) - fieldStart(REF);
    }

    public int altStart() {
        return fieldStart(ALT);
    }

    public int altEnd() {
        return fieldEnd(ALT);
    }

    /** Number of ALT alleles; 0 when ALT is '.'. */
    public int altCount() {
        int s = fieldStart(ALT);
        int e = fieldEnd(ALT);
        if (e - s == 1 && buf.get(s) == '.') {
            return 0;
        }
        int n = 1;
        for (int i = s; i < e; i++) {
            if (buf.get(i) == ',') {
                n++;
            }
        }
        return n;
    }

    /** QUAL, or NaN when missing ('.'). */
    public double qual() {
        int s = fieldStart(QUAL);
        int e = fieldEnd(QUAL);
        if (e - s == 1 && buf.get(s) == '.') {
            return Double.NaN;
        }
        return parseFloat(s, e, "QUAL");
    }

    /**
     * The VCF Float in bytes {@code [s, e)} of the buffer: decimals, exponents, Inf and NaN (signed or not); anything
     * else is an error naming the record and {@code what}.
     */
    public double parseFloat(int s, int e, String what) {
        double v = AsciiNumbers.parseDouble(buf, s, e);
        if (Double.isNaN(v)) {
            byte[] bytes = new byte[e - s];   // rare: only a number the fast parser does not read
            buf.get(s, bytes);
            if (!ValueCheck.isFloat(bytes, 0, bytes.length)) {
                throw error(what + " must be a number or '.', found '" + text(s, e) + "'");
            }
            // Inf, Infinity and NaN, signed or not: valid Floats (hts-specs passed_body_qual.vcf)
            String t = text(s, e).toLowerCase(Locale.ROOT);
            return t.contains("nan") ? Double.NaN : t.startsWith("-") ? Double.NEGATIVE_INFINITY
                    : Double.POSITIVE_INFINITY;
        }
        return v;
    }

    /** The whole number in bytes {@code [s, e)} of the buffer; anything else is an error naming {@code what}. */
    public long parseLong(int s, int e, String what) {
        return AsciiNumbers.parseLong(buf, s, e, this, what);
    }

    /** True when FILTER is exactly PASS. */
    public boolean isPass() {
        int s = fieldStart(FILTER);
        int e = fieldEnd(FILTER);
        return e - s == 4 && buf.get(s) == 'P' && buf.get(s + 1) == 'A' && buf.get(s + 2) == 'S' && buf.get(s + 3) == 'S';
    }

    /**
     * The last base covered by the record, 1-based: INFO END where present (symbolic alleles, gVCF blocks),
     * otherwise POS + length(REF) - 1.
     */
    public long endPos() {
        long range = info(END_KEY);
        if (range >= 0 && rangeLength(range) > 0) {
            return AsciiNumbers.parseLong(buf, (int) (range >>> 32), (int) range, this, "INFO END");
        }
        return pos() + refLength() - 1;
    }

    // ---- INFO -----------------------------------------------------------------------------------------------

    /**
     * The value of an INFO key as a packed range; a flag present without value gives an empty range; -1 when the
     * key is absent or INFO is '.'.
     */
    public long info(FieldKey key) {
        int s = fieldStart(INFO);
        int e = fieldEnd(INFO);
        byte[] k = key.bytes;
        // Search for the key's first byte eight bytes at a time, then check it starts an entry and is the whole key:
        // most of INFO is skipped without looking at its ';' separators one entry at a time.
        int p = s;
        int last = e - k.length;
        while (p <= last) {
            int hit = Swar.indexOf(buf, p, last + 1, k[0], key.firstBytePattern);
            if (hit < 0) {
                return -1;
            }
            if ((hit == s || buf.get(hit - 1) == ';') && matches(hit, k)) {
                int after = hit + k.length;
                if (after == e || buf.get(after) == ';') {
                    return ((long) after << 32) | after;
                }
                if (buf.get(after) == '=') {
                    int semi = Swar.indexOf(buf, after + 1, e, (byte) ';', SEMI_PATTERN);
                    return ((long) (after + 1) << 32) | (semi < 0 ? e : semi);
                }
            }
            p = hit + 1;
        }
        return -1;
    }

    public boolean hasInfo(FieldKey key) {
        return info(key) >= 0;
    }

    /** An integer INFO value, or {@code missing} when absent or '.'. */
    public long infoLong(FieldKey key, long missing) {
        long r = info(key);
        if (r < 0 || rangeLength(r) == 0 || (rangeLength(r) == 1 && buf.get((int) (r >>> 32)) == '.')) {
            return missing;
        }
        return AsciiNumbers.parseLong(buf, (int) (r >>> 32), (int) r, this, "INFO " + key);
    }

    /** An INFO value as a String (allocates: for reports, not hot loops), or null when absent. */
    public String infoString(FieldKey key) {
        long r = info(key);
        return r < 0 ? null : text((int) (r >>> 32), (int) r);
    }

    // ---- FORMAT and samples ---------------------------------------------------------------------------------

    /** Number of sample columns (scans the whole line). */
    public int sampleCount() {
        return Math.max(0, columnCount() - 9);
    }

    /** Position of a key in this record's FORMAT, or -1. */
    public int formatIndex(FieldKey key) {
        if (columnCount() <= FORMAT) {
            return -1;
        }
        int s = fieldStart(FORMAT);
        int e = fieldEnd(FORMAT);
        int index = 0;
        for (int p = s; p <= e; index++) {
            int colon = Swar.indexOf(buf, p, e, (byte) ':', COLON_PATTERN);
            int keyEnd = colon < 0 ? e : colon;
            if (keyEnd - p == key.bytes.length && matches(p, key.bytes)) {
                return index;
            }
            p = keyEnd + 1;
        }
        return -1;
    }

    /** The value of FORMAT subfield {@code index} for sample {@code sample} (0-based) as a packed range, or -1. */
    public long sampleValue(int sample, int index) {
        int column = 9 + sample;
        int s = fieldStart(column);
        int e = fieldEnd(column);
        int p = s;
        for (int i = 0; i < index; i++) {
            int colon = Swar.indexOf(buf, p, e, (byte) ':', COLON_PATTERN);
            if (colon < 0) {
                return -1;  // trailing subfields may be dropped (VCF 4.3 section 1.6.2)
            }
            p = colon + 1;
        }
        int colon = Swar.indexOf(buf, p, e, (byte) ':', COLON_PATTERN);
        return ((long) p << 32) | (colon < 0 ? e : colon);
    }

    /**
     * Item {@code item} (0-based) of a comma-separated value range as a number, without allocating; NaN when the
     * range is absent, has fewer items, or the item is '.' or not a number. For AD, AF and the like.
     */
    public double item(long range, int item) {
        if (range < 0) {
            return Double.NaN;
        }
        int s = (int) (range >>> 32);
        int e = (int) range;
        for (int i = 0; i < item; i++) {
            int comma = Bytes.indexOf(buf, s, e, (byte) ',');
            if (comma < 0) {
                return Double.NaN;
            }
            s = comma + 1;
        }
        int comma = Bytes.indexOf(buf, s, e, (byte) ',');
        int itemEnd = comma < 0 ? e : comma;
        if (itemEnd == s || (itemEnd - s == 1 && buf.get(s) == '.')) {
            return Double.NaN;
        }
        return AsciiNumbers.parseDouble(buf, s, itemEnd);
    }

    /** True when the bytes of {@code needle} occur inside a value range (a substring test without allocating). */
    public boolean contains(long range, byte[] needle) {
        if (range < 0 || needle.length == 0) {
            return false;
        }
        int s = (int) (range >>> 32);
        int last = (int) range - needle.length;
        byte first = needle[0];
        for (int p = s; p <= last; p++) {
            if (buf.get(p) == first && matches(p, needle)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when {@code word} occurs in a value range delimited on both sides by a range end or one of
     * {@code | & , =}: a whole Sequence Ontology term in a CSQ or ANN value.
     */
    public boolean containsWord(long range, byte[] word) {
        if (range < 0 || word.length == 0) {
            return false;
        }
        int s = (int) (range >>> 32);
        int e = (int) range;
        int last = e - word.length;
        byte first = word[0];
        for (int p = s; p <= last; p++) {
            if (buf.get(p) == first && matches(p, word) && (p == s || isDelimiter(buf.get(p - 1)))
                    && (p + word.length == e || isDelimiter(buf.get(p + word.length)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDelimiter(byte b) {
        return b == '|' || b == '&' || b == ',' || b == '=';
    }

    /** Number of comma-separated items in a value range (0 when absent). */
    public int itemCount(long range) {
        if (range < 0) {
            return 0;
        }
        int n = 1;
        for (int p = (int) (range >>> 32); p < (int) range; p++) {
            if (buf.get(p) == ',') {
                n++;
            }
        }
        return n;
    }

    /** True when no ALT allele is symbolic, a breakend, '*' or missing: every ALT is plain bases. */
    public boolean altsArePlainBases() {
        int s = fieldStart(ALT);
        int e = fieldEnd(ALT);
        if (e == s) {
            return false;
        }
        boolean itemStart = true;
        for (int p = s; p < e; p++) {
            byte b = buf.get(p);
            if (b == ',') {
                if (itemStart) {
                    return false;
                }
                itemStart = true;
                continue;
            }
            itemStart = false;
            if (b != 'A' && b != 'C' && b != 'G' && b != 'T' && b != 'N' && b != 'a' && b != 'c' && b != 'g'
                    && b != 't' && b != 'n') {
                return false;
            }
        }
        return !itemStart;
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    public static int rangeLength(long range) {
        return (int) range - (int) (range >>> 32);
    }

    /** Text of a range of the buffer (allocates). */
    public String text(long range) {
        return range < 0 ? null : text((int) (range >>> 32), (int) range);
    }

    public String text(int from, int to) {
        byte[] b = new byte[to - from];
        buf.get(from, b);
        return new String(b, StandardCharsets.UTF_8);
    }

    public String column(int column) {
        return text(fieldStart(column), fieldEnd(column));
    }

    public String ref() {
        return column(REF);
    }

    public String alt() {
        return column(ALT);
    }

    public String id() {
        return column(ID);
    }

    public String filter() {
        return column(FILTER);
    }

    private boolean matches(int at, byte[] k, int length) {
        for (int i = 0; i < length; i++) {
            if (buf.get(at + i) != k[i]) {
                return false;
            }
        }
        return true;
    }

    private boolean matches(int at, byte[] k) {
        for (int i = 0; i < k.length; i++) {
            if (buf.get(at + i) != k[i]) {
                return false;
            }
        }
        return true;
    }

    /** An error about this record, naming file and line (or, in a split, the offset before it). */
    public InputException error(String message) {
        if (line == InputException.UNKNOWN && offset != InputException.UNKNOWN) {
            return InputException.atOffset(source, offset, (offsetIsBlock ? "the record ending in the BGZF block at "
                    + "compressed offset " + offset + ", read through the index (its line number is not known)"
                    : "the record after offset " + offset) + " (" + preview() + "): " + message);
        }
        if (line == InputException.UNKNOWN) {
            return new InputException(source + ": the record " + preview() + ": " + message);
        }
        return InputException.at(source, line, message);
    }

    private String preview() {
        int n = Math.min(end - start, 40);
        return text(start, start + n) + (n < end - start ? "..." : "");
    }

    @Override
    public String toString() {
        return buf == null ? "(no record)" : text(start, end);
    }
}
