// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.consequence;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import org.genvag.core.transcript.TranscriptModels;

/**
 * The consequences of ALT alleles on transcripts, as Ensembl VEP names them: for each transcript within 5 kb of an
 * allele, its SO terms, HGVS c. and p., and the positions, amino acids and codons VEP's CSQ reports. Each allele is
 * judged on its own (bcftools csq's {@code --local-csq}): alleles phased together are not combined here.
 * <p>
 * Transcripts are spliced from the reference when first needed and kept while alleles stay near them, so a sorted
 * VCF reads each transcript's exons once. Not thread-safe: one caller per thread (they may share the models).
 */
public final class ConsequenceCaller {
    private final TranscriptModels models;
    private final ReferenceSequence reference;
    private final TranscriptIndex index;
    /** Every transcript with exons, reported or not: an allele near only unreported ones is not intergenic. */
    private final TranscriptIndex everyTranscript;
    private final BaseWindow window;
    private final Int2ObjectOpenHashMap<TranscriptLayout> layouts = new Int2ObjectOpenHashMap<>();
    private final IntArrayList near = new IntArrayList();
    private final IntArrayList nearAny = new IntArrayList();
    private String layoutsContig = "";
    private long lastEviction;
    /** Coding transcripts spliced, and how many of them begin with ATG: see {@link #codingSpliced}. */
    private long codingSpliced;
    private long atgStarts;

    /**
     * @param transcripts which transcripts to report (all, MANE Select, one per gene: the caller's choice)
     */
    public ConsequenceCaller(TranscriptModels models, ReferenceSequence reference, IntPredicate transcripts) {
        this.models = models;
        this.reference = reference;
        this.index = new TranscriptIndex(models, transcripts);
        this.everyTranscript = index.size() == withExons(models) ? index : new TranscriptIndex(models, t -> true);
        this.window = new BaseWindow(reference);
    }

    private static int withExons(TranscriptModels m) {
        int n = 0;
        for (int t = 0; t < m.transcriptCount(); t++) {
            n += m.exonCount(t) > 0 ? 1 : 0;
        }
        return n;
    }

    public TranscriptModels models() {
        return models;
    }

    /** The reference's bases {@code [start, end]}, to check a record's REF against. */
    public byte[] referenceBases(String contig, long start, long end) {
        return window.bases(contig, start, end);
    }

