// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.genvag.core.transcript.TargetKind;
import org.genvag.pipeline.batch.BatchOptions;
import org.genvag.pipeline.batch.BatchRun;
import org.genvag.spark.GenvagSpark;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code genvag annotate} with each sample a Spark task; the same options, outputs and summaries. */
@Command(name = "annotate", mixinStandardHelpOptions = true, versionProvider = SparkVersion.class,
        description = {"Batch annotation with each sample a Spark task: what 'genvag annotate' writes, per sample",
            "DIR/<id>/ and DIR/summary.tsv, summary.json; DIR may be a local path or hdfs://, s3a://.",
            "The manifest's inputs may be local paths (read where they are) or hdfs://, s3a:// URIs (each task",
            "copies its sample's to its disk; the outputs name the URIs)."})
final class AnnotateCommand implements Callable<Integer> {
    @Mixin
    SessionOptions session;

    @Option(names = "--manifest", required = true, description = "samples TSV (as genvag annotate reads it)")
    Path manifest;

    @Option(names = "--out-dir", required = true, description = "output directory (local, hdfs://, s3a://)")
    String outDir;

    @Option(names = "--panel", paramLabel = "PANEL", description = "panel file (repeatable)")
    List<Path> panels = new ArrayList<>();

    @Option(names = "--padding", defaultValue = "0", description = "bases added each side (default: ${DEFAULT-VALUE})")
    long padding;

    @Option(names = "--allow-unresolved", description = "panel genes that do not resolve are warnings")
    boolean allowUnresolved;

    @Option(names = "--kb", description = "knowledge-base file instead of the bundled one")
    Path kb;

    @Option(names = "--msi-sites", description = "site list from 'genvag msi scan'")
    Path msiSites;

    @Option(names = "--msi-baseline", description = "baseline of pooled normals from 'genvag msi baseline'")
    Path msiBaseline;

    @Option(names = "--gff", description = "transcript annotation (coverage targets; consequences with -f)")
    Path gff;

    @Option(names = "--targets", paramLabel = "cds|exons|gene", description = "coverage targets (default: cds with "
            + "--gff, else exons)")
    String targets;

    @Option(names = {"-f", "--reference"}, paramLabel = "FASTA", description = "reference FASTA: with --gff, CSQ "
            + "and HGVS in each panel VCF and report")
    Path reference;

    @Option(names = "--force", description = "run samples an earlier run finished again")
    boolean force;

    @Override
    public Integer call() throws IOException {
        BatchOptions options = new BatchOptions(panels, padding, kb, 1, force, SparkVersion.get(), msiSites,
                msiBaseline, allowUnresolved, gff, targets == null ? null : TargetKind.parse(targets), reference);
        BatchRun.checkOptions(options);
        SparkSession spark = session.start("genvag-spark annotate");
        try {
            List<Row> summary = GenvagSpark.annotate(spark, manifest, options, outDir).collectAsList();
            int failed = 0;
            for (Row r : summary) {
                System.err.printf(Locale.ROOT, "%-16s %-9s %-22s %s%n", r.getString(0), r.getString(1),
                        r.getString(2), r.isNullAt(10) ? "" : r.getString(10));
                failed += r.getString(2).equals("failed") ? 1 : 0;
            }
            System.err.println("wrote " + outDir + "/summary.tsv and summary.json");
            return failed == 0 ? 0 : 2;
        } finally {
            spark.stop();
        }
    }
}
