// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.biomarker.report;

import org.genvag.core.kb.Biomarker;

/** A biomarker that was looked for and not found, or could not be looked for, with what was done or why not. */
public record Unassessed(Biomarker biomarker, String detail) {
}
