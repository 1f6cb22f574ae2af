// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.cli;

import org.apache.spark.sql.SparkSession;

import picocli.CommandLine.Option;

/** The Spark session a command runs in: local unless told otherwise (spark-submit sets its own master). */
final class SessionOptions {
    @Option(names = "--master", description = "Spark master (default: local[*], or what spark-submit set)")
    String master;

    SparkSession start(String app) {
        SparkSession.Builder b = SparkSession.builder().appName(app).config("spark.ui.showConsoleProgress", "false");
        if (master != null) {
            b.master(master);
        } else if (System.getProperty("spark.master") == null) {
            b.master("local[*]");
        }
        return b.getOrCreate();
    }
}
