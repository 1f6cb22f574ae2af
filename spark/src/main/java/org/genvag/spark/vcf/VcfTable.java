// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.vcf;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.genvag.spark.hadoop.HadoopConf;
import org.genvag.spark.panel.PanelPlanner;

/** The VCF files of one {@code load}, as a table Spark reads in batches. */
final class VcfTable implements SupportsRead {
    private final List<VcfFile> files;
    private final VcfSchema schema;
    private final Map<String, PanelPlanner.FilePlan> plans;
    private final long partitionBytes;
    private final HadoopConf conf;

    VcfTable(List<VcfFile> files, VcfSchema schema, Map<String, PanelPlanner.FilePlan> plans,
            long partitionBytes, HadoopConf conf) {
        this.files = files;
        this.schema = schema;
        this.plans = plans;
        this.partitionBytes = partitionBytes;
        this.conf = conf;
    }

    @Override
    public String name() {
        return "genvag-vcf";
    }

    @Override
    public StructType schema() {
        return schema.struct();
    }

    @Override
    public Set<TableCapability> capabilities() {
        return EnumSet.of(TableCapability.BATCH_READ);
    }

    @Override
    public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
        return new VcfScanBuilder(files, schema, plans, partitionBytes, conf);
    }
}
