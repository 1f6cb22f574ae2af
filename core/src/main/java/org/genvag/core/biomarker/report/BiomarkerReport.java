// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.biomarker.report;

import java.util.List;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.genvag.core.tumour.TumourType;

/**
 * Everything genvag concluded about one tumour's tissue-agnostic biomarkers. {@code tmb} is null when TMB was not
 * measured (then it is in {@code notAssessable}). {@code inputs} names each input file by role. {@code tumourType} is
 * null when the tumour's type was not given.
 */
public record BiomarkerReport(String sample, String build, String knowledgeBaseVersion, String knowledgeBaseCollected,
                              TumourType tumourType, Map<String, String> inputs, List<BiomarkerMatch> matches,
                              TmbReport tmb, List<Unassessed> assessedNotFound, List<Unassessed> notAssessable,
                              List<Observation> observations, List<String> warnings) {
    public BiomarkerReport {
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        matches = List.copyOf(matches);
        assessedNotFound = List.copyOf(assessedNotFound);
        notAssessable = List.copyOf(notAssessable);
        observations = List.copyOf(observations);
        warnings = List.copyOf(warnings);
    }
}
