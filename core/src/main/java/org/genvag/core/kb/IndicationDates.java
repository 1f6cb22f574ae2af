// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.kb;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The dated steps of one indication, ISO (YYYY-MM-DD, or YYYY-MM where the sources give only the month), null where
 * the step did not happen or is not known. For the EMA the approval is the European Commission's decision; the CHMP
 * opinion before it and a company's announcement after it are different dates.
 */
public record IndicationDates(String validated, String chmpOpinion, String ecDecision, String accelerated,
                              String regular, String withdrawn) {

    /** The date the current status took effect: what a report shows beside the status. */
    public String effective(ApprovalStatus status) {
        return switch (status) {
            case APPROVED_REGULAR -> regular != null ? regular : ecDecision;
            case APPROVED_ACCELERATED -> accelerated;
            case APPROVED_CONDITIONAL, APPROVED -> ecDecision;
            case CHMP_POSITIVE_OPINION -> chmpOpinion;
            case UNDER_REVIEW -> validated;
            case WITHDRAWN -> withdrawn;
        };
    }

    /** The known steps by name, in the order they happen. */
    public Map<String, String> known() {
        Map<String, String> out = new LinkedHashMap<>();
        put(out, "validated", validated);
        put(out, "chmpOpinion", chmpOpinion);
        put(out, "ecDecision", ecDecision);
        put(out, "accelerated", accelerated);
        put(out, "regular", regular);
        put(out, "withdrawn", withdrawn);
        return out;
    }

    private static void put(Map<String, String> out, String name, String date) {
        if (date != null) {
            out.put(name, date);
        }
    }
}
