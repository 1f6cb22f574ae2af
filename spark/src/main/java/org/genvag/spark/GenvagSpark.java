// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.genvag.pipeline.batch.BatchOptions;
import org.genvag.spark.batch.DistributedBatch;

/**
 * genvag's jobs on Spark, for a lab system that drives a session itself: the panel variants of many VCFs as one
 * table, and the batch annotation with each sample a task. The data sources are {@code spark.read.format
 * ("genvag-vcf")} and {@code format("genvag-store")}.
 */
public final class GenvagSpark {
    /** The columns of {@link #query}, in order. */
    public static final List<String> QUERY_COLUMNS = List.of("sample", "chrom", "pos", "id", "ref", "alt", "qual",
            "filter", "genes", "panels", "gt");

    private GenvagSpark() {
    }

    /**
     * The panel variants of the VCFs: one row per sample and record the sample carries (a GT naming an ALT allele),
     * in file order; {@code panelOptions} are the genvag-vcf source's ({@code panel}, {@code build},
     * {@code padding}, {@code targets}, {@code gff}, {@code partitionBytes}). A sites-only VCF has no rows.
     */
    public static Dataset<Row> query(SparkSession spark, List<String> vcfs, Map<String, String> panelOptions) {
        Dataset<Row> records = spark.read().format("genvag-vcf").options(panelOptions)
                .load(vcfs.toArray(new String[0]));
        if (!List.of(records.columns()).contains("genotypes")) {
            return spark.emptyDataFrame().selectExpr(QUERY_COLUMNS.stream().map(c -> "cast(null as string) as " + c)
                    .toArray(String[]::new)).limit(0);
        }
        return records.selectExpr("contig", "start", "id", "ref", "alts", "qual", "filters", "genes", "panels",
                        "posexplode(genotypes) as (at, g)")
                .where("g.GT is not null and exists(split(g.GT, '[/|]'), a -> a != '0' and a != '.')")
                .selectExpr("g.sample as sample", "contig as chrom", "start + 1 as pos", "id", "ref",
                        "array_join(alts, ',') as alt", "qual", "array_join(filters, ';') as filter",
                        "array_join(genes, ',') as genes", "array_join(panels, ',') as panels", "g.GT as gt");
    }

    /**
     * Runs the manifest's samples with each one a Spark task (the same code as {@code genvag annotate}), into
     * {@code outDir} (a local path or a Hadoop URI: {@code hdfs://}, {@code s3a://}): one directory per sample, then
     * {@code summary.tsv} and {@code summary.json} as the single-machine run writes them. A failing sample fails
     * alone, its message in the summary; a finished one is skipped on a re-run unless {@code options.force()}.
     *
     * @return the summary, one row per sample in manifest order
     */
    public static Dataset<Row> annotate(SparkSession spark, Path manifest, BatchOptions options, String outDir)
            throws IOException {
        return DistributedBatch.run(spark, manifest, options, outDir);
    }
}
