// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.genvag.io.text.Bytes;
import org.genvag.io.vcf.VcfRecord;

/**
 * Splits the records of one block into columns, losslessly: fixed columns for POS (delta), ID, REF/ALT, QUAL
 * and FILTER; INFO as a shape (the sequence of keys, each with or without '=') plus one value column per key;
 * FORMAT as a dictionary id plus one value column per FORMAT key holding every sample's value. Putting like values
 * together is what lets LZ4 compress a VCF well; joining the columns back in record order gives every line byte for
 * byte. A record whose POS is not written canonically (leading zeros) is kept verbatim instead.
 */
final class BlockShredder {
    private static final byte TAB = '\t';
    private static final byte SEMI = ';';
    private final Map<String, ByteSink> fixed = new LinkedHashMap<>();
    private final ByteSink mode;
    private final ByteSink span;
    private final ByteSink raw;
    private final ByteSink columns;
    private final ByteSink pos;
    private final ByteSink alleles;
    private final ByteSink ref;
    private final ByteSink alt;
    private final ValueColumn id = new ValueColumn(StoreFormat.ID);
    private final ValueColumn qual = new ValueColumn(StoreFormat.QUAL);
    private final ValueColumn filter = new ValueColumn(StoreFormat.FILTER);
    private final ByteSink infoKeyList = new ByteSink(256);
    private final ByteSink shapeList = new ByteSink(256);
    private final ByteSink infoShape;
    private final SampleShredder samples;
    private final SliceInterner infoKeys = new SliceInterner();
    private final SliceInterner shapes = new SliceInterner();
    private final List<ValueColumn> infoValues = new ArrayList<>();
    private final ByteSink shapeScratch = new ByteSink(64);
    private int[] predicted = new int[32];
    private int lastShape = -1;
    private int[] sameTarget = new int[64];
    private int[] valueStarts = new int[32];
    private int[] valueEnds = new int[32];
    private long lastPos;
    /** Set by {@link #info} when the record has an INFO END entry. */
    private boolean endSeen;
    private int records;
    long minPos = Long.MAX_VALUE;
    long maxEnd = Long.MIN_VALUE;

    BlockShredder() {
        Arrays.fill(predicted, -1);
        mode = sink(StoreFormat.MODE);
        span = sink(StoreFormat.SPAN);
        raw = sink(StoreFormat.RAW);
        columns = sink(StoreFormat.COLUMNS);
        pos = sink(StoreFormat.POS);
        alleles = sink(StoreFormat.ALLELES);
        ref = sink(StoreFormat.REF);
        alt = sink(StoreFormat.ALT);
        infoShape = sink(StoreFormat.INFO_SHAPE);
        samples = new SampleShredder(sink(StoreFormat.FORMAT), sink(StoreFormat.SAMPLE_FIELDS));
    }

    private ByteSink sink(String name) {
        ByteSink s = new ByteSink(1 << 12);
        fixed.put(name, s);
        return s;
    }

    int records() {
        return records;
    }

    void clear() {
        fixed.values().forEach(ByteSink::clear);
        id.clear();
        qual.clear();
        filter.clear();
        infoValues.forEach(ValueColumn::clear);
        infoKeys.clear();
        Arrays.fill(predicted, -1);
        Arrays.fill(sameTarget, 0);
        shapes.clear();
        lastShape = -1;
        samples.clear();
        lastPos = 0;
        records = 0;
        minPos = Long.MAX_VALUE;
        maxEnd = Long.MIN_VALUE;
    }

    /**
     * Adds the record {@code r}, whose line lies in {@code b} (the batch's bytes). The line is walked once, left to
     * right: each field's parser stops at the tab that ends it, so no separate pass finds the tabs.
     */
    void add(VcfRecord r, byte[] b) {
        records++;
        int end = r.end();
        int chromEnd = Bytes.indexOf(b, r.start(), end, TAB);
        int posEnd = chromEnd < 0 ? -1 : Bytes.indexOf(b, chromEnd + 1, end, TAB);
        if (posEnd < 0 || !canonical(b, chromEnd + 1, posEnd)) {
            // Kept whole; POS and END as the VCF reader reads them (a malformed one is an error naming the line).
            long p = r.pos();
            place(p, Math.max(p, r.endPos()));
            mode.write(1);
            raw.varint(end - r.start());
            raw.write(b, r.start(), end - r.start());
            return;
        }
        long p = digits(b, chromEnd + 1, posEnd);
        mode.write(0);
        int idEnd = id.add(b, posEnd + 1, end, TAB, TAB);
        int refEnd = idEnd < end ? Bytes.indexOf(b, idEnd + 1, end, TAB) : -1;
        int altEnd = refEnd < 0 ? -1 : Bytes.indexOf(b, refEnd + 1, end, TAB);
        if (altEnd < 0) {
            tooFewColumns(r, b);
        }
        alleles(b, idEnd + 1, refEnd, refEnd + 1, altEnd);
        int qualEnd = qual.add(b, altEnd + 1, end, TAB, TAB);
        int filterEnd = qualEnd < end ? filter.add(b, qualEnd + 1, end, TAB, TAB) : end;
        if (filterEnd == end) {
            tooFewColumns(r, b);
        }
        // INFO END is seen while INFO is taken apart; only then is it parsed (gVCF blocks, structural variants).
        int infoEnd = info(b, filterEnd + 1, end);
        place(p, endSeen ? Math.max(p, r.endPos()) : Math.max(p, p + refEnd - idEnd - 2));
        int n = 8;
        if (infoEnd < end) {
            n = samples.add(b, infoEnd + 1, end);
        }
        columns.varint(n);
    }

