// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.genvag.io.text.Bytes;

/**
 * The FORMAT and sample part of {@link BlockShredder}: FORMAT as an id in the block's dictionary of FORMAT strings,
 * each sample's subfields into one value column per FORMAT key (every sample's value of a key together), and each
 * sample's subfield count. Subfields beyond FORMAT's keys (malformed, but kept) go to columns named by position.
 */
final class SampleShredder {
    private static final byte TAB = '\t';
    private static final byte COLON = ':';
    private final ByteSink format;
    private final ByteSink sampleFields;
    private final ByteSink formatList = new ByteSink(256);
    private final SliceInterner formats = new SliceInterner();
    private final SliceInterner formatKeys = new SliceInterner();
    private final List<ValueColumn> sampleValues = new ArrayList<>();
    private final List<int[]> formatKeyIds = new ArrayList<>();
    private int lastFormat = -1;

    SampleShredder(ByteSink format, ByteSink sampleFields) {
        this.format = format;
        this.sampleFields = sampleFields;
    }

    void clear() {
        sampleValues.forEach(ValueColumn::clear);
        formats.clear();
        lastFormat = -1;
        formatKeys.clear();
        formatKeyIds.clear();
    }

    /** FORMAT and the samples, from {@code s} to the line's end {@code e}; returns the line's column count. */
    int add(byte[] b, int s, int e) {
        int fs = s;
        int fe = Bytes.indexOf(b, fs, e, TAB);
        if (fe < 0) {
            fe = e;
        }
        int id = formats.is(lastFormat, b, fs, fe) ? lastFormat : formats.intern(b, fs, fe);
        lastFormat = id;
        if (id == formatKeyIds.size()) {
            List<Integer> ids = new ArrayList<>();
            int k = fs;
            while (true) {
                int colon = Bytes.indexOf(b, k, fe, (byte) ':');
                int ke = colon < 0 ? fe : colon;
                ids.add(formatKeys.intern(b, k, ke));
                if (colon < 0) {
                    break;
                }
                k = colon + 1;
            }
            formatKeyIds.add(ids.stream().mapToInt(Integer::intValue).toArray());
        }
        format.varint(id);
        int[] keys = formatKeyIds.get(id);
        int n = 9;
        int v = fe;
        while (v < e) {
            // v is the tab before a sample: its subfields up to the next tab.
            v++;
            n++;
            int j = 0;
            while (true) {
                int ve = BlockShredder.column(sampleValues, j < keys.length ? keys[j] : extraKey(j)).add(b, v, e, COLON, TAB);
                j++;
                v = ve;
                if (ve >= e || b[ve] == TAB) {
                    break;
                }
                v++;
            }
            sampleFields.varint(j);
        }
        return n;
    }

    /** Subfields beyond FORMAT's keys (malformed, but kept): one column per position, named "#j". */
    private int extraKey(int j) {
        byte[] name = ("#" + j).getBytes(StandardCharsets.ISO_8859_1);
        return formatKeys.intern(name, 0, name.length);
    }

    /** The block's FORMAT strings, tab-terminated, in id order. */
    ByteSink formatDictionary() {
        return BlockShredder.dictionary(formats, formatList);
    }

    /** This block's sample value columns, named by their FORMAT keys (the lists outlive blocks; the names do not). */
    void valueColumns(List<String> names, List<ByteSink> sinks) {
        for (int k = 0; k < Math.min(formatKeys.size(), sampleValues.size()); k++) {
            ValueColumn c = sampleValues.get(k);
            c.name(StoreFormat.SAMPLE_VALUE, formatKeys.heap(), formatKeys.start(k), formatKeys.end(k));
            BlockShredder.values(names, sinks, c);
        }
    }
}
