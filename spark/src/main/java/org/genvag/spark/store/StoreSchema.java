// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.genvag.spark.vcf.VcfField;
import org.genvag.spark.vcf.VcfSchema;

/**
 * The rows of the genvag-store source: one per sample and record, with the record's fixed fields as the genvag-vcf
 * source names and types them, then {@code GT} and each declared FORMAT key. INFO is not a column: a store keeps
 * it, but reading it means decompressing it for every query; read the store's VCF (genvag view) for INFO.
 */
final class StoreSchema {
    private StoreSchema() {
    }

    static StructType of(Map<String, VcfField> format) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField(VcfSchema.SAMPLE, DataTypes.StringType, false));
        fields.add(DataTypes.createStructField(VcfSchema.CONTIG, DataTypes.StringType, false));
        fields.add(DataTypes.createStructField(VcfSchema.START, DataTypes.LongType, false));
        fields.add(DataTypes.createStructField(VcfSchema.END, DataTypes.LongType, false));
        fields.add(DataTypes.createStructField(VcfSchema.ID, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(VcfSchema.REF, DataTypes.StringType, false));
        fields.add(DataTypes.createStructField(VcfSchema.ALTS, DataTypes.createArrayType(DataTypes.StringType, false),
                false));
        fields.add(DataTypes.createStructField(VcfSchema.QUAL, DataTypes.DoubleType, true));
        fields.add(DataTypes.createStructField(VcfSchema.FILTERS,
                DataTypes.createArrayType(DataTypes.StringType, false), true));
        fields.add(DataTypes.createStructField(VcfSchema.GT, DataTypes.StringType, true));
        for (VcfField f : format.values()) {
            fields.add(DataTypes.createStructField(f.key(), f.sparkType(), true));
        }
        return DataTypes.createStructType(fields);
    }
}
