// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    private final BlockColumns cols;
    /** Where the records a query does not want are walked: this assembler's own, as it is used by one thread. */
    private final ByteSink discard = ByteSink.discarding();

    BlockAssembler(BlockColumns cols) {
        this.cols = cols;
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
        BlockColumns.Placed placed = cols.placed();
        ValueColumn.Reader id = cols.values(StoreFormat.ID);
        ValueColumn.Reader qual = cols.values(StoreFormat.QUAL);
        ValueColumn.Reader filter = cols.values(StoreFormat.FILTER);
        ByteCursor shape = cols.column(StoreFormat.INFO_SHAPE);
        ByteCursor format = cols.column(StoreFormat.FORMAT);
        ByteCursor fields = cols.column(StoreFormat.SAMPLE_FIELDS);
        List<String> infoKeys = cols.dictionary(StoreFormat.INFO_KEYS);
        List<ValueColumn.Reader> infoValues = new ArrayList<>();
        for (String k : infoKeys) {
            infoValues.add(cols.values(StoreFormat.INFO_VALUE + k));
        }
        List<long[]> shapes = cols.shapes(infoKeys.size());
        byte[][] keyBytes = new byte[infoKeys.size()][];
        for (int k = 0; k < keyBytes.length; k++) {
            keyBytes[k] = infoKeys.get(k).getBytes(StandardCharsets.ISO_8859_1);
        }
        List<String> formats = cols.dictionary(StoreFormat.FORMATS);
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
                cs[i] = byKey.computeIfAbsent(keys[i], k -> cols.values(StoreFormat.SAMPLE_VALUE + k));
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
                    int len = BlockColumns.rawLength(placed.raw);
                    to.write(placed.raw.bytes, placed.raw.pos, len);
                    placed.raw.pos += len;
                    to.write('\n');

                    continue;
                }
                where = StoreFormat.COLUMNS;
                int n = (int) placed.ncols.varint();
                to.write(cols.contig, 0, cols.contig.length);
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
                        to.write(BlockColumns.BASES[(code - 1) >>> 2]);
                        to.write('\t');
                        to.write(BlockColumns.BASES[(code - 1) & 3]);
                    } else {
                        where = StoreFormat.REF;
                        BlockColumns.copy(placed.ref, to);
                        if (n > 4) {
                            where = StoreFormat.ALT;
                            to.write('\t');
                            BlockColumns.copy(placed.alt, to);
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
                                    k -> cols.values(StoreFormat.SAMPLE_VALUE + k));
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

}
