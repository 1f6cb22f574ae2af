// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.biomarker;

import org.genvag.core.genome.ContigNames;
import org.genvag.core.transcript.TranscriptModels;

/**
 * Whether a fusion's 3' partner keeps its kinase domain: the partner's breakpoint placed on the transcript the
 * knowledge base numbers the domain's exons on ({@link KinaseDomain}), found in the lab's annotation by accession
 * (any version). The part after a breakpoint in intron {@code k} starts with exon {@code k + 1}; after a breakpoint
 * inside exon {@code k}, exon {@code k} is cut and the first whole exon is {@code k + 1}. The domain is kept when that
 * first whole exon is at or before the domain's first exon (the 3' part runs to the transcript's end, so the domain's
 * last exon is then kept too).
 *
 * @param verdict kept, not kept, or not checked (the annotation lacks the transcript, or it has fewer exons than the
 *                domain's numbering: a different transcript under that accession)
 * @param detail  the breakpoint's exon or intron on the transcript used, the domain's exons and the source keys
 */
public record DomainRetention(Verdict verdict, String detail) {

    public enum Verdict { KEPT, NOT_KEPT, NOT_CHECKED }

    /** The verdict for a 3' partner broken at {@code contig:pos}. */
    public static DomainRetention of(TranscriptModels m, KinaseDomain d, String contig, long pos) {
        String sources = " [" + String.join(", ", d.sources()) + "]";
        int t = transcriptOf(m, d, contig);
        if (t < 0) {
            return new DomainRetention(Verdict.NOT_CHECKED, "the annotation has no " + d.transcript() + " of "
                    + d.gene() + ", on which the knowledge base numbers its kinase domain (" + d.describe() + ")"
                    + sources);
        }
        String id = m.transcriptId(t);
        int n = m.exonCount(t);
        if (n < d.lastExon()) {
            return new DomainRetention(Verdict.NOT_CHECKED, id + " has " + n + " exons, fewer than the kinase "
                    + "domain's " + d.describe() + sources + ": not the transcript the source numbers");
        }
        boolean minus = m.geneStrand(m.transcriptGene(t)) == '-';
        int firstWhole = -1;
        String at = null;
        for (int k = 1; k <= n && at == null; k++) {
            int i = minus ? n - k : k - 1;
            long start = m.exonStart(t, i);
            long end = m.exonEnd(t, i);
            if (pos >= start && pos <= end) {
                at = "exon " + k;
                firstWhole = k + 1;
            } else if (minus ? pos > end : pos < start) {
                at = k == 1 ? "upstream of exon 1" : "intron " + (k - 1);
                firstWhole = k;
            }
        }
        if (at == null) {
            at = "downstream of its last exon";
            firstWhole = n + 1;
        }
        boolean kept = firstWhole <= d.firstExon();
        String what = d.gene() + "'s breakpoint is in " + at + " of " + id + ": the fusion "
                + (kept ? "keeps" : "does not keep") + " the kinase domain (" + d.describe() + sources + ")";
        return new DomainRetention(kept ? Verdict.KEPT : Verdict.NOT_KEPT, what);
    }

    /** The gene's transcript with the domain's accession (any version) on the breakpoint's contig, or -1. */
    private static int transcriptOf(TranscriptModels m, KinaseDomain d, String contig) {
        int t = m.findTranscript(d.transcript());
        if (t < 0) {
            return -1;
        }
        int g = m.transcriptGene(t);
        boolean sameContig = ContigNames.canonical(m.geneContig(g)).equals(ContigNames.canonical(contig));
        return sameContig && m.findGenes(d.gene()).contains(g) ? t : -1;
    }
}
