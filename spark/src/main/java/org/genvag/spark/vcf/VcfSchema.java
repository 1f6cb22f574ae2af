// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.vcf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.genvag.core.error.InputException;
import org.genvag.io.vcf.FieldDefinition;
import org.genvag.io.vcf.VcfHeader;

/**
 * The rows of the genvag-vcf source: one per record. {@code start} is 0-based and {@code end} exclusive (BED's and
 * Glow's convention; {@code end} honours INFO/END), {@code alts} and {@code filters} are arrays ({@code filters} null
 * for '.'), {@code qual} and {@code id} null for '.'; each declared INFO key is a typed column {@code INFO_<key>};
 * {@code genotypes} holds one struct per sample: its name, {@code GT} as written, and each declared FORMAT key.
 * Several files' headers make one schema: a key two files declare differently gets the wider column (one value and a
 * list: a list; Integer and Float: Float; either and String: String); a Flag and a value cannot share one, an error
 * naming both files.
 */
public final class VcfSchema {
    public static final String CONTIG = "contig";
    public static final String START = "start";
    public static final String END = "end";
    public static final String ID = "id";
    public static final String REF = "ref";
    public static final String ALTS = "alts";
    public static final String QUAL = "qual";
    public static final String FILTERS = "filters";
    public static final String INFO_PREFIX = "INFO_";
    public static final String GENOTYPES = "genotypes";
    public static final String SAMPLE = "sample";
    public static final String GT = "GT";
    public static final String GENES = "genes";
    public static final String PANELS = "panels";

    private final Map<String, VcfField> info = new LinkedHashMap<>();
    private final Map<String, VcfField> format = new LinkedHashMap<>();
    private final Map<String, String> declaredIn = new LinkedHashMap<>();
    private boolean samples;
    private boolean panel;

    /** Rows carry the panel's labels: {@code genes} and {@code panels} (genvag filter's GENVAG_GENES and _PANELS). */
    public void withPanel() {
        panel = true;
    }

    /** Adds one file's declarations. */
    public void add(VcfHeader header, String file) {
        merge(info, "INFO", header.infoDefinitions(), file);
        merge(format, "FORMAT", header.formatDefinitions(), file);
        samples |= header.columns() > 8;
    }

    private void merge(Map<String, VcfField> into, String kind, Map<String, FieldDefinition> definitions,
            String file) {
        for (FieldDefinition d : definitions.values()) {
            if (kind.equals("FORMAT") && d.id().equals(GT)) {
                continue;
            }
            VcfField field = VcfField.of(d);
            VcfField known = into.putIfAbsent(d.id(), field);
            String where = kind + "/" + d.id();
            if (known == null) {
                declaredIn.put(where, file);
            } else if (!known.equals(field)) {
                VcfField wider = known.widen(field);
                if (wider == null) {
                    throw new InputException(file + ": " + where + " is declared as " + describe(field) + ", but "
                            + declaredIn.get(where) + " declares it as " + describe(known)
                            + ": one column cannot hold both; read the files separately or fix the header");
                }
                into.put(d.id(), wider);
            }
        }
    }

    private static String describe(VcfField f) {
        return f.kind() + (f.array() ? " list" : " single value");
    }

    public StructType struct() {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField(CONTIG, DataTypes.StringType, false));
        fields.add(DataTypes.createStructField(START, DataTypes.LongType, false));
        fields.add(DataTypes.createStructField(END, DataTypes.LongType, false));
        fields.add(DataTypes.createStructField(ID, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(REF, DataTypes.StringType, false));
        fields.add(DataTypes.createStructField(ALTS, DataTypes.createArrayType(DataTypes.StringType, false), false));
        fields.add(DataTypes.createStructField(QUAL, DataTypes.DoubleType, true));
        fields.add(DataTypes.createStructField(FILTERS, DataTypes.createArrayType(DataTypes.StringType, false),
                true));
        for (VcfField f : info.values()) {
            fields.add(DataTypes.createStructField(INFO_PREFIX + f.key(), f.sparkType(), true));
        }
        if (panel) {
            fields.add(DataTypes.createStructField(GENES, DataTypes.createArrayType(DataTypes.StringType, false),
                    false));
            fields.add(DataTypes.createStructField(PANELS, DataTypes.createArrayType(DataTypes.StringType, false),
                    false));
        }
        if (samples) {
            List<StructField> g = new ArrayList<>();
            g.add(DataTypes.createStructField(SAMPLE, DataTypes.StringType, false));
            g.add(DataTypes.createStructField(GT, DataTypes.StringType, true));
            for (VcfField f : format.values()) {
                g.add(DataTypes.createStructField(f.key(), f.sparkType(), true));
            }
            fields.add(DataTypes.createStructField(GENOTYPES,
                    DataTypes.createArrayType(DataTypes.createStructType(g), false), false));
        }
        return DataTypes.createStructType(fields);
    }

    public Map<String, VcfField> info() {
        return info;
    }

    public Map<String, VcfField> format() {
        return format;
    }
}
