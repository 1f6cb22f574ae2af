// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.genvag.core.error.InputException;
import org.genvag.io.store.StoredRecord;
import org.genvag.io.vcf.VcfRecord;
import org.genvag.spark.vcf.Utf8Values;
import org.genvag.spark.vcf.ValueDecoder;
import org.genvag.spark.vcf.VcfField;
import org.genvag.spark.vcf.VcfSchema;

/**
 * A stored record's row for each sample, of the asked-for columns, values copied (the record's bytes are reused).
 * FORMAT values are typed as the genvag-vcf source types them, so the two sources give equal rows.
 */
final class StoreRowConverter {
    private static final int SAMPLE = 0;
    private static final int CONTIG = 1;
    private static final int START = 2;
    private static final int END = 3;
    private static final int ID = 4;
    private static final int REF = 5;
    private static final int ALTS = 6;
    private static final int QUAL = 7;
    private static final int FILTERS = 8;
    private static final int FORMAT = 9;

    private final int[] columns;
    private final int[] keyIndex;
    private final VcfField[] fields;
    private final String[] names;
    private final List<String> keys = new ArrayList<>();
    private final UTF8String[] samples;
    private final String source;
    private final VcfRecord parser = new VcfRecord();
    private byte[] parsing;

    StoreRowConverter(StructType required, Map<String, VcfField> format, List<String> sampleNames, String source) {
        this.source = source;
        StructField[] f = required.fields();
        columns = new int[f.length];
        keyIndex = new int[f.length];
        fields = new VcfField[f.length];
        names = new String[f.length];
        for (int i = 0; i < f.length; i++) {
            columns[i] = switch (f[i].name()) {
                case VcfSchema.SAMPLE -> SAMPLE;
                case VcfSchema.CONTIG -> CONTIG;
                case VcfSchema.START -> START;
                case VcfSchema.END -> END;
                case VcfSchema.ID -> ID;
                case VcfSchema.REF -> REF;
                case VcfSchema.ALTS -> ALTS;
                case VcfSchema.QUAL -> QUAL;
                case VcfSchema.FILTERS -> FILTERS;
                default -> FORMAT;
            };
            if (columns[i] == FORMAT) {
                keyIndex[i] = keys.size();
                keys.add(f[i].name());
                fields[i] = f[i].name().equals(VcfSchema.GT) ? null : format.get(f[i].name());
                names[i] = "FORMAT/" + f[i].name();
            }
        }
        samples = new UTF8String[sampleNames.size()];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = UTF8String.fromString(sampleNames.get(i));
        }
    }

    /** The FORMAT keys to decompress: those asked for, GT among them when asked. */
    List<String> formatKeys() {
        return keys;
    }

    void rows(StoredRecord r, List<InternalRow> out) {
        byte[] bytes = r.buffer();
        if (parsing != bytes) {
            parsing = bytes;
            parser.setDetached(ByteBuffer.wrap(bytes), 0, bytes.length, -1, source);
        }
        UTF8String contig = UTF8String.fromString(r.contig());
        for (int s = 0; s < r.sampleCount(); s++) {
            Object[] values = new Object[columns.length];
            for (int i = 0; i < columns.length; i++) {
                values[i] = switch (columns[i]) {
                    case SAMPLE -> samples[s];
                    case CONTIG -> contig;
                    case START -> r.pos() - 1;
                    case END -> r.end();
                    case ID -> Utf8Values.textOrNull(bytes, r.start(StoredRecord.ID), r.end(StoredRecord.ID), true);
                    case REF -> Utf8Values.text(bytes, r.start(StoredRecord.REF), r.end(StoredRecord.REF), true);
                    case ALTS -> Utf8Values.list(bytes, r.start(StoredRecord.ALT), r.end(StoredRecord.ALT), (byte) ',',
                            true);
                    case QUAL -> qual(bytes, r);
                    case FILTERS -> Utf8Values.listOrNull(bytes, r.start(StoredRecord.FILTER),
                            r.end(StoredRecord.FILTER), (byte) ';', true);
                    default -> format(r, bytes, s, i);
                };
            }
            out.add(new GenericInternalRow(values));
        }
    }

    private Object format(StoredRecord r, byte[] bytes, int sample, int i) {
        int s = r.valueStart(sample, keyIndex[i]);
        if (s < 0) {
            return null;
        }
        int e = r.valueEnd(sample, keyIndex[i]);
        if (fields[i] == null) {
            return Utf8Values.textOrNull(bytes, s, e, true);
        }
        if (fields[i].kind() == VcfField.Kind.FLAG) {
            return Boolean.TRUE;
        }
        Object v;
        try {
            v = ValueDecoder.decode(parser, bytes, s, e, fields[i], names[i]);
        } catch (InputException bad) {
            // The parser sees the store's reused buffer, not a VCF line: name the record by its place instead.
            throw new InputException(source + ": record " + r.contig() + ":" + r.pos() + ", sample "
                    + samples[sample] + ": " + names[i] + " is declared " + fields[i].kind() + (fields[i].array()
                    ? " (a list)" : "") + ", found '" + new String(bytes, s, e - s, StandardCharsets.UTF_8) + "'");
        }
        return v instanceof UTF8String u ? u.clone() : v instanceof GenericArrayData a ? copied(a) : v;
    }

    private static GenericArrayData copied(GenericArrayData a) {
        Object[] items = a.array();
        Object[] out = new Object[items.length];
        for (int k = 0; k < items.length; k++) {
            out[k] = items[k] instanceof UTF8String u ? u.clone() : items[k];
        }
        return new GenericArrayData(out);
    }

    private Object qual(byte[] bytes, StoredRecord r) {
        int s = r.start(StoredRecord.QUAL);
        int e = r.end(StoredRecord.QUAL);
        return Utf8Values.isMissing(bytes, s, e) ? null : parser.parseFloat(s, e, "QUAL");
    }
}
