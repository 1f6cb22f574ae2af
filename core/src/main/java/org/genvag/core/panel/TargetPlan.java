// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.panel;

import java.util.List;

import org.genvag.core.transcript.Target;

/**
 * The stretches of each panel gene a job reports on (coding exons or exons of its reported transcript); null for a
 * gene means its whole span. {@link #GENES} is the whole span of every gene.
 */
public interface TargetPlan {
    TargetPlan GENES = new TargetPlan() {
        @Override
        public List<Target> targets(PanelGene gene) {
            return null;
        }

        @Override
        public String describe() {
            return "gene spans";
        }
    };

    /** The gene's targets (unpadded, 0-based half-open), or null for its whole span. */
    List<Target> targets(PanelGene gene);

    /** What the targets are, for outputs ("CDS of each gene's MANE Select transcript ...", "merged RefSeq exons"). */
    String describe();

    /** Genes not reported as asked (not in the annotation: whole span; no CDS: exons), after the targets were made. */
    default List<String> warnings() {
        return List.of();
    }
}
