// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.cli;

import org.genvag.core.error.InputException;
import org.genvag.spark.hadoop.RemovedOnExit;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./genvag-spark}: genvag's jobs on Spark, local by default ({@code --master local[*]}); the same jar runs under
 * {@code spark-submit} on a cluster. A user's mistake is a message and exit 2, never a stack trace.
 */
@Command(name = "genvag-spark", mixinStandardHelpOptions = true, versionProvider = SparkVersion.class,
        subcommands = {QueryCommand.class, AnnotateCommand.class, ScanCommand.class},
        description = "genvag's readers and jobs on Apache Spark.")
public final class SparkMain implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        CommandLine cli = new CommandLine(new SparkMain());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            if (RemovedOnExit.shuttingDown()) {
                line.getErr().println("genvag-spark: stopped by a signal; what was being written is removed");
                return 130;
            }
            Throwable input = inputCause(e);
            if (input != null) {
                line.getErr().println("genvag-spark: " + input.getMessage());
                return 2;
            }
            throw e;
        });
        return cli.execute(args);
    }

    /** Spark wraps a task's exception (SparkException, then the task's): the user's mistake is somewhere inside. */
    private static Throwable inputCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InputException) {
                return t;
            }
        }
        return null;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.err);
    }
}
