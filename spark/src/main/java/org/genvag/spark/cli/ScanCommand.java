// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.cli;

import java.util.List;
import java.util.concurrent.Callable;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.genvag.spark.source.SourceOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Reads VCFs through the genvag-vcf source and reports records and their sum of positions, the measurement behind
 * docs/scale-out.md's sizing; {@code --text} does the same with Spark's own text reader splitting lines at tabs, the
 * naive baseline.
 */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Read VCFs through the data source: records, and what the columns asked for hold.")
final class ScanCommand implements Callable<Integer> {
    @Mixin
    SessionOptions session;

    @Parameters(arity = "1..*", paramLabel = "VCF", description = "VCF files (plain, gzip, BGZF; local or hdfs://)")
    List<String> vcfs;

    @Option(names = "--partition-bytes", description = "compressed bytes per partition (default: 128 MiB)")
    long partitionBytes = SourceOptions.DEFAULT_PARTITION_BYTES;

    @Option(names = "--columns", description = "sites (CHROM to FILTER), info (and every INFO column) or all "
            + "(and genotypes); default: sites")
    String columns = "sites";

    @Option(names = "--repeat", description = "read this many times in one session, timing each: the first pays "
            + "for the JIT and Spark's planning, the later ones measure throughput (default: 1)")
    int repeat = 1;

    @Option(names = "--text", description = "Spark's text reader and a split at tabs instead (a baseline)")
    boolean text;

    @Override
    public Integer call() {
        SparkSession spark = session.start("genvag-spark scan");
        try {
            System.out.println("run\trecords\tsum_pos\tvalues\tseconds\trecords_per_second");
            for (int run = 1; run <= repeat; run++) {
                long t0 = System.nanoTime();
                Row r = text ? textScan(spark) : sourceScan(spark);
                double seconds = (System.nanoTime() - t0) / 1e9;
                long records = r.getLong(0);
                System.out.printf("%d\t%d\t%d\t%d\t%.3f\t%.0f%n", run, records, r.isNullAt(1) ? 0 : r.getLong(1),
                        r.isNullAt(2) ? 0 : r.getLong(2), seconds, records / seconds);
            }
            return 0;
        } finally {
            spark.stop();
        }
    }

    private Row sourceScan(SparkSession spark) {
        Dataset<Row> d = spark.read().format("genvag-vcf").option("partitionBytes", partitionBytes)
                .load(vcfs.toArray(new String[0]));
        // Every asked-for column is reduced, so none is pruned away: the count of non-null values of each.
        List<String> cols = switch (columns) {
            case "sites" -> List.of("contig", "end", "id", "ref", "alts", "qual", "filters");
            case "info" -> List.of(d.columns()).stream().filter(c -> !c.equals("genotypes")).toList();
            case "all" -> List.of(d.columns());
            default -> throw new IllegalArgumentException("--columns: sites, info or all, not " + columns);
        };
        StringBuilder nonNull = new StringBuilder("0");
        for (String c : cols) {
            nonNull.append(" + count(`").append(c).append("`)");
        }
        return d.selectExpr("count(*)", "sum(start + 1)", nonNull.toString()).first();
    }

    private Row textScan(SparkSession spark) {
        Dataset<Row> lines = spark.read().option("lineSep", "\n").text(vcfs.toArray(new String[0]))
                .filter("not startswith(value, '#')");
        Dataset<Row> fields = lines.select(functions.split(functions.col("value"), "\t").alias("f"));
        return fields.selectExpr("count(*)", "sum(cast(f[1] as long))", "sum(size(f))").first();
    }
}
