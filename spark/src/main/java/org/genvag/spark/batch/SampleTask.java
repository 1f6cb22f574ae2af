// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.apache.spark.api.java.function.Function;
import org.genvag.core.transcript.TranscriptModels;
import org.genvag.io.gff.GffReader;
import org.genvag.pipeline.batch.BatchOptions;
import org.genvag.pipeline.batch.BatchRun;
import org.genvag.pipeline.batch.InputNames;
import org.genvag.pipeline.batch.SampleEntry;
import org.genvag.pipeline.batch.SampleOutcome;
import org.genvag.spark.hadoop.HadoopConf;
import org.genvag.spark.hadoop.LocalPaths;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One sample's pipeline as a Spark task: the same code as {@code genvag annotate} ({@link BatchRun#runSample}). On
 * a local output directory it writes there directly; on another file system (HDFS, S3) it runs into a local
 * directory, then copies the sample's directory beside its final name and renames it into place, so a reader never
 * sees a half-copied sample. A failure is an outcome with its error: one sample never fails the job.
 */
final class SampleTask implements Function<SampleSpec, String> {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The batch's transcripts, read once per executor JVM whatever the number of samples it runs. */
    private static final Map<String, TranscriptModels> MODELS = new ConcurrentHashMap<>();

    private final BatchSpec batch;
    private final String outDir;
    private final HadoopConf conf;

    SampleTask(BatchSpec batch, String outDir, HadoopConf conf) {
        this.batch = batch;
        this.outDir = outDir;
        this.conf = conf;
    }

    @Override
    public String call(SampleSpec spec) throws Exception {
        long start = System.nanoTime();
        BatchOptions o = batch.options();
        TranscriptModels models = o.reference() == null ? null : MODELS.computeIfAbsent(o.gff().toString(), g -> {
            try {
                return GffReader.read(o.gff());
            } catch (IOException e) {
                throw new IllegalStateException(g + ": " + e.getMessage(), e);
            }
        });
        Path inputs = Files.createTempDirectory("genvag-spark-in-" + spec.id());
        try {
            InputStaging staging = new InputStaging(inputs.toFile(), conf.get());
            SampleEntry entry;
            try {
                entry = spec.entry(staging);
            } catch (IOException | RuntimeException e) {
                return json(failed(spec, "copying its inputs to the task failed: " + e.getMessage(), start));
            }
            SampleOutcome outcome = run(spec, entry, o, models, staging.names());
            return json(outcome.error() == null ? outcome : withError(outcome, staging.translate(outcome.error())));
        } finally {
            deleteTree(inputs);
        }
    }

    private SampleOutcome run(SampleSpec spec, SampleEntry entry, BatchOptions o, TranscriptModels models,
            InputNames names) throws IOException {
        Path local = LocalPaths.of(outDir);
        if (local != null) {
            return BatchRun.runSample(entry, local, o, models, names);
        }
        Path work = Files.createTempDirectory("genvag-spark-" + spec.id());
        try {
            SampleOutcome outcome = BatchRun.runSample(entry, work, o, models, names);
            return outcome.status().equals("done") ? publish(spec.id(), work, outcome) : outcome;
        } finally {
            deleteTree(work);
        }
    }

    private static String json(SampleOutcome outcome) throws IOException {
        return JSON.writeValueAsString(outcome.toMap());
    }

    private static SampleOutcome failed(SampleSpec spec, String error, long start) {
        return new SampleOutcome(spec.id(), spec.typeName(), "failed", error, -1, -1, -1, List.of(), null, null,
                (System.nanoTime() - start) / 1e9, 0);
    }

    private static SampleOutcome withError(SampleOutcome o, String error) {
        return new SampleOutcome(o.id(), o.type(), o.status(), error, o.panelVariants(), o.genesFailing(),
                o.genesAssessed(), o.biomarkers(), o.tmb(), o.msi(), o.seconds(), o.records());
    }

    /** The sample's outputs moved to the output file system, or a failed outcome saying why they could not be. */
    private SampleOutcome publish(String id, Path work, SampleOutcome outcome) {
        try {
            OutputDirs.publish(work.resolve(id), outDir, id, conf.get());
            return outcome;
        } catch (IOException | RuntimeException e) {
            return new SampleOutcome(outcome.id(), outcome.type(), "failed", "copying the outputs to " + outDir
                    + " failed: " + e.getMessage(), -1, -1, -1, List.of(), null, null, outcome.seconds(),
                    outcome.records());
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
