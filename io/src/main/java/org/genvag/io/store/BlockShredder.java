package org.genvag.io.store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.genvag.io.text.Swar;
import org.genvag.io.vcf.VcfRecord;

/**
 * Splits the records of one block into columns, losslessly: fixed columns for POS (delta), ID, REF/ALT, QUAL
 * and FILTER; INFO as a shape (the sequence of keys, each with or without '=') plus one value column per key;
 * FORMAT as a dictionary id plus one value column per FORMAT key holding every sample's value. Putting like values
 * together is what lets LZ4 compress a VCF well; joining the columns back in record order gives every line byte for
 * byte. A record whose POS is not written canonically (leading zeros) is kept verbatim instead.
 */
final class BlockShredder {
    private static final long SEMI = Swar.broadcast((byte) ';');
    private final Map<String, ByteSink> fixed = new LinkedHashMap<>();
    private final ByteSink mode;
    private final ByteSink span;
    private final ByteSink raw;
    private final ByteSink columns;
    private final ByteSink pos;
    private final ByteSink alleles;
    private final ByteSink ref;
    private final ByteSink alt;
    private final ValueColumn id = new ValueColumn();
    private final ValueColumn qual = new ValueColumn();
    private final ValueColumn filter = new ValueColumn();
    private final ByteSink infoShape;
    private final ByteSink format;
    private final ByteSink sampleFields;
    private final SliceInterner infoKeys = new SliceInterner();
    private final SliceInterner shapes = new SliceInterner();
    private final SliceInterner formats = new SliceInterner();
    private final SliceInterner formatKeys = new SliceInterner();
    private final List<ValueColumn> infoValues = new ArrayList<>();
    private final List<ValueColumn> sampleValues = new ArrayList<>();
    private final List<int[]> formatKeyIds = new ArrayList<>();
    private final ByteSink shapeScratch = new ByteSink(64);
    private int[] predicted = new int[32];
    private int lastFormat = -1;
    private int[] sameTarget = new int[64];
    private int[] valueStarts = new int[32];
    private int[] valueEnds = new int[32];
    private long lastPos;
    private int records;
    long minPos = Long.MAX_VALUE;
    long maxEnd = Long.MIN_VALUE;

    BlockShredder() {
        java.util.Arrays.fill(predicted, -1);
        mode = sink(StoreFormat.MODE);
        span = sink(StoreFormat.SPAN);
        raw = sink(StoreFormat.RAW);
        columns = sink(StoreFormat.COLUMNS);
        pos = sink(StoreFormat.POS);
        alleles = sink(StoreFormat.ALLELES);
        ref = sink(StoreFormat.REF);
        alt = sink(StoreFormat.ALT);
        infoShape = sink(StoreFormat.INFO_SHAPE);
        format = sink(StoreFormat.FORMAT);
        sampleFields = sink(StoreFormat.SAMPLE_FIELDS);
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
        sampleValues.forEach(ValueColumn::clear);
        infoKeys.clear();
        java.util.Arrays.fill(predicted, -1);
        java.util.Arrays.fill(sameTarget, 0);
        shapes.clear();
        formats.clear();
        lastFormat = -1;
        formatKeys.clear();
        formatKeyIds.clear();
        lastPos = 0;
        records = 0;
        minPos = Long.MAX_VALUE;
        maxEnd = Long.MIN_VALUE;
    }

    void add(VcfRecord r) {
        records++;
        long p = r.pos();
        long e = Math.max(p, r.endPos());
        minPos = Math.min(minPos, p);
        maxEnd = Math.max(maxEnd, e);
        ByteBuffer buf = r.buffer();
        // POS and the span to END, for every record: a query picks the records it needs from these two columns.
        span.varint(e - p);
        pos.zigzag(p - lastPos);
        lastPos = p;
        if (!canonical(buf, r.fieldStart(1), r.fieldEnd(1))) {
            mode.write(1);
            raw.varint(r.end() - r.start());
            raw.write(buf, r.start(), r.end());
            return;
        }
        mode.write(0);
        int n = r.columnCount();
        columns.varint(n);
        if (n > 2) {
            id.add(buf, r.fieldStart(2), r.fieldEnd(2));
        }
        if (n > 4) {
            alleles(buf, r.fieldStart(3), r.fieldEnd(3), r.fieldStart(4), r.fieldEnd(4));
        } else if (n > 3) {
            alleles.write(0);
            ref.write(buf, r.fieldStart(3), r.fieldEnd(3));
            ref.write('\t');
        }
        if (n > 5) {
            qual.add(buf, r.fieldStart(5), r.fieldEnd(5));
        }
        if (n > 6) {
            filter.add(buf, r.fieldStart(6), r.fieldEnd(6));
        }
        if (n > 7) {
            info(buf, r.fieldStart(7), r.fieldEnd(7));
        }
        if (n > 8) {
            samples(r, buf, n);
        }
    }

