// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.consequence;

import java.util.Arrays;

import org.genvag.core.error.InputException;
import org.genvag.core.transcript.TranscriptModels;

/**
 * One transcript spliced: its exons in transcript order (5' to 3'), its mRNA sequence read from the reference (reverse
 * complemented on the minus strand), where its CDS starts and ends in that sequence, and the mapping from genome
 * positions to HGVS c. (or n.) positions with intronic offsets. cDNA positions are 1-based; positions before the
 * first exon are 0 and below and after the last exon above the transcript's length, so that c.-N and c.*N continue
 * beyond the transcript's ends as HGVS numbers them.
 * <p>
 * A GTF's CDS leaves the stop codon out (GFF3's CDS keeps it): when the three bases after the CDS are a stop codon,
 * the CDS is taken to include them, so that c.*1 is the base after the stop either way.
 */
final class TranscriptLayout {
    /** A table, not a switch: every exon of a minus-strand transcript goes through it (most of a WGS run's bases). */
    private static final byte[] COMPLEMENT = new byte[256];

    static {
        Arrays.fill(COMPLEMENT, (byte) 'N');
        String from = "ACGTacgt";
        String to = "TGCATGCA";
        for (int i = 0; i < from.length(); i++) {
            COMPLEMENT[from.charAt(i)] = (byte) to.charAt(i);
        }
    }

    final int transcript;
    final String contig;
    final boolean minus;
    final int[] exStart;
    final int[] exEnd;
    final int[] exCdna;
    final int length;
    final byte[] seq;
    /** cDNA positions of the first and last coding base (the stop codon's last), or 0 for a non-coding transcript. */
    final int cdsStart;
    final int cdsEnd;
    /** Bases at the CDS's 5' end before the first whole codon (the first CDS segment's phase; 0 when complete). */
    final int frame;
    final GeneticCode code;
    private byte[] protein;

    private TranscriptLayout(int transcript, String contig, boolean minus, int[] exStart, int[] exEnd, int[] exCdna,
                             byte[] seq, int cdsStart, int cdsEnd, int frame, GeneticCode code) {
        this.transcript = transcript;
        this.contig = contig;
        this.minus = minus;
        this.exStart = exStart;
        this.exEnd = exEnd;
        this.exCdna = exCdna;
        this.length = seq.length;
        this.seq = seq;
        this.cdsStart = cdsStart;
        this.cdsEnd = cdsEnd;
        this.frame = frame;
        this.code = code;
    }

    /** {@code contig}: the transcript's contig as the reference names it (the GFF may use the other convention). */
    static TranscriptLayout of(TranscriptModels m, int t, ReferenceSequence reference, String contig) {
        boolean minus = m.geneStrand(m.transcriptGene(t)) == '-';
        int n = m.exonCount(t);
        int[] starts = new int[n];
        int[] ends = new int[n];
        int[] cdna = new int[n];
        int total = 0;
        for (int i = 0; i < n; i++) {
            int byPosition = minus ? n - 1 - i : i;
            starts[i] = m.exonStart(t, byPosition);
            ends[i] = m.exonEnd(t, byPosition);
            cdna[i] = total + 1;
            total += ends[i] - starts[i] + 1;
        }
        byte[] seq = new byte[total];
        for (int i = 0; i < n; i++) {
            byte[] b = reference.bases(contig, starts[i], ends[i]);
            int len = ends[i] - starts[i] + 1;
            if (b.length != len) {
                // A user's mistake (the GFF and the FASTA are of different builds), not genvag's: one clear line.
                throw new InputException(m.source() + ": transcript " + m.transcriptId(t) + ": exon " + contig
                        + ":" + starts[i] + "-" + ends[i] + " runs past the end of " + contig + " in the reference ("
                        + reference.length(contig) + " bases): the annotation and the reference FASTA are of "
                        + "different builds");
            }
            if (minus) {
                for (int k = 0; k < len; k++) {
                    seq[cdna[i] - 1 + k] = complement(b[len - 1 - k]);
                }
            } else {
                System.arraycopy(b, 0, seq, cdna[i] - 1, len);
            }
        }
        int cdsStart = 0;
        int cdsEnd = 0;
        int frame = 0;
        int c = m.cdsCount(t);
        if (c > 0) {
            int lo = m.cdsStart(t, 0);
            int hi = m.cdsEnd(t, c - 1);
            TranscriptLayout probe = new TranscriptLayout(t, contig, minus, starts, ends, cdna, seq, 0, 0, 0, null);
            cdsStart = probe.cdna(minus ? hi : lo);
            cdsEnd = probe.cdna(minus ? lo : hi);
            int phase = m.cdsPhase(t, minus ? c - 1 : 0);
            frame = phase > 0 ? phase : 0;
        }
        GeneticCode code = GeneticCode.forContig(contig);
        if (cdsStart > 0) {
            int codingLength = cdsEnd - cdsStart + 1 - frame;
            boolean endsInStop = codingLength >= 3 && codingLength % 3 == 0
                    && code.translate(seq, cdsEnd - 3) == '*';
            if (!endsInStop && codingLength % 3 == 0 && cdsEnd + 3 <= total && code.translate(seq, cdsEnd) == '*') {
                cdsEnd += 3;   // a GTF's CDS: the stop codon follows it
            }
        }
        return new TranscriptLayout(t, contig, minus, starts, ends, cdna, seq, cdsStart, cdsEnd, frame, code);
    }

