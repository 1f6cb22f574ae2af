// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.vcf;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.genvag.core.panel.PanelIntervals;
import org.genvag.io.vcf.FieldKey;
import org.genvag.io.vcf.VcfRecord;
import org.genvag.pipeline.panel.PanelVcfFilter;

/**
 * Turns records into rows of the columns a query asked for (after Spark pruned the schema): a column not asked for
 * is never decoded, and without {@code genotypes} the sample columns are never looked at. Strings are views of the
 * reader's buffer until the next record, as DataSource V2 allows (Spark copies a row before it reads the next).
 */
final class VcfRowConverter {
    private static final int CONTIG = 0;
    private static final int START = 1;
    private static final int END = 2;
    private static final int ID = 3;
    private static final int REF = 4;
    private static final int ALTS = 5;
    private static final int QUAL = 6;
    private static final int FILTERS = 7;
    private static final int INFO = 8;
    private static final int GENOTYPES = 9;
    private static final int SAMPLE = 10;
    private static final int GT = 11;
    private static final int FORMAT = 12;
    private static final int GENES = 13;
    private static final int PANELS = 14;

    private final int[] columns;
    private final VcfField[] fields;
    private final FieldKey[] keys;
    private final String[] names;
    private final int[] genotypeColumns;
    private final VcfField[] genotypeFields;
    private final FieldKey[] genotypeKeys;
    private final String[] genotypeNames;
    private final int[] formatIndex;
    private final UTF8String[] samples;
    private final FieldKey gtKey = FieldKey.of("GT");
    private byte[] lastFormat = new byte[256];
    private int lastFormatLength = -1;
    private byte[] scratch = new byte[0];
    private int lastContig = -1;
    private UTF8String lastContigName;

    private final PanelIntervals intervals;
    private final UTF8String[] panelNames;

