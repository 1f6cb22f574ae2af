// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.kb;

/** What the evidence says a resistance mutation does to one drug. */
public enum DrugResponse {
    /** The drug loses activity: a therapy of it no longer applies when the mutation is found. */
    RESISTANT,
    /** The drug keeps its activity (repotrectinib against solvent-front mutations). */
    ACTIVE
}
