// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.genvag.core.error.InputException;
import org.genvag.io.output.AtomicOutput;
import org.genvag.spark.GenvagSpark;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The panel variants of many VCFs: one row per sample and record in the panel the sample carries. TSV is one file
 * the driver writes (whole or not at all); Parquet is Spark's directory of parts, written under a working name and
 * renamed into place.
 */
@Command(name = "query", mixinStandardHelpOptions = true, versionProvider = SparkVersion.class,
        description = {"Panel variants of many VCFs: one row per sample and variant the sample carries,",
            "with the genes and panels it falls in (as genvag filter labels them)."})
final class QueryCommand implements Callable<Integer> {
    @Mixin
    SessionOptions session;

    @Parameters(arity = "1..*", paramLabel = "VCF", description = "VCF files, directories or globs (local, hdfs://)")
    List<String> vcfs;

    @Option(names = "--panel", required = true, paramLabel = "PANEL", description = "panel file (repeatable)")
    List<String> panels = new ArrayList<>();

    @Option(names = "--build", description = "GRCh37 or GRCh38 (default: from each VCF's header)")
    String build;

    @Option(names = "--padding", defaultValue = "0", description = "bases added each side (default: ${DEFAULT-VALUE})")
    long padding;

    @Option(names = "--targets", paramLabel = "cds|exons|gene", description = "what of each gene a variant must "
            + "overlap (default: gene span; cds needs --gff)")
    String targets;

    @Option(names = "--gff", description = "transcript annotation for --targets cds or exons")
    String gff;

    @Option(names = {"-o", "--output"}, required = true, description = "output file (tsv) or directory (parquet)")
    String output;

    @Option(names = "--format", defaultValue = "tsv", description = "tsv or parquet (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--partition-bytes", description = "compressed bytes per partition (default: 128 MiB)")
    Long partitionBytes;

    @Override
    public Integer call() throws IOException {
        if (!format.equals("tsv") && !format.equals("parquet")) {
            throw new InputException("--format: tsv or parquet, not '" + format + "'");
        }
        Map<String, String> options = new LinkedHashMap<>();
        options.put("panel", String.join(",", panels));
        options.put("padding", String.valueOf(padding));
        if (build != null) {
            options.put("build", build);
        }
        if (targets != null) {
            options.put("targets", targets);
        }
        if (gff != null) {
            options.put("gff", gff);
        }
        if (partitionBytes != null) {
            options.put("partitionBytes", String.valueOf(partitionBytes));
        }
        SparkSession spark = session.start("genvag-spark query");
        try {
            Dataset<Row> rows = GenvagSpark.query(spark, vcfs, options);
            long n = format.equals("tsv") ? writeTsv(rows) : ParquetOutput.write(rows, output, spark);
            System.err.println("genvag-spark query: " + n + " rows -> " + output);
            return 0;
        } finally {
            spark.stop();
        }
    }

    /** Streams the rows to the driver partition by partition (never all at once) into one TSV. */
    private long writeTsv(Dataset<Row> rows) throws IOException {
        long n = 0;
        try (AtomicOutput out = new AtomicOutput(Path.of(output))) {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out.stream(), StandardCharsets.UTF_8),
                    1 << 16);
            w.write("#" + String.join("\t", GenvagSpark.QUERY_COLUMNS) + "\n");
            Iterator<Row> it = rows.toLocalIterator();
            StringBuilder line = new StringBuilder();
            while (it.hasNext()) {
                Row r = it.next();
                line.setLength(0);
                for (int i = 0; i < r.length(); i++) {
                    line.append(i == 0 ? "" : "\t").append(text(r.get(i)));
                }
                w.write(line.append('\n').toString());
                n++;
            }
            w.flush();
            out.commit();
        }
        return n;
    }

    /** As VCF writes it: '.' for missing, QUAL without a trailing ".0". */
    private static String text(Object v) {
        if (v == null || (v instanceof String s && s.isEmpty())) {
            return ".";
        }
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? String.valueOf(d) : BigDecimal.valueOf(d).stripTrailingZeros()
                    .toPlainString();
        }
        return v.toString();
    }
}
