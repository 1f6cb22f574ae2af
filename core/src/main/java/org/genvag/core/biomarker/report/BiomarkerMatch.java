// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.biomarker.report;

import java.util.List;

import org.genvag.core.kb.Biomarker;

/**
 * A knowledge-base biomarker found in the tumour: its display name ("BRAF V600E", "ETV6::NTRK3 fusion",
 * "TMB-high"), its status ({@code match}, or {@code resistance detected} when an acquired resistance mutation the
 * labels or the evidence name is also present), the therapies, the evidence, and caveats a tumour board must read.
 */
public record BiomarkerMatch(Biomarker biomarker, String name, String status, List<TherapyOption> therapies,
                             List<Evidence> evidence, List<String> caveats) {
    public static final String MATCH = "match";
    public static final String RESISTANCE = "resistance detected";

    public BiomarkerMatch {
        therapies = List.copyOf(therapies);
        evidence = List.copyOf(evidence);
        caveats = List.copyOf(caveats);
    }
}
