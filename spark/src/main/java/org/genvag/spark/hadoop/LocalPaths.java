// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.hadoop;

import java.net.URI;
import java.nio.file.Path;

/** Paths and URIs as a user gives them, told local (a path, or a file: URI) or not (hdfs:, s3a:, ...). */
public final class LocalPaths {
    private LocalPaths() {
    }

    /** The local path a path or file: URI names, or null for another file system's URI. */
    public static Path of(String pathOrUri) {
        URI uri = URI.create(pathOrUri.replace(" ", "%20"));
        if (uri.getScheme() == null) {
            return Path.of(pathOrUri);
        }
        return uri.getScheme().equals("file") ? Path.of(uri) : null;
    }
}
