// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.genvag.core.error.InputException;
import org.genvag.pipeline.batch.BatchOptions;
import org.genvag.pipeline.batch.BatchRun;
import org.genvag.pipeline.batch.ManifestReader;
import org.genvag.pipeline.batch.SampleEntry;
import org.genvag.pipeline.batch.SampleOutcome;
import org.genvag.spark.hadoop.HadoopConf;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The driver's side of a distributed batch: reads and checks the manifest and the panels as {@code genvag annotate}
 * does (every problem at once, before any task; inputs may be Hadoop URIs, {@link RemoteManifest}), skips the samples
 * an earlier run finished, runs the others as one task each, and writes the summaries.
 */
public final class DistributedBatch {
    private static final StructType SUMMARY = DataTypes.createStructType(List.of(
            DataTypes.createStructField("sample", DataTypes.StringType, false),
            DataTypes.createStructField("type", DataTypes.StringType, true),
            DataTypes.createStructField("status", DataTypes.StringType, false),
            DataTypes.createStructField("panel_variants", DataTypes.LongType, true),
            DataTypes.createStructField("genes_failing_coverage", DataTypes.IntegerType, true),
            DataTypes.createStructField("genes_assessed", DataTypes.IntegerType, true),
            DataTypes.createStructField("biomarkers", DataTypes.createArrayType(DataTypes.StringType, false), false),
            DataTypes.createStructField("tmb", DataTypes.DoubleType, true),
            DataTypes.createStructField("msi", DataTypes.StringType, true),
            DataTypes.createStructField("seconds", DataTypes.DoubleType, false),
            DataTypes.createStructField("error", DataTypes.StringType, true)));

    private DistributedBatch() {
    }

    public static Dataset<Row> run(SparkSession spark, Path manifest, BatchOptions options, String outDir)
            throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Path staging = Files.createTempDirectory("genvag-spark-manifest");
        try {
            return run(spark, manifest, options, outDir, conf, RemoteManifest.prepare(manifest, staging, conf));
        } finally {
            try (Stream<Path> files = Files.list(staging)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(staging);
        }
    }

    private static Dataset<Row> run(SparkSession spark, Path manifest, BatchOptions options, String outDir,
            Configuration conf, RemoteManifest.Prepared prepared) throws IOException {
        List<SampleEntry> samples;
        try {
            samples = ManifestReader.read(prepared.manifest());
        } catch (InputException e) {
            throw new InputException(prepared.translate(e.getMessage(), manifest));
        }
        BatchRun.checkPanels(samples, options);
        OutputDirs.create(outDir, conf);
        SampleOutcome[] outcomes = new SampleOutcome[samples.size()];
        List<SampleSpec> toRun = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            SampleOutcome earlier = options.force() ? null : OutputDirs.finished(outDir, samples.get(i).id(), conf);
            if (earlier != null) {
                outcomes[i] = earlier;
            } else {
                toRun.add(SampleSpec.of(i, samples.get(i)).withRemote(prepared.uriOf()));
            }
        }
        if (!toRun.isEmpty()) {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            List<String> results = jsc.parallelize(toRun, toRun.size())
                    .map(new SampleTask(BatchSpec.of(options), outDir, new HadoopConf(conf))).collect();
            ObjectMapper json = new ObjectMapper();
            for (int k = 0; k < toRun.size(); k++) {
                outcomes[toRun.get(k).index()] = SampleOutcome.fromMap(json.readValue(results.get(k), Map.class));
            }
        }
        List<SampleOutcome> all = Arrays.asList(outcomes);
        OutputDirs.summaries(all, outDir, conf);
        List<Row> rows = new ArrayList<>();
        for (SampleOutcome s : all) {
            rows.add(RowFactory.create(s.id(), s.type(), s.status(),
                    s.panelVariants() < 0 ? null : s.panelVariants(),
                    s.genesFailing() < 0 ? null : s.genesFailing(),
                    s.genesAssessed() < 0 ? null : s.genesAssessed(), s.biomarkers(), s.tmb(), s.msi(),
                    s.seconds(), s.error()));
        }
        return spark.createDataFrame(rows, SUMMARY);
    }
}
