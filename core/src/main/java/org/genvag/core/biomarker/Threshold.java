// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.biomarker;

/** A cut-off as a source states it: inclusive (>=) or exclusive (>), never left implicit. */
public record Threshold(double value, String comparison, String unit) {
    public Threshold {
        if (!comparison.equals(">=") && !comparison.equals(">")) {
            throw new IllegalArgumentException("comparison must be >= or >, got " + comparison);
        }
    }

    public boolean isMetBy(double measured) {
        return comparison.equals(">=") ? measured >= value : measured > value;
    }
}
