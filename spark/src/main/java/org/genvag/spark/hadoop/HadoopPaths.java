// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.hadoop;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.genvag.core.error.InputException;

/**
 * Paths through Hadoop's FileSystem, as strings (a path or a URI): what a user gives to {@code load} (files,
 * directories, globs), and the few operations genvag-spark's outputs need.
 */
public final class HadoopPaths {
    private HadoopPaths() {
    }

    /**
     * The files the paths name, in the order given (a glob's or directory's files sorted by name); files whose name
     * ends with one of {@code skipSuffixes} (indexes beside the data) are left out of directories.
     */
    public static List<String> expand(List<String> paths, Configuration conf, List<String> skipSuffixes)
            throws IOException {
        List<String> files = new ArrayList<>();
        for (String p : paths) {
            Path path = new Path(p);
            FileSystem fs = path.getFileSystem(conf);
            FileStatus[] matched = fs.globStatus(path);
            if (matched == null || matched.length == 0) {
                throw new InputException(p + ": no such file");
            }
            for (FileStatus status : matched) {
                if (status.isDirectory()) {
                    for (FileStatus child : sorted(fs.listStatus(status.getPath()))) {
                        if (child.isFile() && !child.getPath().getName().startsWith(".")
                                && skipSuffixes.stream().noneMatch(s -> child.getPath().getName().endsWith(s))) {
                            files.add(child.getPath().toString());
                        }
                    }
                } else {
                    files.add(status.getPath().toString());
                }
            }
        }
        return files;
    }

    /** {@code name} inside the directory {@code dir} (a path or URI). */
    public static String child(String dir, String name) {
        return new Path(dir, name).toString();
    }

    public static boolean isFile(String uri, Configuration conf) throws IOException {
        Path p = new Path(uri);
        return p.getFileSystem(conf).isFile(p);
    }

    public static InputStream open(String uri, Configuration conf) throws IOException {
        Path p = new Path(uri);
        return p.getFileSystem(conf).open(p);
    }

    public static void mkdirs(String uri, Configuration conf) throws IOException {
        Path p = new Path(uri);
        p.getFileSystem(conf).mkdirs(p);
    }

    /** Deletes a file or (with {@code recursive}) a directory; nothing there is no error. */
    public static void delete(String uri, boolean recursive, Configuration conf) throws IOException {
        Path p = new Path(uri);
        p.getFileSystem(conf).delete(p, recursive);
    }

    /** Copies a local file or directory to {@code uri} (replacing what is there). */
    public static void copyFromLocal(File local, String uri, Configuration conf) throws IOException {
        Path p = new Path(uri);
        FileUtil.copy(local, p.getFileSystem(conf), p, false, conf);
    }

    /** Renames {@code from} to {@code to}; a file system that refuses is an error. */
    public static void rename(String from, String to, Configuration conf) throws IOException {
        Path f = new Path(from);
        if (!f.getFileSystem(conf).rename(f, new Path(to))) {
            throw new IOException("could not rename " + from + " to " + to);
        }
    }

    private static FileStatus[] sorted(FileStatus[] statuses) {
        Arrays.sort(statuses, (a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
        return statuses;
    }
}
