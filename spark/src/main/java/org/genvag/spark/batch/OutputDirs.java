// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.batch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.genvag.pipeline.batch.BatchRun;
import org.genvag.pipeline.batch.SampleOutcome;

/**
 * A distributed batch's output directory through Hadoop's FileSystem ({@code file://}, {@code hdfs://},
 * {@code s3a://}): where it is local, samples are written in place as {@code genvag annotate} writes them;
 * elsewhere, copied in under a working name and renamed.
 */
final class OutputDirs {
    private OutputDirs() {
    }

    /** The directory as a local path when it is one (no scheme, or file:), else null. */
    static java.nio.file.Path localPath(String dir) {
        URI uri = URI.create(dir.replace(" ", "%20"));
        if (uri.getScheme() == null) {
            return java.nio.file.Path.of(dir);
        }
        return uri.getScheme().equals("file") ? java.nio.file.Path.of(uri) : null;
    }

    /** The outcome a finished sample recorded (marked skipped), or null when it has none this genvag reads. */
    static SampleOutcome finished(String dir, String id, Configuration conf) throws IOException {
        Path json = new Path(new Path(dir, id), "sample.json");
        FileSystem fs = json.getFileSystem(conf);
        if (!fs.isFile(json)) {
            return null;
        }
        try (InputStream in = fs.open(json)) {
            return BatchRun.finished(in);
        }
    }

    /** Copies a finished sample's local directory to {@code dir/id}: first as {@code .id.partial}, then renamed. */
    static void publish(java.nio.file.Path sampleDir, String dir, String id, Configuration conf) throws IOException {
        Path target = new Path(dir, id);
        Path partial = new Path(dir, "." + id + ".partial");
        FileSystem fs = target.getFileSystem(conf);
        fs.delete(partial, true);
        fs.deleteOnExit(partial);   // an executor that is stopped mid-copy leaves no partial sample
        FileUtil.copy(FileSystem.getLocal(conf), new Path(sampleDir.toUri()), fs, partial, false, conf);
        fs.delete(target, true);
        if (!fs.rename(partial, target)) {
            throw new IOException("could not rename " + partial + " to " + target);
        }
        fs.cancelDeleteOnExit(partial);
    }

    /**
     * {@code summary.tsv} and {@code summary.json} as a single-machine batch writes them: in place when local, else
     * written locally and copied in, each under a working name, then renamed.
     */
    static void summaries(List<SampleOutcome> outcomes, String dir, Configuration conf) throws IOException {
        java.nio.file.Path local = localPath(dir);
        if (local != null) {
            BatchRun.summaries(outcomes, local);
            return;
        }
        java.nio.file.Path work = java.nio.file.Files.createTempDirectory("genvag-spark-summary");
        try {
            BatchRun.summaries(outcomes, work);
            FileSystem fs = new Path(dir).getFileSystem(conf);
            for (String name : List.of("summary.tsv", "summary.json")) {
                Path partial = new Path(dir, "." + name + ".partial");
                fs.copyFromLocalFile(false, true, new Path(work.resolve(name).toUri()), partial);
                fs.delete(new Path(dir, name), false);
                if (!fs.rename(partial, new Path(dir, name))) {
                    throw new IOException("could not rename " + partial + " to " + new Path(dir, name));
                }
            }
        } finally {
            for (String name : List.of("summary.tsv", "summary.json")) {
                java.nio.file.Files.deleteIfExists(work.resolve(name));
            }
            java.nio.file.Files.deleteIfExists(work);
        }
    }

    static void create(String dir, Configuration conf) throws IOException {
        Path p = new Path(dir);
        p.getFileSystem(conf).mkdirs(p);
    }
}
