package org.genvag.core.biomarker.report;

import org.genvag.core.kb.Approval;

/**
 * An approval naming a matched biomarker, and whether it applies to this tumour as far as sequencing can tell:
 * not when a resistance mutation the label excludes was found, nor when the agency approved named tumour types only.
 * Age, line of therapy and prior treatment stay with the clinician; they are in the approval's conditions.
 */
public record TherapyOption(Approval approval, boolean applicable, String note) {
}