    private void info(ByteBuffer buf, int s, int e) {
        shapeScratch.clear();
        int entry = s;
        int index = 0;
        while (true) {
            int semi = Swar.indexOf(buf, entry, e, (byte) ';', SEMI);
            int entryEnd = semi < 0 ? e : semi;
            int eq = indexOf(buf, entry, entryEnd, (byte) '=');
            int keyEnd = eq < 0 ? entryEnd : eq;
            // Records of one caller repeat the same keys in the same order: try the key the previous record had
            // at this place before hashing.
            if (index == predicted.length) {
                predicted = java.util.Arrays.copyOf(predicted, index * 2);
            }
            int guess = predicted[index];
            int key = infoKeys.is(guess, buf, entry, keyEnd) ? guess : infoKeys.intern(buf, entry, keyEnd);
            predicted[index] = key;
            shapeScratch.varint(((long) key << 1) | (eq < 0 ? 0 : 1));
            if (index == valueStarts.length) {
                valueStarts = java.util.Arrays.copyOf(valueStarts, index * 2);
                valueEnds = java.util.Arrays.copyOf(valueEnds, index * 2);
            }
            valueStarts[index] = eq + 1;
            valueEnds[index] = eq < 0 ? -1 : entryEnd;
            if (eq >= 0) {
                int same = sameAsEarlier(buf, index, key);
                if (same >= 0) {
                    column(infoValues, key).addSame(same);
                } else {
                    column(infoValues, key).add(buf, eq + 1, entryEnd);
                }
            }
            index++;
            if (semi < 0) {
                break;
            }
            entry = semi + 1;
        }
        infoShape.varint(shapes.intern(shapeScratch.bytes, 0, shapeScratch.length));
    }

    private void samples(VcfRecord r, ByteBuffer buf, int n) {
        int fs = r.fieldStart(8);
        int fe = r.fieldEnd(8);
        int id = formats.is(lastFormat, buf, fs, fe) ? lastFormat : formats.intern(buf, fs, fe);
        lastFormat = id;
        if (id == formatKeyIds.size()) {
            List<Integer> ids = new ArrayList<>();
            int k = fs;
            while (true) {
                int colon = indexOf(buf, k, fe, (byte) ':');
                int ke = colon < 0 ? fe : colon;
                ids.add(formatKeys.intern(buf, k, ke));
                if (colon < 0) {
                    break;
                }
                k = colon + 1;
            }
            formatKeyIds.add(ids.stream().mapToInt(Integer::intValue).toArray());
        }
        format.varint(id);
        int[] keys = formatKeyIds.get(id);
        for (int c = 9; c < n; c++) {
            int s = r.fieldStart(c);
            int e = r.fieldEnd(c);
            int j = 0;
            int v = s;
            while (true) {
                int colon = indexOf(buf, v, e, (byte) ':');
                int ve = colon < 0 ? e : colon;
                column(sampleValues, j < keys.length ? keys[j] : extraKey(j)).add(buf, v, ve);
                j++;
                if (colon < 0) {
                    break;
                }
                v = colon + 1;
            }
            sampleFields.varint(j);
        }
    }

    /**
     * The earlier entry of this record whose value has the same bytes, for values of 4 bytes or more (GATK writes
     * MLEAF equal to AF nearly always); -1 when none.
     */
    private int sameAsEarlier(ByteBuffer buf, int index, int key) {
        int s = valueStarts[index];
        int len = valueEnds[index] - s;
        if (len < 4) {
            return -1;
        }
        if (key >= sameTarget.length) {
            sameTarget = java.util.Arrays.copyOf(sameTarget, Math.max(key + 1, sameTarget.length * 2));
        }
        // Which earlier entry a key repeats is stable (MLEAF repeats AF): after the first records of a block only
        // the entry this key matched before is compared; the first records of a block search them all.
        int target = sameTarget[key] - 1;
        if (target >= 0 && target < index && equal(buf, target, index)) {
            return target;
        }
        if (records > 16) {
            return -1;
        }
        for (int k = 0; k < index; k++) {
            if (equal(buf, k, index)) {
                sameTarget[key] = k + 1;
                return k;
            }
        }
        return -1;
    }

