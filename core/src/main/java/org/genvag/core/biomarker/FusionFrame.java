// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.biomarker;

import java.util.List;

import org.genvag.core.genome.ContigNames;
import org.genvag.core.transcript.TranscriptChoice;
import org.genvag.core.transcript.TranscriptModels;

/**
 * Where a fusion's two breakpoints fall on their genes' reported transcripts (MANE Select, else Ensembl canonical,
 * else the longest CDS), and whether the junction keeps the reading frame: the 5' partner's coding bases up to its
 * breakpoint (its last kept exon, for an intronic one) leave a codon {@code p} bases open, and the 3' partner's first
 * kept base lies {@code q} bases into a codon of its own CDS; the fusion reads on in frame when {@code p == q}. A 5'
 * breakpoint before its gene's CDS (the 3' partner would need a start of its own) or a 3' breakpoint after its gene's
 * CDS (no coding sequence kept) is not in frame.
 *
 * @param fiveTranscript  the 5' partner's transcript ID
 * @param fiveAt          where its breakpoint lies: "exon 5" or "intron 5" (after exon 5), exons in transcript order
 * @param threeTranscript the 3' partner's transcript ID
 * @param threeAt         "exon 15" or "intron 14" (before exon 15)
 * @param inFrame         the verdict
 * @param detail          the phases either side, in words
 */
public record FusionFrame(String fiveTranscript, String fiveAt, String threeTranscript, String threeAt,
                          boolean inFrame, String detail) {

    /**
     * The frame of a fusion whose 5' partner {@code five} breaks at {@code fivePos} and whose 3' partner breaks at
     * {@code threePos}, or null when a gene is not in the models or has no coding transcript there.
     */
    public static FusionFrame of(TranscriptModels m, String five, String fiveContig, long fivePos, String three,
                                 String threeContig, long threePos) {
        int t5 = reported(m, five, fiveContig, fivePos);
        int t3 = reported(m, three, threeContig, threePos);
        if (t5 < 0 || t3 < 0) {
            return null;
        }
        Side s5 = locate(m, t5, fivePos, true);
        Side s3 = locate(m, t3, threePos, false);
        String id5 = m.transcriptId(t5);
        String id3 = m.transcriptId(t3);
        if (s5.coding <= 0) {
            return new FusionFrame(id5, s5.at, id3, s3.at, false, five + "'s breakpoint is before its coding "
                    + "sequence: the fusion keeps none of it");
        }
        if (s5.coding >= m.cdsLength(t5)) {
            return new FusionFrame(id5, s5.at, id3, s3.at, false, five + "'s breakpoint is after its stop codon: "
                    + "the fusion transcript stops before " + three);
        }
        if (s3.coding < 0) {
            return new FusionFrame(id5, s5.at, id3, s3.at, false, three + "'s breakpoint is after its coding "
                    + "sequence: the fusion keeps none of it");
        }
        int p = (int) (s5.coding % 3);
        int q = (int) (s3.coding % 3);
        String detail = String.format("%s keeps %d coding bases (%s, a codon %d bases open); %s resumes %d bases "
                + "into its CDS (%s, %d bases into a codon)", five, s5.coding, s5.at, p, three, s3.coding, s3.at, q);
        return new FusionFrame(id5, s5.at, id3, s3.at, p == q, detail + (p == q ? ": in frame" : ": out of frame"));
    }

    /** The gene's reported transcript, of the gene of that name whose span holds the breakpoint; -1 if none. */
    private static int reported(TranscriptModels m, String name, String contig, long pos) {
        List<Integer> genes = m.findGenes(name);
        for (int g : genes) {
            if (ContigNames.canonical(m.geneContig(g)).equals(ContigNames.canonical(contig)) && pos >= m.geneStart(g) - 1 && pos <= m.geneEnd(g) + 1) {
                int t = TranscriptChoice.of(m, g, null).transcript();
                return t >= 0 && m.cdsCount(t) > 0 ? t : -1;
            }
        }
        return -1;
    }

    /**
     * A breakpoint on a transcript. {@code coding}: for the 5' side, the CDS bases kept (up to the breakpoint, or
     * the end of the last kept exon); for the 3' side, the CDS bases before the first kept base (-1 when that lies
     * past the CDS).
     */
    private record Side(String at, long coding) {
    }

    private static Side locate(TranscriptModels m, int t, long pos, boolean fivePrime) {
        boolean minus = m.geneStrand(m.transcriptGene(t)) == '-';
        int n = m.exonCount(t);
        // Exons in transcript order: 5' first.
        for (int k = 0; k < n; k++) {
            int i = minus ? n - 1 - k : k;
            int start = m.exonStart(t, i);
            int end = m.exonEnd(t, i);
            if (pos >= start && pos <= end) {
                // Exonic: the 5' side keeps bases up to the breakpoint, the 3' side resumes there.
                long upTo = fivePrime ? pos : (minus ? pos + 1 : pos - 1);
                return side(m, t, minus, "exon " + (k + 1), upTo, fivePrime);
            }
            boolean before = minus ? pos > end : pos < start;
            if (before) {
                // In the intron (or upstream) before exon k: the 5' side keeps exons up to k - 1, the 3' side
                // resumes at exon k.
                String at = k == 0 ? "upstream" : "intron " + k;
                long edge = fivePrime
                        ? (k == 0 ? (minus ? end + 1 : start - 1) : (minus ? m.exonStart(t, i + 1) : m.exonEnd(t, i - 1)))
                        : (minus ? end + 1 : start - 1);
                return side(m, t, minus, at, edge, fivePrime);
            }
        }
        long last = minus ? m.exonStart(t, 0) - 1 : m.exonEnd(t, n - 1) + 1;
        return side(m, t, minus, "downstream", fivePrime ? last + (minus ? 1 : -1) : last, fivePrime);
    }

    /** CDS bases of the transcript at or 5' of genome position {@code upTo} (in transcript direction). */
    private static Side side(TranscriptModels m, int t, boolean minus, String at, long upTo, boolean fivePrime) {
        long coding = 0;
        long total = 0;
        for (int i = 0; i < m.cdsCount(t); i++) {
            long s = m.cdsStart(t, i);
            long e = m.cdsEnd(t, i);
            total += e - s + 1;
            long from = minus ? Math.max(s, upTo) : s;
            long to = minus ? e : Math.min(e, upTo);
            if (to >= from) {
                coding += to - from + 1;
            }
        }
        if (!fivePrime && coding >= total) {
            return new Side(at, -1);
        }
        return new Side(at, coding);
    }
}
