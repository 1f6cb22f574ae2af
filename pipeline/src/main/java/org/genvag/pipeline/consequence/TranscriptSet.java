// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.consequence;

import java.util.function.IntPredicate;

import org.genvag.core.transcript.TranscriptChoice;
import org.genvag.core.transcript.TranscriptModels;
import org.genvag.core.transcript.TranscriptTag;

/** Which transcripts {@code genvag csq} reports on ({@code --transcripts}). */
public enum TranscriptSet {
    /** Every transcript of the annotation, as VEP reports by default. */
    ALL("all"),
    /** MANE Select transcripts only (VEP's --mane_select). */
    MANE("mane"),
    /** One per gene: the one genvag reports a gene on (MANE Select, else Ensembl canonical, else the longest CDS). */
    CANONICAL("canonical");

    private final String optionName;

    TranscriptSet(String optionName) {
        this.optionName = optionName;
    }

    public String optionName() {
        return optionName;
    }

    /** The transcripts of {@code m} this set keeps. */
    public IntPredicate filter(TranscriptModels m) {
        return switch (this) {
            case ALL -> t -> true;
            case MANE -> t -> m.hasTag(t, TranscriptTag.MANE_SELECT);
            case CANONICAL -> {
                boolean[] chosen = new boolean[m.transcriptCount()];
                for (int g = 0; g < m.geneCount(); g++) {
                    int t = TranscriptChoice.of(m, g, null).transcript();
                    if (t >= 0) {
                        chosen[t] = true;
                    }
                }
                yield t -> chosen[t];
            }
        };
    }

    /** The set an option value names (case-insensitive), or an error listing the names. */
    public static TranscriptSet parse(String name) {
        for (TranscriptSet s : values()) {
            if (s.optionName.equalsIgnoreCase(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("--transcripts must be all, mane or canonical, not '" + name + "'");
    }
}