    /** A line with fewer than the 8 fixed columns: the reader's own error, naming the line. */
    private static void tooFewColumns(VcfRecord r, byte[] b) {
        int tabs = 0;
        for (int i = r.start(); i < r.end(); i++) {
            tabs += b[i] == TAB ? 1 : 0;
        }
        throw r.error("expected at least 8 tab-separated columns (CHROM to INFO), found " + (tabs + 1));
    }

    /** POS and the span to END, for every record: a query picks the records it needs from these two columns. */
    private void place(long p, long e) {
        minPos = Math.min(minPos, p);
        maxEnd = Math.max(maxEnd, e);
        span.varint(e - p);
        pos.zigzag(p - lastPos);
        lastPos = p;
    }

    /**
     * Takes INFO, from {@code s} to the next tab or {@code e}, apart into its shape and values; returns where it
     * ends and sets {@link #endSeen} when it has an END entry.
     */
    private int info(byte[] b, int s, int e) {
        shapeScratch.clear();
        endSeen = false;
        int entry = s;
        int index = 0;
        while (true) {
            if (index == predicted.length) {
                predicted = Arrays.copyOf(predicted, index * 2);
            }
            // Records of one caller repeat the same keys in the same order: the key the previous record had at
            // this place is compared while the key's end is looked for; only another key is hashed.
            int guess = predicted[index];
            int keyEnd = infoKeys.matchAt(guess, b, entry, e);
            int key = guess;
            if (keyEnd < 0) {
                keyEnd = entry;
                while (keyEnd < e && b[keyEnd] != '=' && b[keyEnd] != ';' && b[keyEnd] != TAB) {
                    keyEnd++;
                }
                key = infoKeys.intern(b, entry, keyEnd);
                predicted[index] = key;
            }
            boolean valued = keyEnd < e && b[keyEnd] == '=';
            endSeen |= keyEnd - entry == 3 && b[entry] == 'E' && b[entry + 1] == 'N' && b[entry + 2] == 'D';
            shapeScratch.varint(((long) key << 1) | (valued ? 1 : 0));
            if (index == valueStarts.length) {
                valueStarts = Arrays.copyOf(valueStarts, index * 2);
                valueEnds = Arrays.copyOf(valueEnds, index * 2);
            }
            int entryEnd = keyEnd;
            valueStarts[index] = keyEnd + 1;
            valueEnds[index] = -1;
            if (valued) {
                ValueColumn column = column(infoValues, key);
                column.mark();
                entryEnd = column.add(b, keyEnd + 1, e, SEMI, TAB);
                valueEnds[index] = entryEnd;
                int same = sameAsEarlier(b, index, key);
                if (same >= 0) {
                    column.rollback();
                    column.addSame(same);
                }
            }
            index++;
            if (entryEnd >= e || b[entryEnd] == TAB) {
                // Consecutive records mostly share their shape: compare with the last one before hashing.
                if (!shapes.is(lastShape, shapeScratch.bytes, 0, shapeScratch.length)) {
                    lastShape = shapes.intern(shapeScratch.bytes, 0, shapeScratch.length);
                }
                infoShape.varint(lastShape);
                return entryEnd;
            }
            entry = entryEnd + 1;
        }
    }

    /**
     * The earlier entry of this record whose value has the same bytes, for values of 4 bytes or more (GATK writes
     * MLEAF equal to AF nearly always); -1 when none.
     */
    private int sameAsEarlier(byte[] b, int index, int key) {
        int s = valueStarts[index];
        int len = valueEnds[index] - s;
        if (len < 4) {
            return -1;
        }
        if (key >= sameTarget.length) {
            sameTarget = Arrays.copyOf(sameTarget, Math.max(key + 1, sameTarget.length * 2));
        }
        // Which earlier entry a key repeats is stable (MLEAF repeats AF): after the first records of a block only
        // the entry this key matched before is compared; the first records of a block search them all.
        int target = sameTarget[key] - 1;
        if (target >= 0 && target < index && equal(b, target, index)) {
            return target;
        }
        if (records > 16) {
            return -1;
        }
        for (int k = 0; k < index; k++) {
            if (equal(b, k, index)) {
                sameTarget[key] = k + 1;
                return k;
            }
        }
        return -1;
    }