    /** The complement of a base, upper case; anything but A, C, G, T (either case) is N. */
    static byte complement(byte b) {
        return COMPLEMENT[b & 0xFF];
    }

    boolean coding() {
        return cdsStart > 0;
    }

    /** Whether the CDS begins with a whole ATG, as nearly every complete CDS of a matching reference does. */
    boolean startsWithAtg() {
        return cdsStart > 0 && frame == 0 && cdsStart + 2 <= length && seq[cdsStart - 1] == 'A'
                && seq[cdsStart] == 'T' && seq[cdsStart + 1] == 'G';
    }

    int exonCount() {
        return exStart.length;
    }

    /** The transcript-order index of the exon holding genome position {@code g}, or -1. */
    int exonOf(long g) {
        for (int i = 0; i < exStart.length; i++) {
            if (g >= exStart[i] && g <= exEnd[i]) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The transcript-order index {@code i} of the intron (between exons i and i + 1) holding {@code g}, or -1 when
     * {@code g} is exonic or outside the transcript.
     */
    int intronOf(long g) {
        for (int i = 0; i + 1 < exStart.length; i++) {
            long lo = minus ? exEnd[i + 1] + 1L : exEnd[i] + 1L;
            long hi = minus ? exStart[i] - 1L : exStart[i + 1] - 1L;
            if (g >= lo && g <= hi) {
                return i;
            }
        }
        return -1;
    }

    /** The genome span of intron {@code i}: {lo, hi}. */
    long[] intron(int i) {
        return minus ? new long[] {exEnd[i + 1] + 1L, exStart[i] - 1L}
                : new long[] {exEnd[i] + 1L, exStart[i + 1] - 1L};
    }

    /** Genome start (lowest position) of the transcript. */
    long start() {
        return minus ? exStart[exStart.length - 1] : exStart[0];
    }

    long end() {
        return minus ? exEnd[0] : exEnd[exEnd.length - 1];
    }

    /** The cDNA position of an exonic genome position, extrapolated before and after the transcript; 0 if intronic. */
    int cdna(long g) {
        int i = exonOf(g);
        if (i >= 0) {
            return (int) (exCdna[i] + (minus ? exEnd[i] - g : g - exStart[i]));
        }
        if (g < start()) {
            return minus ? (int) (length + (start() - g)) : (int) (1 - (start() - g));
        }
        if (g > end()) {
            return minus ? (int) (1 - (g - end())) : (int) (length + (g - end()));
        }
        return 0;
    }

    /** Genome position {@code g} as HGVS writes it after "c." or "n.": 123, -14, *20, 88+1, 89-2, *5+3. */
    String hgvsPosition(long g) {
        int c = cdna(g);
        if (c != 0 || exonOf(g) >= 0 || g < start() || g > end()) {
            return cdnaLabel(c);
        }
        int i = intronOf(g);
        long d5 = minus ? exStart[i] - g : g - exEnd[i];
        long d3 = minus ? g - exEnd[i + 1] : exStart[i + 1] - g;
        if (d5 <= d3) {
            return cdnaLabel(exCdna[i] + exEnd[i] - exStart[i]) + "+" + d5;
        }
        return cdnaLabel(exCdna[i + 1]) + "-" + d3;
    }

    /** A cDNA position as a c. position (or n. for a non-coding transcript). */
    String cdnaLabel(int c) {
        if (!coding()) {
            return c < 1 ? "-" + (1 - c) : c > length ? "*" + (c - length) : Integer.toString(c);
        }
        if (c < cdsStart) {
            return "-" + (cdsStart - c);
        }
        if (c > cdsEnd) {
            return "*" + (c - cdsEnd);
        }
        return Integer.toString(c - cdsStart + 1);
    }

    /**
     * Whether the CDS begins with a whole Met codon: only then is a change of its first codon start_lost (or
     * start_retained); a CDS annotated without its start (incomplete 5', or a non-ATG start) gets missense and
     * synonymous there, as bcftools csq and VEP judge it.
     */
    boolean startsWithMet() {
        return coding() && frame == 0 && protein().length > 0 && protein()[0] == 'M';
    }

    /** The reference protein, translated from the CDS's first whole codon (its stop included as '*'). */
    byte[] protein() {
        if (protein == null) {
            protein = code.translate(seq, cdsStart - 1 + frame, cdsEnd);
        }
        return protein;
    }
}
