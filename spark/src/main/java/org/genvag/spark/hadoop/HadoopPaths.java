// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.hadoop;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.genvag.core.error.InputException;

/** Paths as a user gives them to {@code load}: files, directories (their files) and globs, each matching something. */
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

    private static FileStatus[] sorted(FileStatus[] statuses) {
        Arrays.sort(statuses, (a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
        return statuses;
    }
}
