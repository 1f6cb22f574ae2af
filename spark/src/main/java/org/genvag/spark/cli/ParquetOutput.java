// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.cli;

import java.io.IOException;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.genvag.spark.hadoop.RemovedOnExit;

/**
 * A Parquet directory that appears whole or not at all: Spark writes it under a working name beside the target,
 * then it is renamed into place (a target already there is moved aside first and removed after).
 */
final class ParquetOutput {
    private ParquetOutput() {
    }

    static long write(Dataset<Row> rows, String output, SparkSession spark) throws IOException {
        Path target = new Path(output);
        FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
        // Not a dot-name: Spark takes files and directories named ".x" or "_x" as hidden and would not read it back.
        Path partial = new Path(target.getParent(), target.getName() + ".partial");
        Path old = new Path(target.getParent(), target.getName() + ".old");
        fs.delete(partial, true);
        try (RemovedOnExit working = new RemovedOnExit(partial.toString(), spark.sparkContext().hadoopConfiguration())) {
            rows.write().parquet(partial.toString());
            long n = spark.read().parquet(partial.toString()).count();
            fs.delete(old, true);
            if (fs.exists(target) && !fs.rename(target, old)) {
                throw new IOException("could not move the existing " + target + " aside");
            }
            if (!fs.rename(partial, target)) {
                throw new IOException("could not rename " + partial + " to " + target);
            }
            fs.delete(old, true);
            return n;
        } catch (IOException | RuntimeException e) {
            fs.delete(partial, true);
            throw e;
        }
    }
}
