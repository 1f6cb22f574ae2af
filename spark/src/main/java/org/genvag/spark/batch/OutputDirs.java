// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.genvag.pipeline.batch.BatchRun;
import org.genvag.pipeline.batch.SampleOutcome;
import org.genvag.spark.hadoop.HadoopPaths;
import org.genvag.spark.hadoop.LocalPaths;
import org.genvag.spark.hadoop.RemovedOnExit;

/**
 * A distributed batch's output directory through Hadoop's FileSystem ({@code file://}, {@code hdfs://},
 * {@code s3a://}): where it is local, samples are written in place as {@code genvag annotate} writes them;
 * elsewhere, copied in under a working name and renamed.
 */
final class OutputDirs {
    private static final List<String> SUMMARIES = List.of("summary.tsv", "summary.json");

    private OutputDirs() {
    }

    /** The outcome a finished sample recorded (marked skipped), or null when it has none this genvag reads. */
    static SampleOutcome finished(String dir, String id, Configuration conf) throws IOException {
        String json = HadoopPaths.child(HadoopPaths.child(dir, id), "sample.json");
        if (!HadoopPaths.isFile(json, conf)) {
            return null;
        }
        try (InputStream in = HadoopPaths.open(json, conf)) {
            return BatchRun.finished(in);
        }
    }

    /** Copies a finished sample's local directory to {@code dir/id}: first as {@code .id.partial}, then renamed. */
    static void publish(Path sampleDir, String dir, String id, Configuration conf) throws IOException {
        String target = HadoopPaths.child(dir, id);
        String partial = HadoopPaths.child(dir, "." + id + ".partial");
        HadoopPaths.delete(partial, true, conf);
        try (RemovedOnExit working = new RemovedOnExit(partial, conf)) {   // an executor stopped mid-copy
            HadoopPaths.copyFromLocal(sampleDir.toFile(), partial, conf);
            HadoopPaths.delete(target, true, conf);
            HadoopPaths.rename(partial, target, conf);
        }
    }

    /**
     * {@code summary.tsv} and {@code summary.json} as a single-machine batch writes them: in place when local, else
     * written locally and copied in, each under a working name, then renamed.
     */
    static void summaries(List<SampleOutcome> outcomes, String dir, Configuration conf) throws IOException {
        Path local = LocalPaths.of(dir);
        if (local != null) {
            BatchRun.summaries(outcomes, local);
            return;
        }
        Path work = Files.createTempDirectory("genvag-spark-summary");
        try {
            BatchRun.summaries(outcomes, work);
            for (String name : SUMMARIES) {
                String partial = HadoopPaths.child(dir, "." + name + ".partial");
                HadoopPaths.copyFromLocal(work.resolve(name).toFile(), partial, conf);
                HadoopPaths.delete(HadoopPaths.child(dir, name), false, conf);
                HadoopPaths.rename(partial, HadoopPaths.child(dir, name), conf);
            }
        } finally {
            for (String name : SUMMARIES) {
                Files.deleteIfExists(work.resolve(name));
            }
            Files.deleteIfExists(work);
        }
    }

    static void create(String dir, Configuration conf) throws IOException {
        HadoopPaths.mkdirs(dir, conf);
    }
}
