// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.biomarker.report;

import java.util.List;

/**
 * Whether a therapy applies to this tumour, in three states: {@code applies} is TRUE, FALSE with {@code reasons}, or
 * null when it {@code dependsOn} something the inputs do not give (the tumour's type, a treatment history, an IHC
 * result, a resistance test that could not be run). A reason to say no outweighs an open question.
 */
public record Applicability(Boolean applies, List<String> reasons, List<String> dependsOn) {
    public Applicability {
        reasons = List.copyOf(reasons);
        dependsOn = List.copyOf(dependsOn);
    }

    /** The state a report prints: "applicable", "not applicable" or "depends". */
    public String label() {
        return applies == null ? "depends" : applies ? "applicable" : "not applicable";
    }

    static Applicability of(List<String> reasons, List<String> dependsOn) {
        if (!reasons.isEmpty()) {
            return new Applicability(Boolean.FALSE, reasons, List.of());
        }
        return new Applicability(dependsOn.isEmpty() ? Boolean.TRUE : null, List.of(), dependsOn);
    }
}
