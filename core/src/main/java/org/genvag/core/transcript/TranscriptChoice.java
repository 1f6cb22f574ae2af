// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.transcript;

/**
 * The transcript a gene is reported on, and the rule that chose it: the one a panel names; else MANE Select; else
 * Ensembl canonical; else the longest CDS; else (a non-coding gene) the longest exonic length. Ties go to the
 * smaller transcript ID, so the choice does not depend on the file's order.
 *
 * @param transcript index into the models, or -1 when the gene has no transcript with exons
 * @param rule       "panel", "MANE_Select", "Ensembl_canonical", "longest_CDS", "longest_transcript" or "none"
 */
public record TranscriptChoice(int transcript, String rule) {

    /** The reported transcript of gene {@code g}; {@code asked} is the panel's transcript ID for it, or null. */
    public static TranscriptChoice of(TranscriptModels m, int g, String asked) {
        int[] txs = m.transcriptsOf(g);
        if (asked != null) {
            int t = m.findTranscript(asked);
            if (t < 0 || m.transcriptGene(t) != g) {
                throw new IllegalArgumentException("transcript '" + asked + "' is not one of gene "
                        + m.geneName(g) + " (" + m.geneId(g) + ") in " + m.source());
            }
            return new TranscriptChoice(t, "panel");
        }
        int best = pick(m, txs, TranscriptTag.MANE_SELECT);
        if (best >= 0) {
            return new TranscriptChoice(best, "MANE_Select");
        }
        best = pick(m, txs, TranscriptTag.ENSEMBL_CANONICAL);
        if (best >= 0) {
            return new TranscriptChoice(best, "Ensembl_canonical");
        }
        best = longest(m, txs, true);
        if (best >= 0) {
            return new TranscriptChoice(best, "longest_CDS");
        }
        best = longest(m, txs, false);
        return best >= 0 ? new TranscriptChoice(best, "longest_transcript") : new TranscriptChoice(-1, "none");
    }

    private static int pick(TranscriptModels m, int[] txs, TranscriptTag tag) {
        int best = -1;
        for (int t : txs) {
            if (m.hasTag(t, tag) && m.exonCount(t) > 0
                    && (best < 0 || m.transcriptId(t).compareTo(m.transcriptId(best)) < 0)) {
                best = t;
            }
        }
        return best;
    }

    private static int longest(TranscriptModels m, int[] txs, boolean coding) {
        int best = -1;
        int bestLength = 0;
        for (int t : txs) {
            int length = coding ? m.cdsLength(t) : m.exonicLength(t);
            if (length > bestLength || length == bestLength && length > 0
                    && m.transcriptId(t).compareTo(m.transcriptId(best)) < 0) {
                best = t;
                bestLength = length;
            }
        }
        return best;
    }
}
