// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.vcf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.genvag.io.bgzf.ByteSources.Compression;
import org.genvag.pipeline.panel.PanelFiltering;
import org.genvag.spark.hadoop.HadoopConf;
import org.genvag.spark.hadoop.HadoopPaths;
import org.genvag.spark.panel.PanelOptions;
import org.genvag.spark.panel.PanelPlanner;
import org.genvag.spark.source.SourceOptions;

/**
 * {@code spark.read.format("genvag-vcf").load(paths)}: VCF files (plain, gzip or BGZF; local, HDFS or S3 through
 * Hadoop) read by genvag's engine, split at BGZF blocks into partitions of {@code partitionBytes} (default 128 MiB).
 * The schema is {@link VcfSchema}'s, typed from the headers. With {@code panel} (and {@code build}, {@code padding},
 * {@code targets}, {@code gff} as genvag filter takes them) only the records in the panel come back, labelled with
 * their genes and panels; a BGZF file's tabix index, when it saves reading, confines the tasks to its chunks.
 */
public final class VcfDataSource implements TableProvider, DataSourceRegister {
    /** Files beside the VCFs in a directory that are not VCFs. */
    private static final List<String> INDEXES = List.of(".tbi", ".csi", ".gzi", ".idx");
    private List<String> readPaths;
    private List<VcfFile> read;

    @Override
    public String shortName() {
        return "genvag-vcf";
    }

    @Override
    public StructType inferSchema(CaseInsensitiveStringMap options) {
        return schema(read(options, SourceOptions.hadoop(options)), PanelOptions.of(options) != null).struct();
    }

    @Override
    public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
        Configuration conf = SourceOptions.hadoop(properties);
        List<VcfFile> files = read(properties, conf);
        PanelFiltering.Options panel = PanelOptions.of(properties);
        Map<String, PanelPlanner.FilePlan> plans = new HashMap<>();
        if (panel != null) {
            try {
                PanelPlanner planner = new PanelPlanner(panel);
                for (VcfFile f : files) {
                    plans.put(f.path(), planner.plan(f.path(), f.parsedHeader(), f.length(),
                            f.compression() == Compression.BGZF, conf));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new VcfTable(files, schema(files, panel != null), plans, SourceOptions.partitionBytes(properties),
                new HadoopConf(conf));
    }

    /**
     * The files' headers, read once per load: Spark asks this instance for the schema, then for the table, with the
     * same paths; a directory of hundreds of VCFs is not read twice.
     */
    private List<VcfFile> read(Map<String, String> options, Configuration conf) {
        List<String> paths = SourceOptions.paths(options);
        if (paths.equals(readPaths)) {
            return read;
        }
        try {
            List<VcfFile> files = new ArrayList<>();
            for (String path : HadoopPaths.expand(paths, conf, INDEXES)) {
                files.add(VcfFile.read(path, conf));
            }
            readPaths = paths;
            read = files;
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static VcfSchema schema(List<VcfFile> files, boolean panel) {
        VcfSchema schema = new VcfSchema();
        if (panel) {
            schema.withPanel();
        }
        for (VcfFile f : files) {
            schema.add(f.parsedHeader(), f.path());
        }
        return schema;
    }
}
