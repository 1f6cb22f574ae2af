// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.batch;

import java.io.File;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.genvag.pipeline.batch.InputNames;

/**
 * A task's remote inputs copied to its own disk (genvag's readers read local files: BGZF by offset, stores mapped),
 * each with the indexes beside it ({@code .tbi}, {@code .csi}, {@code .bai}, {@code .crai}), and the names its
 * outputs give them: their URIs, not the copies' paths.
 */
final class InputStaging {
    private static final List<String> INDEXES = List.of(".tbi", ".csi", ".bai", ".crai");

    private final File dir;
    private final Configuration conf;
    private final Map<String, String> uriOf = new HashMap<>();
    private int copied;

    InputStaging(File dir, Configuration conf) {
        this.dir = dir;
        this.conf = conf;
    }

    /** The local path to read for a manifest value: itself when local, else a copy. */
    String local(String value) throws IOException {
        if (value == null || !RemoteManifest.isRemote(value)) {
            return value;
        }
        Path remote = new Path(value);
        FileSystem fs = remote.getFileSystem(conf);
        File into = new File(dir, String.valueOf(copied++));
        File local = new File(into, remote.getName());
        fs.copyToLocalFile(false, remote, new Path(local.toURI()), true);
        for (String index : INDEXES) {
            for (Path beside : List.of(remote.suffix(index), sibling(remote, index))) {
                if (fs.isFile(beside)) {
                    fs.copyToLocalFile(false, beside, new Path(new File(into, beside.getName()).toURI()), true);
                }
            }
        }
        uriOf.put(local.getPath(), value);
        return local.getPath();
    }

    /** {@code x.bam} -> {@code x.bai}, {@code x.cram} -> {@code x.crai}: the other way indexes are named. */
    private static Path sibling(Path p, String index) {
        String name = p.getName();
        int dot = name.lastIndexOf('.');
        return new Path(p.getParent(), (dot < 0 ? name : name.substring(0, dot)) + index);
    }

    InputNames names() {
        return new InputNames(uriOf);
    }

    /** A message naming copies, told with their URIs. */
    String translate(String message) {
        return names().rename(message);
    }
}
