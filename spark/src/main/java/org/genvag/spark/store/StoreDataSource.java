// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.genvag.spark.hadoop.HadoopPaths;
import org.genvag.spark.source.SourceOptions;
import org.genvag.spark.vcf.VcfSchema;

/**
 * {@code spark.read.format("genvag-store").load(paths)}: variant stores ({@code .gvs}, genvag store build) as one
 * row per sample and record, split into partitions of consecutive blocks ({@code partitionBytes}, default 128 MiB of
 * stored blocks). Only the FORMAT columns a query selects are decompressed.
 */
public final class StoreDataSource implements TableProvider, DataSourceRegister {

    @Override
    public String shortName() {
        return "genvag-store";
    }

    @Override
    public StructType inferSchema(CaseInsensitiveStringMap options) {
        return table(options).schema();
    }

    @Override
    public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
        return table(properties);
    }

    private static StoreScan table(Map<String, String> options) {
        try {
            Configuration conf = SourceOptions.hadoop(options);
            List<StoreFile> files = new ArrayList<>();
            VcfSchema schema = new VcfSchema();
            for (String path : HadoopPaths.expand(SourceOptions.paths(options), conf, List.of())) {
                StoreFile f = StoreFile.read(path);
                schema.add(f.header(), path);
                files.add(f);
            }
            return new StoreScan(files, schema.format(), SourceOptions.partitionBytes(options));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