    private boolean equal(ByteBuffer buf, int k, int index) {
        int s = valueStarts[index];
        int len = valueEnds[index] - s;
        int ks = valueStarts[k];
        if (valueEnds[k] - ks != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (buf.get(ks + i) != buf.get(s + i)) {
                return false;
            }
        }
        return true;
    }

    /** Subfields beyond FORMAT's keys (malformed, but kept): one column per position, named "#j". */
    private int extraKey(int j) {
        byte[] name = ("#" + j).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        return formatKeys.intern(name, 0, name.length);
    }

    private static ValueColumn column(List<ValueColumn> list, int id) {
        while (list.size() <= id) {
            list.add(new ValueColumn());
        }
        return list.get(id);
    }

    /**
     * A single-base SNV (REF and ALT each one of ACGT) is one code byte, 1 + 4 * ref + alt; anything else is code 0
     * with REF and ALT as text. Most WGS records are such SNVs.
     */
    private void alleles(ByteBuffer buf, int rs, int re, int as, int ae) {
        if (re - rs == 1 && ae - as == 1) {
            int r = base(buf.get(rs));
            int a = base(buf.get(as));
            if (r >= 0 && a >= 0) {
                alleles.write(1 + 4 * r + a);
                return;
            }
        }
        alleles.write(0);
        ref.write(buf, rs, re);
        ref.write('\t');
        alt.write(buf, as, ae);
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

    private static int indexOf(ByteBuffer buf, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (buf.get(i) == b) {
                return i;
            }
        }
        return -1;
    }

    /** Digits only, no leading zero: the text {@link ByteSink#decimal} gives back. */
    private static boolean canonical(ByteBuffer buf, int s, int e) {
        if (e == s || e - s > 18 || (buf.get(s) == '0' && e - s > 1)) {
            return false;
        }
        for (int i = s; i < e; i++) {
            byte b = buf.get(i);
            if (b < '0' || b > '9') {
                return false;
            }
        }
        return true;
    }

    /** The block's columns by name, dictionaries included, in a fixed order. */
    Map<String, ByteSink> columns() {
        Map<String, ByteSink> out = new LinkedHashMap<>(fixed);
        values(out, StoreFormat.ID, id);
        values(out, StoreFormat.QUAL, qual);
        values(out, StoreFormat.FILTER, filter);
        out.put(StoreFormat.INFO_KEYS, dictionary(infoKeys));
        out.put(StoreFormat.INFO_SHAPES, lengthPrefixed(shapes));
        out.put(StoreFormat.FORMATS, dictionary(formats));
        // The value lists outlive a block (their buffers are reused); only this block's keys name columns.
        for (int k = 0; k < Math.min(infoKeys.size(), infoValues.size()); k++) {
            values(out, StoreFormat.INFO_VALUE + name(infoKeys, k), infoValues.get(k));
        }
        for (int k = 0; k < Math.min(formatKeys.size(), sampleValues.size()); k++) {
            values(out, StoreFormat.SAMPLE_VALUE + name(formatKeys, k), sampleValues.get(k));
        }
        return out;
    }

    /** A value column as up to three stored columns: NAME.t (tags), NAME.n (numbers), NAME.s (text). */
    private static void values(Map<String, ByteSink> out, String name, ValueColumn c) {
        if (c.isEmpty()) {
            return;
        }
        out.put(name + StoreFormat.TAGS, c.tags);
        if (c.numbers.length > 0) {
            out.put(name + StoreFormat.NUMBERS, c.numbers);
        }
        if (c.text.length > 0) {
            out.put(name + StoreFormat.TEXT, c.text);
        }
    }

    private static String name(SliceInterner dict, int id) {
        return new String(dict.heap(), dict.start(id), dict.end(id) - dict.start(id),
                java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static ByteSink dictionary(SliceInterner dict) {
        ByteSink s = new ByteSink(256);
        for (int i = 0; i < dict.size(); i++) {
            s.write(dict.heap(), dict.start(i), dict.end(i) - dict.start(i));
            s.write('\t');
        }
        return s;
    }

    private static ByteSink lengthPrefixed(SliceInterner dict) {
        ByteSink s = new ByteSink(256);
        for (int i = 0; i < dict.size(); i++) {
            s.varint(dict.end(i) - dict.start(i));
            s.write(dict.heap(), dict.start(i), dict.end(i) - dict.start(i));
        }
        return s;
    }
}
