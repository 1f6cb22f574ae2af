// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.vcf;

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
import org.genvag.spark.hadoop.HadoopConf;
import org.genvag.spark.hadoop.HadoopPaths;
import org.genvag.spark.source.SourceOptions;

/**
 * {@code spark.read.format("genvag-vcf").load(paths)}: VCF files (plain, gzip or BGZF; local, HDFS or S3 through
 * Hadoop) read by genvag's engine, split at BGZF blocks into partitions of {@code partitionBytes} (default 128 MiB).
 * The schema is {@link VcfSchema}'s, typed from the headers.
 */
public final class VcfDataSource implements TableProvider, DataSourceRegister {
    /** Files beside the VCFs in a directory that are not VCFs. */
    private static final List<String> INDEXES = List.of(".tbi", ".csi", ".gzi", ".idx");

    @Override
    public String shortName() {
        return "genvag-vcf";
    }

    @Override
    public StructType inferSchema(CaseInsensitiveStringMap options) {
        return schema(read(options, SourceOptions.hadoop(options))).struct();
    }

    @Override
    public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
        Configuration conf = SourceOptions.hadoop(properties);
        List<VcfFile> files = read(properties, conf);
        return new VcfTable(files, schema(files), SourceOptions.partitionBytes(properties), new HadoopConf(conf));
    }

    private static List<VcfFile> read(Map<String, String> options, Configuration conf) {
        try {
            List<VcfFile> files = new ArrayList<>();
            for (String path : HadoopPaths.expand(SourceOptions.paths(options), conf, INDEXES)) {
                files.add(VcfFile.read(path, conf));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static VcfSchema schema(List<VcfFile> files) {
        VcfSchema schema = new VcfSchema();
        for (VcfFile f : files) {
            schema.add(f.parsedHeader(), f.path());
        }
        return schema;
    }
}