    /** {@code intervals} and {@code panels}: the panel's, for the genes and panels columns; null without one. */
    VcfRowConverter(StructType required, Map<String, VcfField> info, Map<String, VcfField> format,
            List<String> sampleNames, PanelIntervals intervals, List<String> panels) {
        this.intervals = intervals;
        this.panelNames = new UTF8String[panels == null ? 0 : panels.size()];
        for (int i = 0; i < panelNames.length; i++) {
            panelNames[i] = UTF8String.fromString(panels.get(i));
        }
        StructField[] top = required.fields();
        columns = new int[top.length];
        fields = new VcfField[top.length];
        keys = new FieldKey[top.length];
        names = new String[top.length];
        StructType genotype = null;
        for (int i = 0; i < top.length; i++) {
            String name = top[i].name();
            columns[i] = switch (name) {
                case VcfSchema.CONTIG -> CONTIG;
                case VcfSchema.START -> START;
                case VcfSchema.END -> END;
                case VcfSchema.ID -> ID;
                case VcfSchema.REF -> REF;
                case VcfSchema.ALTS -> ALTS;
                case VcfSchema.QUAL -> QUAL;
                case VcfSchema.FILTERS -> FILTERS;
                case VcfSchema.GENOTYPES -> GENOTYPES;
                case VcfSchema.GENES -> GENES;
                case VcfSchema.PANELS -> PANELS;
                default -> INFO;
            };
            if (columns[i] == INFO) {
                String key = name.substring(VcfSchema.INFO_PREFIX.length());
                fields[i] = info.get(key);
                keys[i] = FieldKey.of(key);
                names[i] = "INFO/" + key;
            } else if (columns[i] == GENOTYPES) {
                genotype = (StructType) ((ArrayType) top[i].dataType()).elementType();
            }
        }
        StructField[] g = genotype == null ? new StructField[0] : genotype.fields();
        genotypeColumns = new int[g.length];
        genotypeFields = new VcfField[g.length];
        genotypeKeys = new FieldKey[g.length];
        genotypeNames = new String[g.length];
        formatIndex = new int[g.length];
        for (int i = 0; i < g.length; i++) {
            String name = g[i].name();
            genotypeColumns[i] = name.equals(VcfSchema.SAMPLE) ? SAMPLE : name.equals(VcfSchema.GT) ? GT : FORMAT;
            genotypeKeys[i] = FieldKey.of(name);
            genotypeFields[i] = format.get(name);
            genotypeNames[i] = "FORMAT/" + name;
        }
        samples = new UTF8String[sampleNames.size()];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = UTF8String.fromString(sampleNames.get(i));
        }
    }

    /** The row of a record; {@code hits}: the panel filter that kept it (its genes and panels), or null. */
    InternalRow convert(VcfRecord r, PanelVcfFilter hits) {
        byte[] bytes = bytes(r);
        Object[] values = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            values[i] = switch (columns[i]) {
                case CONTIG -> contig(r);
                case START -> r.pos() - 1;
                case END -> r.endPos();
                case ID -> Utf8Values.textOrNull(bytes, r.fieldStart(2), r.fieldEnd(2), false);
                case REF -> Utf8Values.text(bytes, r.refStart(), r.refEnd(), false);
                case ALTS -> Utf8Values.list(bytes, r.altStart(), r.altEnd(), (byte) ',', false);
                case QUAL -> qual(r, bytes);
                case FILTERS -> filters(r, bytes);
                case GENOTYPES -> genotypes(r, bytes);
                case GENES -> genes(hits);
                case PANELS -> panels(hits);
                default -> info(r, bytes, i);
            };
        }
        return new GenericInternalRow(values);
    }

    /**
     * The record's bytes at their buffer indexes: the buffer's own array (split reading), else the line copied into
     * a scratch array at the same indexes (the direct buffers of indexed reading).
     */
    private byte[] bytes(VcfRecord r) {
        ByteBuffer b = r.buffer();
        if (b.hasArray() && b.arrayOffset() == 0) {
            return b.array();
        }
        if (scratch.length < b.capacity()) {
            scratch = new byte[b.capacity()];
        }
        b.get(r.start(), scratch, r.start(), r.length());
        return scratch;
    }

    /** The genes (or named regions) the record overlaps, as genvag filter's INFO/GENVAG_GENES lists them. */
    private static ArrayData genes(PanelVcfFilter hits) {
        byte[] value = hits.genesValue();
        return Utf8Values.list(value, 0, value.length, (byte) ',', false);
    }

    /** The panels the record is in, each once, in the order its hits name them (INFO/GENVAG_PANELS). */
    private ArrayData panels(PanelVcfFilter hits) {
        boolean[] seen = new boolean[panelNames.length];
        Object[] out = new Object[panelNames.length];
        int n = 0;
        for (int h = 0; h < hits.hitCount(); h++) {
            int p = intervals.panelOf(hits.hitLabel(h));
            if (!seen[p]) {
                seen[p] = true;
                out[n++] = panelNames[p];
            }
        }
        return new GenericArrayData(Arrays.copyOf(out, n));
    }

    private UTF8String contig(VcfRecord r) {
        int index = r.contig();
        if (index != lastContig) {
            lastContig = index;
            lastContigName = UTF8String.fromString(r.contigName());
        }
        return lastContigName;
    }

    private static Object qual(VcfRecord r, byte[] bytes) {
        return Utf8Values.isMissing(bytes, r.fieldStart(5), r.fieldEnd(5)) ? null : r.qual();
    }

    private static ArrayData filters(VcfRecord r, byte[] bytes) {
        return Utf8Values.listOrNull(bytes, r.fieldStart(6), r.fieldEnd(6), (byte) ';', false);
    }

    private Object info(VcfRecord r, byte[] bytes, int i) {
        long range = r.info(keys[i]);
        if (fields[i].kind() == VcfField.Kind.FLAG) {
            return range >= 0;
        }
        if (range < 0) {
            return null;
        }
        return ValueDecoder.decode(r, bytes, (int) (range >>> 32), (int) range, fields[i], names[i]);
    }

    private ArrayData genotypes(VcfRecord r, byte[] bytes) {
        int n = samples.length;
        if (n == 0 || r.columnCount() <= 9) {
            return new GenericArrayData(new Object[0]);
        }
        lookUpFormat(r);
        Object[] out = new Object[n];
        for (int s = 0; s < n; s++) {
            Object[] values = new Object[genotypeColumns.length];
            for (int i = 0; i < genotypeColumns.length; i++) {
                if (genotypeColumns[i] == SAMPLE) {
                    values[i] = samples[s];
                    continue;
                }
                long range = formatIndex[i] < 0 ? -1 : r.sampleValue(s, formatIndex[i]);
                if (range < 0) {
                    values[i] = null;
                } else if (genotypeColumns[i] == GT) {
                    values[i] = Utf8Values.textOrNull(bytes, (int) (range >>> 32), (int) range, false);
                } else if (genotypeFields[i].kind() == VcfField.Kind.FLAG) {
                    values[i] = Boolean.TRUE;
                } else {
                    values[i] = ValueDecoder.decode(r, bytes, (int) (range >>> 32), (int) range, genotypeFields[i],
                            genotypeNames[i]);
                }
            }
            out[s] = new GenericInternalRow(values);
        }
        return new GenericArrayData(out);
    }

    /** Where each asked-for key is in this record's FORMAT; records nearly always repeat the last FORMAT. */
    private void lookUpFormat(VcfRecord r) {
        if (r.formatEquals(lastFormat, lastFormatLength)) {
            return;
        }
        for (int i = 0; i < genotypeColumns.length; i++) {
            formatIndex[i] = genotypeColumns[i] == SAMPLE ? -1 : r.formatIndex(genotypeKeys[i]);
        }
        int n = r.copyFormat(lastFormat);
        if (n < 0) {
            lastFormat = new byte[r.fieldEnd(8) - r.fieldStart(8)];
            n = r.copyFormat(lastFormat);
        }
        lastFormatLength = n;
    }
}
