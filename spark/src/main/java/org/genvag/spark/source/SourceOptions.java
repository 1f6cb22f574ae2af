// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.source;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.genvag.core.error.InputException;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The options of genvag's data sources, read once on the driver. */
public final class SourceOptions {
    /** Compressed bytes per partition: Spark's own default for files (spark.sql.files.maxPartitionBytes). */
    public static final long DEFAULT_PARTITION_BYTES = 128L << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SourceOptions() {
    }

    /** The paths given to {@code load}: Spark passes one as "path" and several as a JSON array in "paths". */
    public static List<String> paths(Map<String, String> options) {
        String many = get(options, "paths");
        if (many != null) {
            try {
                return JSON.readValue(many, new TypeReference<List<String>>() { });
            } catch (IOException e) {
                throw new InputException("option paths: not a JSON list of paths: " + many);
            }
        }
        String one = get(options, "path");
        if (one == null) {
            throw new InputException("no input: give the files to load(...)");
        }
        return List.of(one);
    }

    public static long partitionBytes(Map<String, String> options) {
        String v = get(options, "partitionBytes");
        if (v == null) {
            return DEFAULT_PARTITION_BYTES;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InputException("option partitionBytes: expected a positive whole number of bytes, found '" + v
                    + "'");
        }
    }

    /** Options are case-insensitive in Spark; a plain map from getTable may keep the user's case. */
    public static String get(Map<String, String> options, String key) {
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The session's Hadoop settings, with the read's options that name Hadoop keys ("fs.s3a....") on top. */
    public static Configuration hadoop(Map<String, String> options) {
        Configuration conf = new Configuration(SparkSession.active().sparkContext().hadoopConfiguration());
        options.forEach((k, v) -> {
            if (k.startsWith("fs.") || k.startsWith("dfs.")) {
                conf.set(k, v);
            }
        });
        return conf;
    }
}
