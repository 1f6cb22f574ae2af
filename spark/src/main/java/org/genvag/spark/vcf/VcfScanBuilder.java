// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.vcf;

import java.util.List;
import java.util.Map;

import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.types.StructType;
import org.genvag.spark.hadoop.HadoopConf;
import org.genvag.spark.panel.PanelPlanner;

/** Takes the columns a query needs (nested genotype fields too), so the rest are never decoded. */
final class VcfScanBuilder implements ScanBuilder, SupportsPushDownRequiredColumns {
    private final List<VcfFile> files;
    private final VcfSchema schema;
    private final Map<String, PanelPlanner.FilePlan> plans;
    private final long partitionBytes;
    private final HadoopConf conf;
    private StructType required;

    VcfScanBuilder(List<VcfFile> files, VcfSchema schema, Map<String, PanelPlanner.FilePlan> plans,
            long partitionBytes, HadoopConf conf) {
        this.files = files;
        this.schema = schema;
        this.plans = plans;
        this.partitionBytes = partitionBytes;
        this.conf = conf;
        this.required = schema.struct();
    }

    @Override
    public void pruneColumns(StructType requiredSchema) {
        this.required = requiredSchema;
    }

    @Override
    public Scan build() {
        return new VcfScan(files, schema, plans, required, partitionBytes, conf);
    }
}
