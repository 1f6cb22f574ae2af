// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.vcf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.types.StructType;
import org.genvag.spark.hadoop.HadoopConf;
import org.genvag.spark.panel.PanelPlanner;

/** A read of the files: one partition per {@code partitionBytes} of each (compressed) file. */
final class VcfScan implements Scan, Batch {
    private final List<VcfFile> files;
    private final VcfSchema schema;
    private final Map<String, PanelPlanner.FilePlan> plans;
    private final StructType required;
    private final long partitionBytes;
    private final HadoopConf conf;

    VcfScan(List<VcfFile> files, VcfSchema schema, Map<String, PanelPlanner.FilePlan> plans,
            StructType required, long partitionBytes, HadoopConf conf) {
        this.files = files;
        this.schema = schema;
        this.plans = plans;
        this.required = required;
        this.partitionBytes = partitionBytes;
        this.conf = conf;
    }

    @Override
    public StructType readSchema() {
        return required;
    }

    @Override
    public String description() {
        StringBuilder s = new StringBuilder("genvag-vcf " + files.size() + " file(s), columns "
                + String.join(",", required.fieldNames()));
        plans.forEach((file, plan) -> s.append("; ").append(file).append(": ").append(plan.reason()));
        files.stream().filter(f -> f.gzi() != null).forEach(f -> s.append("; ").append(f.path())
                .append(": split at the .gzi index's ").append(f.gzi().blocks()).append(" blocks"));
        return s.toString();
    }

    @Override
    public Batch toBatch() {
        return this;
    }

    @Override
    public InputPartition[] planInputPartitions() {
        List<VcfPartition> out = new ArrayList<>();
        for (VcfFile f : files) {
            out.addAll(f.partitions(partitionBytes, plans.get(f.path())));
        }
        return out.toArray(new InputPartition[0]);
    }

    @Override
    public PartitionReaderFactory createReaderFactory() {
        return new VcfReaderFactory(required, schema.info(), schema.format(), conf);
    }
}
