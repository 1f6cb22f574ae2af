// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.biomarker.report;

import org.genvag.core.biomarker.TmbCalculator;

/**
 * TMB with how it was measured: where the territory came from ("callable BED x.bed", "stated size") and how coding
 * variants were recognised ("VEP CSQ Consequence", "SnpEff ANN", "territory taken as coding"), the counting mode
 * ("coding" counts synonymous as FoundationOne CDx does, "nonsynonymous" as DRAGEN and cBioPortal do), and the
 * variants outside the territory (not counted, not in the denominator).
 */
public record TmbReport(TmbCalculator.Result result, String territoryFrom, String codingFrom, String mode,
                        long outsideTerritory) {
}
