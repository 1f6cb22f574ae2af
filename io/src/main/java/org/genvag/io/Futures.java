// SPDX-License-Identifier: Apache-2.0
package org.genvag.io;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Waits for a worker's result and gives back what the worker threw as itself: an InputException about a file stays
 * an InputException (one clear line for the user), an IOException stays one; only the unexpected is wrapped.
 */
public final class Futures {
    private Futures() {
    }

    public static <T> T get(Future<T> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            if (c instanceof IOException io) {
                throw io;
            }
            throw new IOException(c);
        }
    }
}
