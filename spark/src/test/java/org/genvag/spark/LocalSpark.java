// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark;

import org.apache.spark.sql.SparkSession;

/**
 * One local[2] Spark session for the module's tests (starting one costs seconds), stopped when the JVM ends; a new
 * one when a command under test stopped it (./genvag-spark's commands stop their session when done).
 */
public final class LocalSpark {
    private static SparkSession session;
    private static boolean hooked;

    private LocalSpark() {
    }

    public static synchronized SparkSession get() {
        if (session == null || session.sparkContext().isStopped()) {
            session = SparkSession.builder().master("local[2]").appName("genvag-spark-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.driver.host", "127.0.0.1")
                    .getOrCreate();
            if (!hooked) {
                hooked = true;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> session.stop()));
            }
        }
        return session;
    }
}
