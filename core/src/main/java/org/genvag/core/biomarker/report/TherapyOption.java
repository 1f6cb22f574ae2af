// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.biomarker.report;

import java.util.List;

import org.genvag.core.kb.Indication;

/**
 * A current label indication naming a matched biomarker: whether it applies to this tumour, the label conditions the
 * clinician confirms (sequencing settles none of them), what the resistance evidence says for its drugs, and the
 * earlier indications it replaced (history, never therapies of their own).
 */
public record TherapyOption(Indication indication, Applicability applicability, List<String> conditionsToConfirm,
                            List<String> notes, List<Indication> history) {
    public TherapyOption {
        conditionsToConfirm = List.copyOf(conditionsToConfirm);
        notes = List.copyOf(notes);
        history = List.copyOf(history);
    }
}
