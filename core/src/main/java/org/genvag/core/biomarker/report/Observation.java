// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.biomarker.report;

import java.util.List;

/**
 * Something seen at a biomarker's locus that is not a match but that a reviewer must know: V600K where V600E was
 * looked for, a FILTERed V600E, unphased alleles that may or may not make V600E, an NTRK fusion that loses the
 * kinase domain, an ALK or ROS1 fusion (reported, not matched: no tissue-agnostic approval), a resistance mutation.
 */
public record Observation(String biomarkerId, String name, String status, String detail, List<Evidence> evidence) {
    public Observation {
        evidence = List.copyOf(evidence);
    }
}
