// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.kb;

import java.util.Locale;

/**
 * Where an indication stands with its agency. Only an approved indication can apply to a patient: a CHMP positive
 * opinion is a recommendation the European Commission may still not follow, and an application under review is not
 * a decision at all.
 */
public enum ApprovalStatus {
    /** FDA regular approval, or an EU marketing authorisation that is not conditional. */
    APPROVED_REGULAR(true),
    /** FDA accelerated approval: approved, continued approval may depend on a confirmatory trial. */
    APPROVED_ACCELERATED(true),
    /** EU conditional marketing authorisation. */
    APPROVED_CONDITIONAL(true),
    /** An EU authorisation whose kind (conditional or not) the sources do not settle. */
    APPROVED(true),
    CHMP_POSITIVE_OPINION(false),
    UNDER_REVIEW(false),
    WITHDRAWN(false);

    private final boolean approved;

    ApprovalStatus(boolean approved) {
        this.approved = approved;
    }

    public boolean isApproved() {
        return approved;
    }

    /** "approved-accelerated", as the knowledge base and the report write it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The status a label names, or null. */
    public static ApprovalStatus ofLabel(String label) {
        for (ApprovalStatus s : values()) {
            if (s.label().equals(label)) {
                return s;
            }
        }
        return null;
    }
}