    /** The effects of one allele on every transcript near it, in transcript start order; empty when intergenic. */
    public List<TranscriptEffect> effects(VariantEdit edit) {
        long lo = edit.isInsertion() ? edit.start() - 1 : edit.start();
        long hi = edit.isInsertion() ? edit.start() : edit.end();
        index.overlapping(edit.contig(), lo, hi, near, models);
        evict(edit.contig(), lo);
        List<TranscriptEffect> out = new ArrayList<>(near.size());
        for (int i = 0; i < near.size(); i++) {
            TranscriptEffect e = effect(edit, layout(near.getInt(i), edit.contig()));
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * How many coding transcripts this caller has spliced from the reference. With the annotation's own reference
     * nearly all begin with ATG ({@link #atgStarts}); with another build's, about 1 in 64 does, by chance: the
     * caller's user compares the two to catch an annotation and a FASTA of different builds.
     */
    public long codingSpliced() {
        return codingSpliced;
    }

    /** How many of the coding transcripts spliced begin with a whole ATG. */
    public long atgStarts() {
        return atgStarts;
    }

    /**
     * Whether the allele lies within VEP's 5 kb of any transcript of the annotation, reported or not. An allele
     * without effects on the reported transcripts ({@code --transcripts mane} or {@code canonical}) is intergenic
     * only when this is false; otherwise it lies in or near genes whose transcripts were not chosen.
     */
    public boolean nearAnyTranscript(VariantEdit edit) {
        long lo = edit.isInsertion() ? edit.start() - 1 : edit.start();
        long hi = edit.isInsertion() ? edit.start() : edit.end();
        everyTranscript.overlapping(edit.contig(), lo, hi, nearAny, models);
        for (int i = 0; i < nearAny.size(); i++) {
            int t = nearAny.getInt(i);
            int n = models.exonCount(t);
            if (distance(edit, models.exonStart(t, 0), models.exonEnd(t, n - 1)) <= TranscriptIndex.FLANK) {
                return true;
            }
        }
        return false;
    }

    /** Bases between the allele and the span {@code [txStart, txEnd]}; 0 when it touches or lies inside. */
    private static long distance(VariantEdit e, long txStart, long txEnd) {
        long s = e.start();
        boolean ins = e.isInsertion();
        boolean before = ins ? s <= txStart : e.end() < txStart;
        boolean after = ins ? s - 1 >= txEnd : s > txEnd;
        if (before) {
            return txStart - (ins ? s - 1 : e.end());
        }
        return after ? s - txEnd : 0;
    }

    /**
     * The annotation's name for a contig with transcripts, matched across the UCSC and Ensembl conventions ("chr4"
     * finds "4"), or null when no transcript lies on it.
     */
    public String annotationContig(String contig) {
        return everyTranscript.annotationName(contig);
    }

    /** The transcript spliced, its bases read from the reference's contig of that name (the allele's). */
    private TranscriptLayout layout(int t, String referenceContig) {
        TranscriptLayout l = layouts.get(t);
        if (l == null) {
            l = TranscriptLayout.of(models, t, reference, referenceContig);
            if (l.coding()) {
                codingSpliced++;
                atgStarts += l.startsWithAtg() ? 1 : 0;
            }
            layouts.put(t, l);
        }
        return l;
    }

    /** Forgets transcripts that end well before the current position (a sorted VCF does not come back to them). */
    private void evict(String contig, long pos) {
        if (!contig.equals(layoutsContig)) {
            layouts.clear();
            layoutsContig = contig;
            lastEviction = pos;
        } else if (pos - lastEviction > 1_000_000 || pos < lastEviction) {
            layouts.values().removeIf(l -> l.end() + TranscriptIndex.FLANK < pos);
            lastEviction = pos;
        }
    }

    private TranscriptEffect effect(VariantEdit e, TranscriptLayout l) {
        long s = e.start();
        long en = e.end();
        boolean ins = e.isInsertion();
        long txStart = l.start();
        long txEnd = l.end();
        long distance = distance(e, txStart, txEnd);
        if (distance > 0) {
            if (distance > TranscriptIndex.FLANK) {
                return null;
            }
            boolean before = ins ? s <= txStart : en < txStart;
            SoTerm term = before != l.minus ? SoTerm.UPSTREAM_GENE_VARIANT : SoTerm.DOWNSTREAM_GENE_VARIANT;
            return new TranscriptEffect(l.transcript, term.bit(), "", "", "", "", "", "", "", "", "");
        }
        int terms = 0;
        int exonHit = -1;
        int intronHit = -1;
        boolean donorOrAcceptor = false;
        int n = l.exonCount();
        for (int i = 0; i < n; i++) {
            if (exonHit < 0 && hits(e, l.exStart[i], l.exEnd[i])) {
                exonHit = i;
            }
        }
        for (int i = 0; i + 1 < n; i++) {
            long[] in = l.intron(i);
            long lo = in[0];
            long hi = in[1];
            if (intronHit < 0 && hits(e, lo, hi)) {
                intronHit = i;
            }
            long donor = l.minus ? hi - 1 : lo;
            long acceptor = l.minus ? lo : hi - 1;
            if (hits(e, donor, donor + 1)) {
                terms |= SoTerm.SPLICE_DONOR_VARIANT.bit();
                donorOrAcceptor = true;
            }
            if (hits(e, acceptor, acceptor + 1)) {
                terms |= SoTerm.SPLICE_ACCEPTOR_VARIANT.bit();
                donorOrAcceptor = true;
            }
            if (hits(e, lo - 3, lo + 7) || hits(e, hi - 7, hi + 3)) {
                terms |= SoTerm.SPLICE_REGION_VARIANT.bit();
            }
            long fifth = l.minus ? hi - 4 : lo + 4;
            if (hits(e, fifth, fifth)) {
                terms |= SoTerm.SPLICE_DONOR_5TH_BASE_VARIANT.bit();
            }
            if (l.minus ? hits(e, hi - 5, hi - 2) : hits(e, lo + 2, lo + 5)) {
                terms |= SoTerm.SPLICE_DONOR_REGION_VARIANT.bit();
            }
            if (l.minus ? hits(e, lo + 2, lo + 16) : hits(e, hi - 16, hi - 2)) {
                terms |= SoTerm.SPLICE_POLYPYRIMIDINE_TRACT_VARIANT.bit();
            }
        }
        if (donorOrAcceptor) {
            terms &= ~SoTerm.SPLICE_REGION_VARIANT.bit();
        } else if (intronHit >= 0) {
            terms |= SoTerm.INTRON_VARIANT.bit();
        }
        // An insertion between an exon's edge and the intron keeps the splice site's own bases, so the inserted bases
        // join the exon (bcftools csq judges it so too).
        boolean edgeInsertion = ins && (l.exonOf(s - 1) >= 0) != (l.exonOf(s) >= 0)
                && (l.intronOf(s - 1) >= 0 || l.intronOf(s) >= 0);
        long edgeExonic = l.exonOf(s - 1) >= 0 ? s - 1 : s;
        if (edgeInsertion) {
            exonHit = l.exonOf(edgeExonic);
        }
        String exon = exonHit >= 0 ? (exonHit + 1) + "/" + n : "";
        String intron = intronHit >= 0 ? (intronHit + 1) + "/" + (n - 1) : "";
        // The exon or intron that holds the whole allele bounds the 3' shift of HGVS c.
        long boundLo = 0;
        long boundHi = 0;
        int oneExon = ins ? sameExon(l, s - 1, s) : sameExon(l, s, en);
        if (oneExon >= 0) {
            boundLo = l.exStart[oneExon];
            boundHi = l.exEnd[oneExon];
        } else if (intronHit >= 0 && exonHit < 0) {
            long[] in = l.intron(intronHit);
            if ((ins ? s - 1 : s) >= in[0] && en <= in[1]) {
                boundLo = in[0];
                boundHi = in[1];
            }
        }
        String hgvsc = HgvsCoding.describe(l, e, window, boundLo, boundHi);
        if (!l.coding()) {
            if (exonHit >= 0) {
                terms |= SoTerm.NON_CODING_TRANSCRIPT_EXON_VARIANT.bit();
            } else {
                terms |= SoTerm.NON_CODING_TRANSCRIPT_VARIANT.bit();
            }
            String cdna = oneExon >= 0 ? cdnaRange(l, e) : "";
            return new TranscriptEffect(l.transcript, terms, exon, intron, hgvsc, "", cdna, "", "", "", "");
        }
        if (oneExon < 0 && !edgeInsertion) {
            if (exonHit >= 0) {
                terms |= exonicTerms(l, e);
            }
            return new TranscriptEffect(l.transcript, terms, exon, intron, hgvsc, "", "", "", "", "", "");
        }
        int cs;
        int ce;
        if (oneExon >= 0) {
            int a = l.cdna(s);
            int b = l.cdna(ins ? s - 1 : en);
            cs = ins ? Math.max(a, b) : Math.min(a, b);
            ce = ins ? cs - 1 : Math.max(a, b);
        } else {
            boolean exonicIsFivePrime = (edgeExonic == s - 1) != l.minus;
            cs = l.cdna(edgeExonic) + (exonicIsFivePrime ? 1 : 0);
            ce = cs - 1;
        }
        String cdna = ins ? (cs - 1) + "-" + cs : cs == ce ? Integer.toString(cs) : cs + "-" + ce;
        if (ins ? cs <= l.cdsStart : ce < l.cdsStart) {
            terms |= SoTerm.FIVE_PRIME_UTR_VARIANT.bit();
            return new TranscriptEffect(l.transcript, terms, exon, intron, hgvsc, "", cdna, "", "", "", "");
        }
        if (cs > l.cdsEnd) {
            terms |= SoTerm.THREE_PRIME_UTR_VARIANT.bit();
            return new TranscriptEffect(l.transcript, terms, exon, intron, hgvsc, "", cdna, "", "", "", "");
        }
        byte[] alt = HgvsCoding.oriented(l, e.alt()).getBytes(StandardCharsets.US_ASCII);
        CodingChange c = CodingChange.of(l, cs, ce, alt);
        return new TranscriptEffect(l.transcript, terms | c.terms, exon, intron, hgvsc, c.hgvsp, cdna, c.cdsPosition,
                c.proteinPosition, c.aminoAcids, c.codons);
    }

    /** Whether the allele changes bases of {@code [lo, hi]}; an insertion must fall between two of them. */
    private static boolean hits(VariantEdit e, long lo, long hi) {
        if (e.isInsertion()) {
            return e.start() - 1 >= lo && e.start() <= hi;
        }
        return e.start() <= hi && e.end() >= lo;
    }

    private static int sameExon(TranscriptLayout l, long a, long b) {
        int i = l.exonOf(a);
        return i >= 0 && i == l.exonOf(b) ? i : -1;
    }

    /** UTR or coding terms of an allele that runs over an exon's edge into an intron. */
    private static int exonicTerms(TranscriptLayout l, VariantEdit e) {
        int terms = 0;
        long lo = e.start();
        long hi = Math.max(e.start(), e.end());
        for (long g = lo; g <= hi; g++) {
            int c = l.cdna(g);
            if (c == 0 || l.exonOf(g) < 0) {
                continue;
            }
            terms |= c < l.cdsStart ? SoTerm.FIVE_PRIME_UTR_VARIANT.bit()
                    : c > l.cdsEnd ? SoTerm.THREE_PRIME_UTR_VARIANT.bit() : SoTerm.CODING_SEQUENCE_VARIANT.bit();
        }
        return terms;
    }

    private static String cdnaRange(TranscriptLayout l, VariantEdit e) {
        if (e.isInsertion()) {
            int a = l.cdna(e.start() - 1);
            int b = l.cdna(e.start());
            return Math.min(a, b) + "-" + Math.max(a, b);
        }
        int a = l.cdna(e.start());
        int b = l.cdna(e.end());
        return a == b ? Integer.toString(a) : Math.min(a, b) + "-" + Math.max(a, b);
    }
}
