// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.genvag.io.store.BlockAssembler.Corrupt;
import org.genvag.io.text.Bytes;

/**
 * One block's decoded columns by name, and what every walk over its records shares: the columns each record has
 * its place in ({@link Placed}), value-column readers, the dictionaries, and the small text helpers. The walks are
 * {@link BlockAssembler} (VCF lines) and {@link BlockViews} (positions, variants, record views).
 */
final class BlockColumns {
    static final String[] BASE_TEXT = {"A", "C", "G", "T"};
    static final byte[] BASES = {'A', 'C', 'G', 'T'};
    private static final byte[] NO_BYTES = new byte[0];

    private final Map<String, ByteCursor> columns;
    /** The block's contig, as the store names it. */
    final byte[] contig;

    BlockColumns(Map<String, ByteCursor> columns, byte[] contig) {
        this.columns = columns;
        this.contig = contig;
    }

    /** The position, mode and allele columns, opened for one walk over the block's records. */
    Placed placed() {
        return new Placed();
    }

    /** The columns every record has its place in, opened once per block: where it is, how it is kept, its alleles. */
    final class Placed {
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

    ByteCursor column(String name) {
        ByteCursor c = columns.get(name);
        if (c == null) {
            throw new Corrupt("column '" + name + "' is missing");
        }
        return c;
    }

    /**
     * A value column's reader. A block without the column (no record had such values) gives a reader over nothing:
     * reading a value from it underflows and is reported as the column ending early or missing, never as a null.
     */
    ValueColumn.Reader values(String name) {
        ByteCursor tags = columns.get(name + StoreFormat.TAGS);
        return new ValueColumn.Reader(tags != null ? tags : empty(),
                columns.getOrDefault(name + StoreFormat.NUMBERS, empty()),
                columns.getOrDefault(name + StoreFormat.TEXT, empty()));
    }

    /** A cursor over nothing, one per use: cursors move, so none is shared. */
    static ByteCursor empty() {
        return new ByteCursor(NO_BYTES, 0);
    }

    List<String> dictionary(String name) {
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

    List<long[]> shapes(int keys) {
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

    /** The length of the next whole line in {@code raw}, which must lie inside the column. */
    static int rawLength(ByteCursor raw) {
        int len = (int) raw.varint();
        if (len < 0 || raw.pos + len > raw.end) {
            throw new ByteCursor.Underflow();
        }
        return len;
    }

    /** The next tab-terminated entry of {@code c}, as text only when {@code make} (it is stepped over either way). */
    static String text(ByteCursor c, boolean make) {
        int s = c.pos;
        int e = c.tabTerminated();
        return make ? new String(c.bytes, s, e - s, StandardCharsets.ISO_8859_1) : "";
    }

    /** Tab-separated field {@code k} (0-based) of a line held whole, "" when the line has fewer. */
    static String field(byte[] line, int from, int to, int k) {
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

    static void copy(ByteCursor c, ByteSink out) {
        int s = c.pos;
        int e = c.tabTerminated();
        out.write(c.bytes, s, e - s);
    }
}