    private boolean equal(byte[] b, int k, int index) {
        int s = valueStarts[index];
        int e = valueEnds[index];
        int ks = valueStarts[k];
        int ke = valueEnds[k];
        if (ke - ks != e - s) {
            return false;
        }
        for (int i = 0; i < e - s; i++) {   // values of a few bytes: a plain loop
            if (b[ks + i] != b[s + i]) {
                return false;
            }
        }
        return true;
    }

    static ValueColumn column(List<ValueColumn> list, int id) {
        while (list.size() <= id) {
            list.add(new ValueColumn(null));
        }
        return list.get(id);
    }

    /**
     * A single-base SNV (REF and ALT each one of ACGT) is one code byte, 1 + 4 * ref + alt; anything else is code 0
     * with REF and ALT as text. Most WGS records are such SNVs.
     */
    private void alleles(byte[] b, int rs, int re, int as, int ae) {
        if (re - rs == 1 && ae - as == 1) {
            int r = base(b[rs]);
            int a = base(b[as]);
            if (r >= 0 && a >= 0) {
                alleles.write(1 + 4 * r + a);
                return;
            }
        }
        alleles.write(0);
        ref.write(b, rs, re - rs);
        ref.write('\t');
        alt.write(b, as, ae - as);
        alt.write('\t');
    }

    static int base(byte b) {
        return switch (b) {
            case 'A' -> 0;
            case 'C' -> 1;
            case 'G' -> 2;
            case 'T' -> 3;
            default -> -1;
        };
    }

    /** Digits only, no leading zero: the text {@link ByteSink#decimal} gives back. */
    private static boolean canonical(byte[] b, int s, int e) {
        if (e == s || e - s > 18 || (b[s] == '0' && e - s > 1)) {
            return false;
        }
        for (int i = s; i < e; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return false;
            }
        }
        return true;
    }

    private static long digits(byte[] b, int s, int e) {
        long v = 0;
        for (int i = s; i < e; i++) {
            v = v * 10 + (b[i] - '0');
        }
        return v;
    }

    /**
     * The block's columns, dictionaries included, in a fixed order: their names into {@code names} and their bytes
     * into {@code sinks} (both cleared first). Names are kept from block to block while the keys stay the same.
     */
    void columns(List<String> names, List<ByteSink> sinks) {
        names.clear();
        sinks.clear();
        for (Map.Entry<String, ByteSink> f : fixed.entrySet()) {
            names.add(f.getKey());
            sinks.add(f.getValue());
        }
        values(names, sinks, id);
        values(names, sinks, qual);
        values(names, sinks, filter);
        names.add(StoreFormat.INFO_KEYS);
        sinks.add(dictionary(infoKeys, infoKeyList));
        names.add(StoreFormat.INFO_SHAPES);
        sinks.add(lengthPrefixed(shapes, shapeList));
        names.add(StoreFormat.FORMATS);
        sinks.add(samples.formatDictionary());
        // The value lists outlive a block (their buffers are reused); only this block's keys name columns.
        for (int k = 0; k < Math.min(infoKeys.size(), infoValues.size()); k++) {
            ValueColumn c = infoValues.get(k);
            c.name(StoreFormat.INFO_VALUE, infoKeys.heap(), infoKeys.start(k), infoKeys.end(k));
            values(names, sinks, c);
        }
        samples.valueColumns(names, sinks);
    }

    /** A value column as up to three stored columns: NAME.t (tags), NAME.n (numbers), NAME.s (text). */
    static void values(List<String> names, List<ByteSink> sinks, ValueColumn c) {
        if (c.isEmpty()) {
            return;
        }
        names.add(c.tagsName);
        sinks.add(c.tags);
        if (c.numbers.length > 0) {
            names.add(c.numbersName);
            sinks.add(c.numbers);
        }
        if (c.text.length > 0) {
            names.add(c.textName);
            sinks.add(c.text);
        }
    }

    static ByteSink dictionary(SliceInterner dict, ByteSink s) {
        s.clear();
        for (int i = 0; i < dict.size(); i++) {
            s.write(dict.heap(), dict.start(i), dict.end(i) - dict.start(i));
            s.write('\t');
        }
        return s;
    }

    private static ByteSink lengthPrefixed(SliceInterner dict, ByteSink s) {
        s.clear();
        for (int i = 0; i < dict.size(); i++) {
            s.varint(dict.end(i) - dict.start(i));
            s.write(dict.heap(), dict.start(i), dict.end(i) - dict.start(i));
        }
        return s;
    }
}
