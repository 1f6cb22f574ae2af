// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.hadoop;

import java.io.IOException;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ShutdownHookManager;

/**
 * A working name that is removed if the JVM ends before the work is done (Ctrl-C, SIGTERM, a killed executor's
 * orderly stop), until {@link #close()} says it is done. Its hook runs after Spark's own (the tasks that write there
 * have stopped) and before Hadoop closes its file systems (which the removal needs); FileSystem.deleteOnExit runs
 * too late for Spark's writers.
 */
public final class RemovedOnExit implements AutoCloseable {
    /** Between Spark's shutdown hook (40: FileSystem's 10 plus 30) and the file systems' (10). */
    private static final int PRIORITY = 20;

    private final Runnable hook;

    public RemovedOnExit(String uri, Configuration conf) {
        this.hook = () -> {
            try {
                HadoopPaths.delete(uri, true, conf);
            } catch (IOException e) {
                System.err.println("genvag-spark: could not remove " + uri + " on exit: " + e.getMessage());
            }
        };
        ShutdownHookManager.get().addShutdownHook(hook, PRIORITY);
    }

    /** True while the JVM is shutting down (a signal), when a failed job is an interruption, not an error. */
    public static boolean shuttingDown() {
        return ShutdownHookManager.get().isShutdownInProgress();
    }

    @Override
    public void close() {
        if (!ShutdownHookManager.get().isShutdownInProgress()) {
            ShutdownHookManager.get().removeShutdownHook(hook);
        }
    }
}
