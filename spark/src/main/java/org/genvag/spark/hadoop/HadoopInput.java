// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.hadoop;

import java.io.IOException;
import java.io.InputStream;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.genvag.io.source.RangeInput;

/** A file behind Hadoop's FileSystem ({@code file://}, {@code hdfs://}, {@code s3a://}) as genvag-io reads one. */
public final class HadoopInput implements RangeInput {
    private final Path path;
    private final FileSystem fs;
    private long length = -1;

    public HadoopInput(String path, Configuration conf) throws IOException {
        this.path = new Path(path);
        this.fs = this.path.getFileSystem(conf);
    }

    @Override
    public InputStream openAt(long offset) throws IOException {
        FSDataInputStream in = fs.open(path);
        try {
            if (offset > 0) {
                in.seek(offset);
            }
            return in;
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    @Override
    public long length() throws IOException {
        if (length < 0) {
            length = fs.getFileStatus(path).getLen();
        }
        return length;
    }

    @Override
    public String name() {
        return path.toString();
    }

    /** True when the path names a file (not a directory, not nothing). */
    public boolean isFile() throws IOException {
        return fs.isFile(path);
    }

    /** When the file was last modified, in milliseconds since the epoch. */
    public long modified() throws IOException {
        return fs.getFileStatus(path).getModificationTime();
    }

    /** The last component of the path. */
    public String fileName() {
        return path.getName();
    }
}
