package org.genvag.core.kb;

import java.util.List;

/**
 * One regulatory decision for a biomarker, per agency: the agencies differ in dates, ages, lines of therapy and
 * resistance clauses, so each keeps its own conditions. {@code date} is ISO (YYYY-MM-DD, or YYYY-MM where the source
 * gives only the month).
 *
 * @param tissueAgnostic      false where the agency approved named tumour types only (reported, not matched)
 * @param excludesResistance  the label excludes tumours with a known acquired resistance mutation
 */
public record Approval(List<String> drugs, List<String> biomarkers, String agency, String status, String date,
                       boolean tissueAgnostic, boolean excludesResistance, String population, List<String> conditions,
                       List<String> excludedTissues, List<String> unverified, List<String> sources) {
    public Approval {
        drugs = List.copyOf(drugs);
        biomarkers = List.copyOf(biomarkers);
        conditions = List.copyOf(conditions);
        excludedTissues = List.copyOf(excludedTissues);
        unverified = List.copyOf(unverified);
        sources = List.copyOf(sources);
    }

    /** "dabrafenib + trametinib". */
    public String therapy() {
        return String.join(" + ", drugs);
    }
}
