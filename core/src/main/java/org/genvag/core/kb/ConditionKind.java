// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.kb;

import java.util.Locale;

/**
 * What a label condition is about. Sequencing settles none of them; the kind says what the report does with one.
 * Most are conditions for the clinician to confirm beside a therapy that otherwise applies (disease extent, line of
 * therapy, no satisfactory alternative, the approved test, age). Two decide the population itself and make
 * applicability depend on them: a treatment history the label requires in place of a resistance test (the EU's "no
 * prior NTRK inhibitor") and a protein test that is the biomarker (dMMR or HER2 by IHC).
 */
public enum ConditionKind {
    DISEASE_EXTENT(false),
    LINE_OF_THERAPY(false),
    NO_ALTERNATIVE(false),
    APPROVED_TEST(false),
    AGE(false),
    PRIOR_TARGETED_THERAPY(true),
    IHC(true);

    private final boolean decidesPopulation;

    ConditionKind(boolean decidesPopulation) {
        this.decidesPopulation = decidesPopulation;
    }

    /** True when the therapy's applicability depends on this condition, not only its prescription. */
    public boolean decidesPopulation() {
        return decidesPopulation;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ConditionKind ofLabel(String label) {
        for (ConditionKind k : values()) {
            if (k.label().equals(label)) {
                return k;
            }
        }
        return null;
    }
}
