package org.genvag.io.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.genvag.io.text.Bytes;

/**
 * Joins a block's columns back into VCF lines, the inverse of {@link BlockShredder}: each column is read front to
 * back once, so assembling a block is linear in its size. A column that ends early or a dictionary id out of range
 * means the block is corrupt; {@link Corrupt} names the column.
 */
final class BlockAssembler {
    static final class Corrupt extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Corrupt(String message) {
            super(message);
        }
    }

    private final Map<String, ByteCursor> columns;
    private final byte[] contig;
    /** Where the records a query does not want are walked: this assembler's own, as it is used by one thread. */
    private final ByteSink discard = ByteSink.discarding();

    BlockAssembler(Map<String, ByteCursor> columns, byte[] contig) {
        this.columns = columns;
        this.contig = contig;
    }

    /** Which records of a block a query wants, from each record's POS and span to END. */
    interface Selector {
        boolean wants(long pos, long end);
    }

    /**
     * Appends the block's lines a selector wants (all when it is null), each ending in '\n', to {@code out}.
     * Columns are read sequentially, so unwanted records are still decoded, then dropped from {@code out}: what is
     * saved is parsing and filtering their text again downstream.
     */
    void assemble(int records, ByteSink out, Selector selector) {
        Placed placed = new Placed();
        ValueColumn.Reader id = values(StoreFormat.ID);
        ValueColumn.Reader qual = values(StoreFormat.QUAL);
        ValueColumn.Reader filter = values(StoreFormat.FILTER);
        ByteCursor shape = column(StoreFormat.INFO_SHAPE);
        ByteCursor format = column(StoreFormat.FORMAT);
        ByteCursor fields = column(StoreFormat.SAMPLE_FIELDS);
        List<String> infoKeys = dictionary(StoreFormat.INFO_KEYS);
        List<ValueColumn.Reader> infoValues = new ArrayList<>();
        for (String k : infoKeys) {
            infoValues.add(values(StoreFormat.INFO_VALUE + k));
        }
        List<long[]> shapes = shapes(infoKeys.size());
        byte[][] keyBytes = new byte[infoKeys.size()][];
        for (int k = 0; k < keyBytes.length; k++) {
            keyBytes[k] = infoKeys.get(k).getBytes(StandardCharsets.ISO_8859_1);
        }
        List<String> formats = dictionary(StoreFormat.FORMATS);
        byte[][] formatBytes = new byte[formats.size()][];
        for (int f = 0; f < formatBytes.length; f++) {
            formatBytes[f] = formats.get(f).getBytes(StandardCharsets.ISO_8859_1);
        }
        List<ValueColumn.Reader[]> formatColumns = new ArrayList<>();
        Map<String, ValueColumn.Reader> byKey = new HashMap<>();
        for (String f : formats) {
            String[] keys = f.split(":", -1);
            ValueColumn.Reader[] cs = new ValueColumn.Reader[keys.length];
            for (int i = 0; i < keys.length; i++) {
                cs[i] = byKey.computeIfAbsent(keys[i], k -> values(StoreFormat.SAMPLE_VALUE + k));
            }
            formatColumns.add(cs);
        }
        int[] valueRanges = new int[64];
        String where = "";
        int whereKey = -1;   // for INFO values, which key: the column's name is built only for an error message
        try {
            for (int i = 0; i < records; i++) {
                where = StoreFormat.POS;
                long end = placed.next();
                long lastPos = placed.lastPos;
                boolean wanted = selector == null || selector.wants(lastPos, end);
                ByteSink to = wanted ? out : discard;
                where = StoreFormat.MODE;
                if (placed.mode.u8() == 1) {
                    where = StoreFormat.RAW;
                    int len = rawLength(placed.raw);
                    to.write(placed.raw.bytes, placed.raw.pos, len);
                    placed.raw.pos += len;
                    to.write('\n');

                    continue;
                }
                where = StoreFormat.COLUMNS;
                int n = (int) placed.ncols.varint();
                to.write(contig, 0, contig.length);
                to.write('\t');
                to.decimal(lastPos);
                if (n > 2) {
                    where = StoreFormat.ID;
                    to.write('\t');
                    id.copy(to, null);
                }
                if (n > 3) {
                    where = StoreFormat.ALLELES;
                    int code = placed.alleleCode(n);
                    to.write('\t');
                    if (code > 0) {
                        to.write(BASES[(code - 1) >>> 2]);
                        to.write('\t');
                        to.write(BASES[(code - 1) & 3]);
                    } else {
                        where = StoreFormat.REF;
                        copy(placed.ref, to);
                        if (n > 4) {
                            where = StoreFormat.ALT;
                            to.write('\t');
                            copy(placed.alt, to);
                        }
                    }
                }
                if (n > 5) {
                    where = StoreFormat.QUAL;
                    to.write('\t');
                    qual.copy(to, null);
                }
                if (n > 6) {
                    where = StoreFormat.FILTER;
                    to.write('\t');
                    filter.copy(to, null);
                }
                if (n > 7) {
                    where = StoreFormat.INFO_SHAPE;
                    to.write('\t');
                    int s = (int) shape.varint();
                    if (s >= shapes.size()) {
                        throw new Corrupt("INFO shape " + s + " of " + shapes.size());
                    }
                    long[] entries = shapes.get(s);
                    if (2 * entries.length > valueRanges.length) {
                        valueRanges = new int[2 * entries.length];
                    }
                    for (int k = 0; k < entries.length; k++) {
                        valueRanges[2 * k] = 0;
                        valueRanges[2 * k + 1] = -1;
                        if (k > 0) {
                            to.write(';');
                        }
                        int key = (int) (entries[k] >>> 1);
                        byte[] name = keyBytes[key];
                        to.write(name, 0, name.length);
                        if ((entries[k] & 1) != 0) {
                            to.write('=');
                            where = StoreFormat.INFO_VALUE;
                            whereKey = key;
                            valueRanges[2 * k] = to.length;
                            infoValues.get(key).copy(to, valueRanges);
                            valueRanges[2 * k + 1] = to.length;
                        }
                    }
                }
                if (n > 8) {
                    where = StoreFormat.FORMAT;
                    to.write('\t');
                    int f = (int) format.varint();
                    if (f >= formats.size()) {
                        throw new Corrupt("FORMAT " + f + " of " + formats.size());
                    }
                    byte[] fb = formatBytes[f];
                    to.write(fb, 0, fb.length);
                    ValueColumn.Reader[] cs = formatColumns.get(f);
                    for (int c = 9; c < n; c++) {
                        to.write('\t');
                        where = StoreFormat.SAMPLE_FIELDS;
                        int count = (int) fields.varint();
                        for (int j = 0; j < count; j++) {
                            if (j > 0) {
                                to.write(':');
                            }
                            ValueColumn.Reader col = j < cs.length ? cs[j] : byKey.computeIfAbsent("#" + j,
                                    k -> values(StoreFormat.SAMPLE_VALUE + k));
                            where = "sample values";
                            col.copy(to, null);
                        }
                    }
                }
                to.write('\n');

            }
        } catch (ByteCursor.Underflow e) {
            throw new Corrupt("column '" + (where.equals(StoreFormat.INFO_VALUE) && whereKey >= 0
                    ? where + infoKeys.get(whereKey) : where) + "' ends early or is missing");
        }
    }

    /** Where a record lies, for {@link #positions}. */
    interface PositionSink {
        void accept(long pos, long end);
    }

    /**
     * Hands on the POS and END of the records a selector wants, reading only the {@code pos} and {@code span}
     * columns; returns how many were handed on.
     */
    long positions(int records, Selector selector, PositionSink sink) {
        ByteCursor pos = column(StoreFormat.POS);
        ByteCursor span = column(StoreFormat.SPAN);
        long handed = 0;
        long lastPos = 0;
        try {
            for (int i = 0; i < records; i++) {
                lastPos += pos.zigzag();
                long end = lastPos + span.varint();
                if (selector.wants(lastPos, end)) {
                    sink.accept(lastPos, end);
                    handed++;
                }
            }
        } catch (ByteCursor.Underflow e) {
            throw new Corrupt("column '" + StoreFormat.POS + "' or '" + StoreFormat.SPAN + "' ends early");
        }
        return handed;
    }

    /**
     * Hands on the records a selector wants as variants (POS, END, REF, ALT), reading only the position, mode, raw,
     * column-count and allele columns, as {@link #assemble} reads them; returns how many were handed on.
     */
    long variants(int records, Selector selector, String contigName, Consumer<StoredVariant> sink) {
        Placed placed = new Placed();
        long handed = 0;
        String where = StoreFormat.POS;
        try {
            for (int i = 0; i < records; i++) {
                where = StoreFormat.POS;
                long end = placed.next();
                long lastPos = placed.lastPos;
                boolean wanted = selector.wants(lastPos, end);
                String refText = "";
                String altText = "";
                where = StoreFormat.MODE;
                if (placed.mode.u8() == 1) {
                    where = StoreFormat.RAW;
                    int len = rawLength(placed.raw);
                    if (wanted) {
                        refText = field(placed.raw.bytes, placed.raw.pos, placed.raw.pos + len, 3);
                        altText = field(placed.raw.bytes, placed.raw.pos, placed.raw.pos + len, 4);
                    }
                    placed.raw.pos += len;
                } else {
                    where = StoreFormat.COLUMNS;
                    int n = (int) placed.ncols.varint();
                    if (n > 3) {
                        where = StoreFormat.ALLELES;
                        int code = placed.alleleCode(n);
                        if (code > 0) {
                            refText = BASE_TEXT[(code - 1) >>> 2];
                            altText = BASE_TEXT[(code - 1) & 3];
                        } else {
                            where = StoreFormat.REF;
                            refText = text(placed.ref, wanted);
                            if (n > 4) {
                                where = StoreFormat.ALT;
                                altText = text(placed.alt, wanted);
                            }
                        }
                    }
                }
                if (wanted) {
                    sink.accept(new StoredVariant(contigName, lastPos, end, refText, altText));
                    handed++;
                }
            }
        } catch (ByteCursor.Underflow e) {
            throw new Corrupt("column '" + where + "' ends early");
        }
        return handed;
    }

    /**
     * Hands on the records a selector wants as {@link StoredRecord} views: the fixed fields and, per sample, the
     * values of the FORMAT keys asked for. Reads the position, mode, raw, column-count, ID, allele, QUAL, FILTER and
     * FORMAT columns and the value columns of the asked keys only; INFO and the other FORMAT keys are never read.
     * Returns how many records were handed on.
     */
    long records(int records, Selector selector, String contigName, List<String> askedKeys, StoredRecord view,
                 Consumer<StoredRecord> sink) {
        Placed placed = new Placed();
        ValueColumn.Reader id = values(StoreFormat.ID);
        ValueColumn.Reader qual = values(StoreFormat.QUAL);
        ValueColumn.Reader filter = values(StoreFormat.FILTER);
        ByteCursor format = column(StoreFormat.FORMAT);
        ByteCursor fields = column(StoreFormat.SAMPLE_FIELDS);
        List<String> formats = dictionary(StoreFormat.FORMATS);
        ValueColumn.Reader[] asked = new ValueColumn.Reader[askedKeys.size()];
        String[] askedNames = new String[asked.length];   // for an error message; made once, not per value
        for (int k = 0; k < asked.length; k++) {
            askedNames[k] = StoreFormat.SAMPLE_VALUE + askedKeys.get(k);
            asked[k] = values(askedNames[k]);
        }
        // Per FORMAT string, per subfield: which asked key it is, or -1.
        int[][] askedAt = new int[formats.size()][];
        for (int f = 0; f < askedAt.length; f++) {
            askedAt[f] = positions(formats.get(f), askedKeys);
        }
        long handed = 0;
        String where = StoreFormat.POS;
        try {
            for (int i = 0; i < records; i++) {
                where = StoreFormat.POS;
                long end = placed.next();
                long lastPos = placed.lastPos;
                boolean wanted = selector.wants(lastPos, end);
                ByteSink to = wanted ? view.bytes : discard;
                if (wanted) {
                    view.reset(contigName, lastPos, end);
                }
                where = StoreFormat.MODE;
                if (placed.mode.u8() == 1) {
                    where = StoreFormat.RAW;
                    int len = rawLength(placed.raw);
                    if (wanted) {
                        rawRecord(placed.raw.bytes, placed.raw.pos, placed.raw.pos + len, askedKeys, view);
                    }
                    placed.raw.pos += len;
                } else {
                    where = StoreFormat.COLUMNS;
                    int n = (int) placed.ncols.varint();
                    if (n > 2) {
                        where = StoreFormat.ID;
                        int s = to.length;
                        id.copy(to, null);
                        view.field(StoredRecord.ID, s, to.length);
                    }
                    if (n > 3) {
                        where = StoreFormat.ALLELES;
                        int code = placed.alleleCode(n);
                        int s = to.length;
                        if (code > 0) {
                            to.write(BASES[(code - 1) >>> 2]);
                            view.field(StoredRecord.REF, s, to.length);
                            to.write(BASES[(code - 1) & 3]);
                            view.field(StoredRecord.ALT, s + 1, to.length);
                        } else {
                            where = StoreFormat.REF;
                            copy(placed.ref, to);
                            view.field(StoredRecord.REF, s, to.length);
                            if (n > 4) {
                                where = StoreFormat.ALT;
                                int a = to.length;
                                copy(placed.alt, to);
                                view.field(StoredRecord.ALT, a, to.length);
                            }
                        }
                    }
                    if (n > 5) {
                        where = StoreFormat.QUAL;
                        int s = to.length;
                        qual.copy(to, null);
                        view.field(StoredRecord.QUAL, s, to.length);
                    }
                    if (n > 6) {
                        where = StoreFormat.FILTER;
                        int s = to.length;
                        filter.copy(to, null);
                        view.field(StoredRecord.FILTER, s, to.length);
                    }
                    if (n > 8) {
                        where = StoreFormat.FORMAT;
                        int f = (int) format.varint();
                        if (f >= formats.size()) {
                            throw new Corrupt("FORMAT " + f + " of " + formats.size());
                        }
                        int[] at = askedAt[f];
                        if (wanted) {
                            view.samples(n - 9);
                        }
                        for (int c = 9; c < n; c++) {
                            where = StoreFormat.SAMPLE_FIELDS;
                            int count = (int) fields.varint();
                            for (int j = 0; j < Math.min(count, at.length); j++) {
                                int k = at[j];
                                if (k >= 0) {
                                    where = askedNames[k];
                                    int s = to.length;
                                    asked[k].copy(to, null);
                                    if (wanted && view.valueStart(c - 9, k) < 0) {   // a repeated key: the first
                                        view.value(c - 9, k, s, to.length);
                                    }
                                }
                            }
                        }
                    }
                }
                if (wanted) {
                    sink.accept(view);
                    handed++;
                }
            }
        } catch (ByteCursor.Underflow e) {
            throw new Corrupt("column '" + where + "' ends early or is missing");
        }
        return handed;
    }

    /** For each ':'-separated key of a FORMAT string, its index among the asked keys, or -1. */
    private static int[] positions(String format, List<String> askedKeys) {
        int count = 1;
        for (int i = 0; i < format.length(); i++) {
            count += format.charAt(i) == ':' ? 1 : 0;
        }
        int[] at = new int[count];
        int start = 0;
        for (int j = 0; j < count; j++) {
            int colon = format.indexOf(':', start);
            int stop = colon < 0 ? format.length() : colon;
            at[j] = askedKeys.indexOf(format.substring(start, stop));
            start = stop + 1;
        }
        return at;
    }

    /** A record kept whole: its line copied into the view, and its fields and asked values found in it. */
    private static void rawRecord(byte[] line, int from, int to, List<String> askedKeys, StoredRecord view) {
        ByteSink out = view.bytes;
        int base = out.length;
        out.write(line, from, to - from);
        byte[] b = out.bytes;
        int lineEnd = out.length;
        int columns = 1;
        for (int i = base; i < lineEnd; i++) {
            columns += b[i] == '\t' ? 1 : 0;
        }
        if (columns > 9) {
            view.samples(columns - 9);
        }
        int start = base;
        int column = 0;
        int[] at = null;
        while (start <= lineEnd) {
            int tab = Bytes.indexOf(b, start, lineEnd, (byte) '\t');
            int stop = tab < 0 ? lineEnd : tab;
            if (column >= 2 && column <= 6) {
                view.field(column - 2, start, stop);
            } else if (column == 8) {
                at = positions(new String(b, start, stop - start, StandardCharsets.ISO_8859_1), askedKeys);
            } else if (column > 8) {
                int sample = column - 9;
                int v = start;
                for (int j = 0; at != null && j < at.length && v <= stop; j++) {
                    int colon = v;
                    while (colon < stop && b[colon] != ':') {
                        colon++;
                    }
                    if (at[j] >= 0 && view.valueStart(sample, at[j]) < 0) {
                        view.value(sample, at[j], v, colon);
                    }
                    v = colon + 1;
                }
            }
            if (tab < 0) {
                break;
            }
            start = tab + 1;
            column++;
        }
    }

    /** The columns every record has its place in, opened once per block: where it is, how it is kept, its alleles. */
    private final class Placed {
        final ByteCursor pos = column(StoreFormat.POS);
        final ByteCursor span = column(StoreFormat.SPAN);
        final ByteCursor mode = column(StoreFormat.MODE);
        final ByteCursor raw = column(StoreFormat.RAW);
        final ByteCursor ncols = column(StoreFormat.COLUMNS);
        final ByteCursor alleles = column(StoreFormat.ALLELES);
        final ByteCursor ref = column(StoreFormat.REF);
        final ByteCursor alt = column(StoreFormat.ALT);
        /** POS of the record {@link #next} stepped to. */
        long lastPos;

        /** Steps to the next record: its POS into {@link #lastPos}; returns its END. */
        long next() {
            lastPos += pos.zigzag();
            return lastPos + span.varint();
        }

        /** The allele code of a record of {@code n} columns: 0 when REF and ALT are text; beyond 16 is corrupt. */
        int alleleCode(int n) {
            int code = n > 4 ? alleles.u8() : 0;
            if (code > 16) {
                throw new Corrupt("allele code " + code);
            }
            return code;
        }
    }

    private static final String[] BASE_TEXT = {"A", "C", "G", "T"};

    /** The length of the next whole line in {@code raw}, which must lie inside the column. */
    private static int rawLength(ByteCursor raw) {
        int len = (int) raw.varint();
        if (len < 0 || raw.pos + len > raw.end) {
            throw new ByteCursor.Underflow();
        }
        return len;
    }

    /** The next tab-terminated entry of {@code c}, as text only when {@code make} (it is stepped over either way). */
    private static String text(ByteCursor c, boolean make) {
        int s = c.pos;
        int e = c.tabTerminated();
        return make ? new String(c.bytes, s, e - s, StandardCharsets.ISO_8859_1) : "";
    }

    /** Tab-separated field {@code k} (0-based) of a line held whole, "" when the line has fewer. */
    private static String field(byte[] line, int from, int to, int k) {
        int start = from;
        for (int i = 0; i < k; i++) {
            int tab = Bytes.indexOf(line, start, to, (byte) '\t');
            if (tab < 0) {
                return "";
            }
            start = tab + 1;
        }
        int end = Bytes.indexOf(line, start, to, (byte) '\t');
        return new String(line, start, (end < 0 ? to : end) - start, StandardCharsets.ISO_8859_1);
    }

    private static void copy(ByteCursor c, ByteSink out) {
        int s = c.pos;
        int e = c.tabTerminated();
        out.write(c.bytes, s, e - s);
    }

    private ByteCursor column(String name) {
        ByteCursor c = columns.get(name);
        if (c == null) {
            throw new Corrupt("column '" + name + "' is missing");
        }
        return c;
    }

    private static final byte[] BASES = {'A', 'C', 'G', 'T'};
    private static final byte[] NO_BYTES = new byte[0];

    /**
     * A value column's reader. A block without the column (no record had such values) gives a reader over nothing:
     * reading a value from it underflows and is reported as the column ending early or missing, never as a null.
     */
    private ValueColumn.Reader values(String name) {
        ByteCursor tags = columns.get(name + StoreFormat.TAGS);
        return new ValueColumn.Reader(tags != null ? tags : empty(),
                columns.getOrDefault(name + StoreFormat.NUMBERS, empty()),
                columns.getOrDefault(name + StoreFormat.TEXT, empty()));
    }

    /** A cursor over nothing, one per use: cursors move, so none is shared. */
    private static ByteCursor empty() {
        return new ByteCursor(NO_BYTES, 0);
    }

    private List<String> dictionary(String name) {
        ByteCursor c = column(name);
        List<String> out = new ArrayList<>();
        try {
            while (!c.atEnd()) {
                int s = c.pos;
                int e = c.tabTerminated();
                out.add(new String(c.bytes, s, e - s, StandardCharsets.ISO_8859_1));
            }
        } catch (ByteCursor.Underflow e) {
            throw new Corrupt("column '" + name + "' ends early");
        }
        return out;
    }

    private List<long[]> shapes(int keys) {
        ByteCursor c = column(StoreFormat.INFO_SHAPES);
        List<long[]> out = new ArrayList<>();
        try {
            while (!c.atEnd()) {
                int len = (int) c.varint();
                int stop = c.pos + len;
                if (len < 0 || stop > c.end) {
                    throw new ByteCursor.Underflow();
                }
                List<Long> entries = new ArrayList<>();
                while (c.pos < stop) {
                    long v = c.varint();
                    if ((v >>> 1) >= keys) {
                        throw new Corrupt("column '" + StoreFormat.INFO_SHAPES + "' names INFO key " + (v >>> 1)
                                + " of " + keys);
                    }
                    entries.add(v);
                }
                out.add(entries.stream().mapToLong(Long::longValue).toArray());
            }
        } catch (ByteCursor.Underflow e) {
            throw new Corrupt("column '" + StoreFormat.INFO_SHAPES + "' ends early");
        }
        return out;
    }
}
