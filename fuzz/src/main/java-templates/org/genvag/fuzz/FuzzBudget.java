// SPDX-License-Identifier: Apache-2.0
package org.genvag.fuzz;

/** How long each fuzz target runs, from the build's {@code fuzz.duration} (Jazzer's annotation needs a constant). */
public final class FuzzBudget {
    /** A Jazzer duration, such as "20s" or "8h". */
    public static final String DURATION = "${fuzz.duration}";

    private FuzzBudget() {
    }
}
