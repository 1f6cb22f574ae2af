// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.transcript;

import java.util.List;
import java.util.Map;

/**
 * Genes, transcripts, exons and CDS of an annotation (a GENCODE, Ensembl, RefSeq or MANE GFF3 or GTF), held in
 * primitive arrays: a transcript's exons are one run of {@link #exonStart}/{@link #exonEnd}, its CDS one run of
 * {@link #cdsStart}/{@link #cdsEnd}, each sorted by position. Coordinates are 1-based and closed, as the files
 * write them. Built by {@link TranscriptModelsBuilder}, which checks that the models hold together.
 */
public final class TranscriptModels {
    final String source;
    final String[] contigs;
    // genes
    final String[] geneId;
    final String[] geneName;
    final int[] geneContig;
    final char[] geneStrand;
    final int[] geneStart;
    final int[] geneEnd;
    final int[] geneFirstTranscript;   // gene g's transcripts are byGene[geneFirstTranscript[g] .. [g + 1])
    final int[] byGene;
    // transcripts
    final String[] txId;
    final int[] txGene;
    final String[] txBiotype;
    final int[] txTags;
    final int[] txStart;
    final int[] txEnd;
    final int[] txFirstExon;
    final int[] txFirstCds;
    // exons and CDS
    final int[] exonStart;
    final int[] exonEnd;
    final int[] cdsStart;
    final int[] cdsEnd;
    final byte[] cdsPhase;
    final String[] txProtein;
    private final Map<String, Integer> genesByKey;
    private final Map<String, Integer> transcriptsById;

    TranscriptModels(String source, String[] contigs, String[] geneId, String[] geneName, int[] geneContig,
                     char[] geneStrand, int[] geneStart, int[] geneEnd, int[] geneFirstTranscript, int[] byGene,
                     String[] txId, int[] txGene, String[] txBiotype, int[] txTags, int[] txStart, int[] txEnd,
                     int[] txFirstExon, int[] txFirstCds, int[] exonStart, int[] exonEnd, int[] cdsStart,
                     int[] cdsEnd, byte[] cdsPhase, String[] txProtein, Map<String, Integer> genesByKey,
                     Map<String, Integer> transcriptsById) {
        this.source = source;
        this.contigs = contigs;
        this.geneId = geneId;
        this.geneName = geneName;
        this.geneContig = geneContig;
        this.geneStrand = geneStrand;
        this.geneStart = geneStart;
        this.geneEnd = geneEnd;
        this.geneFirstTranscript = geneFirstTranscript;
        this.byGene = byGene;
        this.txId = txId;
        this.txGene = txGene;
        this.txBiotype = txBiotype;
        this.txTags = txTags;
        this.txStart = txStart;
        this.txEnd = txEnd;
        this.txFirstExon = txFirstExon;
        this.txFirstCds = txFirstCds;
        this.exonStart = exonStart;
        this.exonEnd = exonEnd;
        this.cdsStart = cdsStart;
        this.cdsEnd = cdsEnd;
        this.cdsPhase = cdsPhase;
        this.txProtein = txProtein;
        this.genesByKey = genesByKey;
        this.transcriptsById = transcriptsById;
    }

    public String source() {
        return source;
    }

    public int geneCount() {
        return geneId.length;
    }

    public int transcriptCount() {
        return txId.length;
    }

    public int exonCount() {
        return exonStart.length;
    }

    public int cdsCount() {
        return cdsStart.length;
    }

    /**
     * Genes a name or ID names: the gene ID (with or without its version, ENSG00000157764.14), or the gene's name,
     * case-insensitively. Several when a name is shared (PAR genes on X and Y, duplicated loci).
     */
    public List<Integer> findGenes(String nameOrId) {
        Integer one = genesByKey.get(GeneKeys.key(nameOrId));
        if (one != null && one >= 0) {
            return List.of(one);
        }
        return one == null ? List.of() : GeneKeys.many(genesByKey, nameOrId);
    }

    /** A transcript by its ID (with or without version), or -1. */
    public int findTranscript(String id) {
        Integer t = transcriptsById.get(id);
        if (t == null) {
            t = transcriptsById.get(GeneKeys.unversioned(id));
        }
        return t == null ? -1 : t;
    }

    public String geneId(int g) {
        return geneId[g];
    }

    public String geneName(int g) {
        return geneName[g];
    }

    public String geneContig(int g) {
        return contigs[geneContig[g]];
    }

    public char geneStrand(int g) {
        return geneStrand[g];
    }

    public int geneStart(int g) {
        return geneStart[g];
    }

    public int geneEnd(int g) {
        return geneEnd[g];
    }

    /** The gene's transcripts, as transcript indexes. */
    public int[] transcriptsOf(int g) {
        int[] out = new int[geneFirstTranscript[g + 1] - geneFirstTranscript[g]];
        System.arraycopy(byGene, geneFirstTranscript[g], out, 0, out.length);
        return out;
    }

    public String transcriptId(int t) {
        return txId[t];
    }

    public int transcriptGene(int t) {
        return txGene[t];
    }

    public String biotype(int t) {
        return txBiotype[t];
    }

    /** The protein the transcript encodes, as its CDS lines name it (protein_id: ENSP..., NP_...), or null. */
    public String proteinId(int t) {
        return txProtein[t];
    }

    public boolean hasTag(int t, TranscriptTag tag) {
        return (txTags[t] & tag.bit()) != 0;
    }

    public int transcriptStart(int t) {
        return txStart[t];
    }

    public int transcriptEnd(int t) {
        return txEnd[t];
    }

    public int exonCount(int t) {
        return txFirstExon[t + 1] - txFirstExon[t];
    }

    /** The {@code i}th exon by position (not transcript order: on the minus strand the first by position is last). */
    public int exonStart(int t, int i) {
        return exonStart[txFirstExon[t] + i];
    }

    public int exonEnd(int t, int i) {
        return exonEnd[txFirstExon[t] + i];
    }

    public int cdsCount(int t) {
        return txFirstCds[t + 1] - txFirstCds[t];
    }

    public int cdsStart(int t, int i) {
        return cdsStart[txFirstCds[t] + i];
    }

    public int cdsEnd(int t, int i) {
        return cdsEnd[txFirstCds[t] + i];
    }

    /**
     * The CDS segment's phase (0, 1 or 2: bases to skip to the next codon) as the annotation gives it; -1 where it
     * gives '.', when the phase follows from the segments before it.
     */
    public int cdsPhase(int t, int i) {
        return cdsPhase[txFirstCds[t] + i];
    }

    /** Coding bases of the transcript; 0 for a non-coding one. */
    public int cdsLength(int t) {
        int n = 0;
        for (int i = txFirstCds[t]; i < txFirstCds[t + 1]; i++) {
            n += cdsEnd[i] - cdsStart[i] + 1;
        }
        return n;
    }

    /** Exonic bases of the transcript. */
    public int exonicLength(int t) {
        int n = 0;
        for (int i = txFirstExon[t]; i < txFirstExon[t + 1]; i++) {
            n += exonEnd[i] - exonStart[i] + 1;
        }
        return n;
    }

    /** The exon's number in transcript order (1 is the 5' exon), from its index by position. */
    public int exonNumber(int t, int byPosition) {
        char strand = geneStrand[txGene[t]];
        return strand == '-' ? exonCount(t) - byPosition : byPosition + 1;
    }
}
