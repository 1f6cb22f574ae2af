// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.store;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import org.genvag.io.store.BlockAssembler.Corrupt;
import org.genvag.io.store.BlockAssembler.Selector;
import org.genvag.io.text.Bytes;

/**
 * The typed walks over a block's records, for queries that want no VCF text: positions (POS and END from two
 * columns), variants (POS, END, REF, ALT) and record views with the FORMAT values asked for. Each reads only the
 * columns it needs.
 */
final class BlockViews {
    private final BlockColumns cols;
    /** Where the records a query does not want are walked: this walk's own, as it is used by one thread. */
    private final ByteSink discard = ByteSink.discarding();

    BlockViews(BlockColumns cols) {
        this.cols = cols;
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
        ByteCursor pos = cols.column(StoreFormat.POS);
        ByteCursor span = cols.column(StoreFormat.SPAN);
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
     * column-count and allele columns, as {@link BlockAssembler#assemble} reads them; returns how many were handed on.
     */
    long variants(int records, Selector selector, String contigName, Consumer<StoredVariant> sink) {
        BlockColumns.Placed placed = cols.placed();
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
                    int len = BlockColumns.rawLength(placed.raw);
                    if (wanted) {
                        refText = BlockColumns.field(placed.raw.bytes, placed.raw.pos, placed.raw.pos + len, 3);
                        altText = BlockColumns.field(placed.raw.bytes, placed.raw.pos, placed.raw.pos + len, 4);
                    }
                    placed.raw.pos += len;
                } else {
                    where = StoreFormat.COLUMNS;
                    int n = (int) placed.ncols.varint();
                    if (n > 3) {
                        where = StoreFormat.ALLELES;
                        int code = placed.alleleCode(n);
                        if (code > 0) {
                            refText = BlockColumns.BASE_TEXT[(code - 1) >>> 2];
                            altText = BlockColumns.BASE_TEXT[(code - 1) & 3];
                        } else {
                            where = StoreFormat.REF;
                            refText = BlockColumns.text(placed.ref, wanted);
                            if (n > 4) {
                                where = StoreFormat.ALT;
                                altText = BlockColumns.text(placed.alt, wanted);
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
        BlockColumns.Placed placed = cols.placed();
        ValueColumn.Reader id = cols.values(StoreFormat.ID);
        ValueColumn.Reader qual = cols.values(StoreFormat.QUAL);
        ValueColumn.Reader filter = cols.values(StoreFormat.FILTER);
        ByteCursor format = cols.column(StoreFormat.FORMAT);
        ByteCursor fields = cols.column(StoreFormat.SAMPLE_FIELDS);
        List<String> formats = cols.dictionary(StoreFormat.FORMATS);
        ValueColumn.Reader[] asked = new ValueColumn.Reader[askedKeys.size()];
        String[] askedNames = new String[asked.length];   // for an error message; made once, not per value
        for (int k = 0; k < asked.length; k++) {
            askedNames[k] = StoreFormat.SAMPLE_VALUE + askedKeys.get(k);
            asked[k] = cols.values(askedNames[k]);
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
                    int len = BlockColumns.rawLength(placed.raw);
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
                            to.write(BlockColumns.BASES[(code - 1) >>> 2]);
                            view.field(StoredRecord.REF, s, to.length);
                            to.write(BlockColumns.BASES[(code - 1) & 3]);
                            view.field(StoredRecord.ALT, s + 1, to.length);
                        } else {
                            where = StoreFormat.REF;
                            BlockColumns.copy(placed.ref, to);
                            view.field(StoredRecord.REF, s, to.length);
                            if (n > 4) {
                                where = StoreFormat.ALT;
                                int a = to.length;
                                BlockColumns.copy(placed.alt, to);
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
}
