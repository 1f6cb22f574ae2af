// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.transcript;

import java.util.ArrayList;
import java.util.List;

/**
 * The targets of a gene on its reported transcript: each CDS segment ({@link TargetKind#CDS}) or each exon
 * ({@link TargetKind#EXONS}), numbered by the exon that holds it in transcript order. A gene whose transcript has no
 * CDS has no CDS targets (a non-coding gene reports nothing under {@code cds}: the caller says so).
 */
public final class TranscriptTargets {
    private TranscriptTargets() {
    }

    public static List<Target> of(TranscriptModels m, int transcript, TargetKind kind, String geneLabel) {
        List<Target> out = new ArrayList<>();
        String contig = m.geneContig(m.transcriptGene(transcript));
        String id = m.transcriptId(transcript);
        int exons = m.exonCount(transcript);
        if (kind == TargetKind.EXONS) {
            for (int i = 0; i < exons; i++) {
                out.add(new Target(contig, m.exonStart(transcript, i) - 1L, m.exonEnd(transcript, i), geneLabel, id,
                        m.exonNumber(transcript, i)));
            }
        } else if (kind == TargetKind.CDS) {
            int e = 0;
            for (int c = 0; c < m.cdsCount(transcript); c++) {
                int s = m.cdsStart(transcript, c);
                while (e < exons && m.exonEnd(transcript, e) < s) {
                    e++;
                }
                out.add(new Target(contig, s - 1L, m.cdsEnd(transcript, c), geneLabel, id,
                        m.exonNumber(transcript, e)));
            }
        } else {
            throw new IllegalArgumentException("gene targets are the gene's span, not a transcript's");
        }
        return out;
    }
}
