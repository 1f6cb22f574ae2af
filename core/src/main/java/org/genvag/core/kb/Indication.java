// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.kb;

import java.time.LocalDate;
import java.util.List;

/**
 * One label indication of one agency for one or more biomarkers: the drugs, the status and its dates, the tumours it
 * covers, the population and the conditions in the label's words, whether the label excludes tumours with a known
 * acquired resistance mutation, and the earlier indications it replaces ({@code supersedes}): a conversion from
 * accelerated to regular approval, an age extension. Each entry says when a curator last checked it against its
 * sources.
 */
public record Indication(String id, List<String> drugs, List<String> biomarkers, Agency agency, ApprovalStatus status,
                         IndicationDates dates, TumourScope tumours, String population, List<Condition> conditions,
                         boolean excludesKnownResistance, List<String> supersedes, List<String> unverified,
                         LocalDate lastVerified, List<String> sources) {
    public Indication {
        drugs = List.copyOf(drugs);
        biomarkers = List.copyOf(biomarkers);
        conditions = List.copyOf(conditions);
        supersedes = List.copyOf(supersedes);
        unverified = List.copyOf(unverified);
        sources = List.copyOf(sources);
    }

    /** "dabrafenib + trametinib". */
    public String therapy() {
        return String.join(" + ", drugs);
    }

    /** The date the current status took effect. */
    public String date() {
        return dates.effective(status);
    }
}
