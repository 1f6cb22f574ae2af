// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One record of a store as its columns give it, without its VCF line: contig, POS, END, the fixed fields ID, REF,
 * ALT, QUAL and FILTER, and for every sample the values of the FORMAT keys the query asked for. A view, reused from
 * record to record: the bytes are valid until the visitor returns. Values are the VCF's bytes exactly (a store
 * gives every field back as written); INFO and FORMAT keys not asked for are never decoded.
 */
public final class StoredRecord {
    public static final int ID = 0;
    public static final int REF = 1;
    public static final int ALT = 2;
    public static final int QUAL = 3;
    public static final int FILTER = 4;
    private static final int FIXED = 5;

    final ByteSink bytes = new ByteSink(1 << 10);
    private final int keys;
    String contig;
    long pos;
    long end;
    /** Start and end of each fixed field, then of each (sample, key) value; -1, -1 for a value that is absent. */
    int[] ranges = new int[2 * FIXED];
    int samples;

    StoredRecord(int keys) {
        this.keys = keys;
    }

    /** Starts a record: no bytes, no samples yet. */
    void reset(String contig, long pos, long end) {
        this.contig = contig;
        this.pos = pos;
        this.end = end;
        bytes.clear();
        samples = 0;
        Arrays.fill(ranges, 0, 2 * FIXED, 0);
    }

    /** Room for {@code n} samples' values, all absent until set. */
    void samples(int n) {
        samples = n;
        int need = 2 * (FIXED + n * keys);
        if (ranges.length < need) {
            ranges = Arrays.copyOf(ranges, Math.max(need, ranges.length * 2));
        }
        Arrays.fill(ranges, 2 * FIXED, need, -1);
    }

    void field(int field, int start, int end) {
        ranges[2 * field] = start;
        ranges[2 * field + 1] = end;
    }

    void value(int sample, int key, int start, int end) {
        int i = 2 * (FIXED + sample * keys + key);
        ranges[i] = start;
        ranges[i + 1] = end;
    }

    /** The contig as the store names it. */
    public String contig() {
        return contig;
    }

    public long pos() {
        return pos;
    }

    /** The last reference base: POS + len(REF) - 1, or INFO END where the record has one. */
    public long end() {
        return end;
    }

    /** The bytes every range of this record points into. */
    public byte[] buffer() {
        return bytes.bytes;
    }

    /** Start of fixed field {@link #ID}, {@link #REF}, {@link #ALT}, {@link #QUAL} or {@link #FILTER}. */
    public int start(int field) {
        return ranges[2 * field];
    }

    public int end(int field) {
        return ranges[2 * field + 1];
    }

    public String text(int field) {
        return new String(bytes.bytes, start(field), end(field) - start(field), StandardCharsets.UTF_8);
    }

    /** Samples in this record: 0 for a line without FORMAT. */
    public int sampleCount() {
        return samples;
    }

    /** Start of sample {@code sample}'s value of the {@code key}-th asked FORMAT key; -1 when the sample has none. */
    public int valueStart(int sample, int key) {
        return ranges[2 * (FIXED + sample * keys + key)];
    }

    public int valueEnd(int sample, int key) {
        return ranges[2 * (FIXED + sample * keys + key) + 1];
    }

    /** The value as text, or null when absent. */
    public String value(int sample, int key) {
        int s = valueStart(sample, key);
        return s < 0 ? null : new String(bytes.bytes, s, valueEnd(sample, key) - s, StandardCharsets.UTF_8);
    }
}
