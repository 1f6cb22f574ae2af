// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.transcript;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.genvag.core.error.InputException;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.longs.LongArrayList;

/**
 * Collects an annotation's features in the order a file gives them (children may come before their parents, as GFF3
 * allows) and builds {@link TranscriptModels}, checking that they hold together: every transcript has a gene
 * defined in the file, every exon and CDS a transcript, on the transcript's contig and strand; every CDS lies in an
 * exon of its transcript; a declared transcript span holds its exons. A problem is an {@link InputException} naming
 * the file and the line of the feature at fault. Exons and CDS are kept in primitive lists with their transcript's
 * index, so a whole-genome annotation costs a few bytes per feature, not an object.
 */
public final class TranscriptModelsBuilder {
    private final String source;
    private final List<String> contigs = new ArrayList<>();
    private final Map<String, Integer> contigIndex = new HashMap<>();

    // genes, by index; a gene is created on first mention (by a transcript) and defined by its own line
    private final Map<String, Integer> geneIndex = new HashMap<>();
    private final List<String> geneIds = new ArrayList<>();
    private final List<String> geneNames = new ArrayList<>();
    private final IntArrayList geneContig = new IntArrayList();
    private final List<Character> geneStrand = new ArrayList<>();
    private final IntArrayList geneStart = new IntArrayList();
    private final IntArrayList geneEnd = new IntArrayList();
    private final LongArrayList geneLine = new LongArrayList();     // defining line, or -(first mention) when undefined

    private final Map<String, Integer> txIndex = new HashMap<>();
    private final List<String> txIds = new ArrayList<>();
    private final IntArrayList txGene = new IntArrayList();
    private final List<String> txBiotype = new ArrayList<>();
    private final IntArrayList txTags = new IntArrayList();
    private final IntArrayList txContig = new IntArrayList();
    private final List<Character> txStrand = new ArrayList<>();
    private final IntArrayList txStart = new IntArrayList();
    private final IntArrayList txEnd = new IntArrayList();
    private final LongArrayList txLine = new LongArrayList();

    private final IntArrayList exonTx = new IntArrayList();
    private final IntArrayList exonStart = new IntArrayList();
    private final IntArrayList exonEnd = new IntArrayList();
    private final LongArrayList exonLine = new LongArrayList();
    private final IntArrayList cdsTx = new IntArrayList();
    private final IntArrayList cdsStart = new IntArrayList();
    private final IntArrayList cdsEnd = new IntArrayList();
    private final IntArrayList cdsPhase = new IntArrayList();
    private final LongArrayList cdsLine = new LongArrayList();
    private final Map<Integer, String> txProtein = new HashMap<>();

    public TranscriptModelsBuilder(String source) {
        this.source = source;
    }

    private int contig(String name) {
        Integer c = contigIndex.get(name);
        if (c == null) {
            c = contigs.size();
            contigs.add(name);
            contigIndex.put(name, c);
        }
        return c;
    }

    private int geneRef(String id, long line) {
        Integer g = geneIndex.get(id);
        if (g == null) {
            g = geneIds.size();
            geneIndex.put(id, g);
            geneIds.add(id);
            geneNames.add(null);
            geneContig.add(-1);
            geneStrand.add('.');
            geneStart.add(0);
            geneEnd.add(0);
            geneLine.add(-line);
        }
        return g;
    }

    /** A gene's own line: its ID, name (null: none), place. */
    public void gene(String id, String name, String contig, char strand, int start, int end, long line) {
        int g = geneRef(id, line);
        if (geneLine.getLong(g) > 0) {
            throw InputException.at(source, line, "gene '" + id + "' is defined twice (first at line "
                    + geneLine.getLong(g) + ")");
        }
        geneNames.set(g, name);
        geneContig.set(g, contig(contig));
        geneStrand.set(g, strand);
        geneStart.set(g, start);
        geneEnd.set(g, end);
        geneLine.set(g, line);
    }

    private int txRef(String id, long line) {
        Integer t = txIndex.get(id);
        if (t == null) {
            t = txIds.size();
            txIndex.put(id, t);
            txIds.add(id);
            txGene.add(-1);
            txBiotype.add(null);
            txTags.add(0);
            txContig.add(-1);
            txStrand.add('.');
            txStart.add(0);
            txEnd.add(0);
            txLine.add(-line);
        }
        return t;
    }

    /**
     * A transcript's own line. {@code start} and {@code end} 0 when the file gives none (a GTF without transcript
     * lines): the exons then give the span.
     */
    public void transcript(String id, String geneId, String biotype, int tags, String contig, char strand, int start,
                           int end, long line) {
        int t = txRef(id, line);
        if (txLine.getLong(t) > 0) {
            throw InputException.at(source, line, "transcript '" + id + "' is defined twice (first at line "
                    + txLine.getLong(t) + ")");
        }
        if (geneId == null || geneId.isEmpty()) {
            throw InputException.at(source, line, "transcript '" + id + "' names no parent gene");
        }
        txGene.set(t, geneRef(geneId, line));
        txBiotype.set(t, biotype);
        txTags.set(t, tags);
        txContig.set(t, contig(contig));
        txStrand.set(t, strand);
        txStart.set(t, start);
        txEnd.set(t, end);
        txLine.set(t, line);
    }

    /** Whether a transcript of this ID has been defined by its own line. */
    public boolean hasTranscript(String id) {
        Integer t = txIndex.get(id);
        return t != null && txLine.getLong(t) > 0;
    }

    /** Whether a gene of this ID has been defined by its own line. */
    public boolean hasGene(String id) {
        Integer g = geneIndex.get(id);
        return g != null && geneLine.getLong(g) > 0;
    }

    public void exon(String transcriptId, String contig, char strand, int start, int end, long line) {
        int t = txRef(transcriptId, line);
        checkPlace(t, contig, strand, line, "exon");
        exonTx.add(t);
        exonStart.add(start);
        exonEnd.add(end);
        exonLine.add(line);
    }

    public void cds(String transcriptId, String contig, char strand, int start, int end, int phase, long line) {
        int t = txRef(transcriptId, line);
        checkPlace(t, contig, strand, line, "CDS");
        cdsTx.add(t);
        cdsStart.add(start);
        cdsEnd.add(end);
        cdsPhase.add(phase);
        cdsLine.add(line);
    }

    /** The protein a transcript's CDS encodes, as its CDS lines name it (protein_id); the first one named is kept. */
    public void proteinId(String transcriptId, String proteinId, long line) {
        if (proteinId != null && !proteinId.isEmpty()) {
            txProtein.putIfAbsent(txRef(transcriptId, line), proteinId);
        }
    }

    /** A child's contig and strand against its transcript's, when the transcript's line came first. */
    private void checkPlace(int t, String contig, char strand, long line, String what) {
        int c = txContig.getInt(t);
        if (c >= 0 && (!contigs.get(c).equals(contig) || txStrand.get(t) != strand)) {
            throw InputException.at(source, line, what + " of transcript '" + txIds.get(t) + "' is on " + contig
                    + " " + strand + ", the transcript (line " + txLine.getLong(t) + ") on " + contigs.get(c) + " "
                    + txStrand.get(t));
        }
    }

    /**
     * Defines every gene that transcripts name but no line defines from its transcripts (contig and strand of the
     * first, span over all), for GTF files, which need not have gene lines (GTF 2.2 has none). A GFF3 gene must
     * have its line: its reader does not call this.
     */
    public void geneSpansFromTranscripts() {
        for (int t = 0; t < txIds.size(); t++) {
            int g = txGene.getInt(t);
            if (g < 0 || geneLine.getLong(g) > 0) {
                continue;
            }
            if (geneContig.getInt(g) < 0) {
                geneContig.set(g, txContig.getInt(t));
                geneStrand.set(g, txStrand.get(t));
                geneStart.set(g, Integer.MAX_VALUE);
                geneEnd.set(g, 0);
            }
            int start = txStart.getInt(t) > 0 ? txStart.getInt(t) : Integer.MAX_VALUE;
            geneStart.set(g, Math.min(geneStart.getInt(g), start));
            geneEnd.set(g, Math.max(geneEnd.getInt(g), txEnd.getInt(t)));
        }
        for (int i = 0; i < exonTx.size(); i++) {
            int g = txGene.getInt(exonTx.getInt(i));
            if (g >= 0 && geneLine.getLong(g) < 0) {
                geneStart.set(g, Math.min(geneStart.getInt(g), exonStart.getInt(i)));
                geneEnd.set(g, Math.max(geneEnd.getInt(g), exonEnd.getInt(i)));
            }
        }
        for (int g = 0; g < geneIds.size(); g++) {
            if (geneLine.getLong(g) < 0 && geneContig.getInt(g) >= 0) {
                geneLine.set(g, -geneLine.getLong(g));   // defined now, at its first mention
            }
        }
    }

    /** Names a gene that has none yet (a GTF gene known only from its features' gene_name). */
    public void nameGene(String id, String name) {
        Integer g = geneIndex.get(id);
        if (g != null && geneNames.get(g) == null) {
            geneNames.set(g, name);
        }
    }

    public TranscriptModels build() {
        int genes = geneIds.size();
        int txs = txIds.size();
        for (int t = 0; t < txs; t++) {
            if (txLine.getLong(t) < 0) {
                throw InputException.at(source, -txLine.getLong(t), "transcript '" + txIds.get(t) + "' is named as "
                        + "a parent but never defined");
            }
        }
        for (int g = 0; g < genes; g++) {
            if (geneLine.getLong(g) < 0) {
                throw InputException.at(source, -geneLine.getLong(g), "gene '" + geneIds.get(g) + "' is named as a "
                        + "parent but never defined");
            }
        }
        for (int t = 0; t < txs; t++) {
            int g = txGene.getInt(t);
            if (geneContig.getInt(g) != txContig.getInt(t) || geneStrand.get(g) != txStrand.get(t)) {
                throw InputException.at(source, txLine.getLong(t), "transcript '" + txIds.get(t) + "' is on "
                        + contigs.get(txContig.getInt(t)) + " " + txStrand.get(t) + ", its gene '" + geneIds.get(g)
                        + "' (line " + geneLine.getLong(g) + ") on " + contigs.get(geneContig.getInt(g)) + " "
                        + geneStrand.get(g));
            }
        }
        exonsFromCds(txs);
        int[] exonOrder = order(exonTx, exonStart);
        int[] cdsOrder = order(cdsTx, cdsStart);
        int[] txFirstExon = firsts(exonTx, exonOrder, txs);
        int[] txFirstCds = firsts(cdsTx, cdsOrder, txs);
        int[] es = permute(exonStart, exonOrder);
        int[] ee = permute(exonEnd, exonOrder);
        int[] cs = permute(cdsStart, cdsOrder);
        int[] ce = permute(cdsEnd, cdsOrder);
        byte[] cp = new byte[cdsOrder.length];
        for (int i = 0; i < cp.length; i++) {
            cp[i] = (byte) cdsPhase.getInt(cdsOrder[i]);
        }
        int[] ts = txStart.toIntArray();
        int[] te = txEnd.toIntArray();
        for (int t = 0; t < txs; t++) {
            checkTranscript(t, txFirstExon, txFirstCds, es, ee, cs, ce, exonOrder, cdsOrder, ts, te);
        }
        // Genes' transcripts, in file order.
        int[] counts = new int[genes + 1];
        for (int t = 0; t < txs; t++) {
            counts[txGene.getInt(t) + 1]++;
        }
        for (int g = 0; g < genes; g++) {
            counts[g + 1] += counts[g];
        }
        int[] byGene = new int[txs];
        int[] fill = counts.clone();
        for (int t = 0; t < txs; t++) {
            byGene[fill[txGene.getInt(t)]++] = t;
        }
        Map<String, Integer> keys = new HashMap<>(genes * 3);
        for (int g = 0; g < genes; g++) {
            GeneKeys.put(keys, geneIds.get(g), g);
            if (geneNames.get(g) != null) {
                GeneKeys.put(keys, geneNames.get(g), g);
            }
        }
        Map<String, Integer> transcripts = new HashMap<>(txs * 3);
        for (int t = 0; t < txs; t++) {
            transcripts.put(txIds.get(t), t);
            transcripts.putIfAbsent(GeneKeys.unversioned(txIds.get(t)), t);
        }
        char[] strands = new char[genes];
        for (int g = 0; g < genes; g++) {
            strands[g] = geneStrand.get(g);
        }
        return new TranscriptModels(source, contigs.toArray(new String[0]), geneIds.toArray(new String[0]),
                geneNames.toArray(new String[0]), geneContig.toIntArray(), strands, geneStart.toIntArray(),
                geneEnd.toIntArray(), counts, byGene, txIds.toArray(new String[0]), txGene.toIntArray(),
                txBiotype.toArray(new String[0]), txTags.toIntArray(), ts, te, txFirstExon, txFirstCds, es, ee, cs, ce,
                cp, proteins(), keys, transcripts);
    }

    private String[] proteins() {
        String[] out = new String[txIds.size()];
        txProtein.forEach((t, p) -> out[t] = p);
        return out;
    }

    /**
     * A transcript given with CDS but no exon lines (NCBI's viral and bacterial GFF3, bcftools' test files) has its
     * CDS for exons, as bcftools csq reads it: overlapping or touching segments (a ribosomal slippage) become one.
     */
    private void exonsFromCds(int txs) {
        boolean[] hasExon = new boolean[txs];
        for (int i = 0; i < exonTx.size(); i++) {
            hasExon[exonTx.getInt(i)] = true;
        }
        int[] order = order(cdsTx, cdsStart);
        int i = 0;
        while (i < order.length) {
            int t = cdsTx.getInt(order[i]);
            if (hasExon[t]) {
                i++;
                continue;
            }
            int start = cdsStart.getInt(order[i]);
            int end = cdsEnd.getInt(order[i]);
            long line = cdsLine.getLong(order[i]);
            i++;
            while (i < order.length && cdsTx.getInt(order[i]) == t) {
                if (cdsStart.getInt(order[i]) <= end + 1) {
                    end = Math.max(end, cdsEnd.getInt(order[i]));
                } else {
                    addExon(t, start, end, line);
                    start = cdsStart.getInt(order[i]);
                    end = cdsEnd.getInt(order[i]);
                    line = cdsLine.getLong(order[i]);
                }
                i++;
            }
            addExon(t, start, end, line);
        }
    }

    private void addExon(int t, int start, int end, long line) {
        exonTx.add(t);
        exonStart.add(start);
        exonEnd.add(end);
        exonLine.add(line);
    }

    /** Exons inside a declared span, CDS inside exons; an undeclared span (0) becomes the exons'. */
    private void checkTranscript(int t, int[] firstExon, int[] firstCds, int[] es, int[] ee, int[] cs, int[] ce,
                                 int[] exonOrder, int[] cdsOrder, int[] ts, int[] te) {
        int e0 = firstExon[t];
        int e1 = firstExon[t + 1];
        if (e0 == e1) {
            if (firstCds[t] < firstCds[t + 1]) {
                throw InputException.at(source, cdsLine.getLong(cdsOrder[firstCds[t]]), "CDS of transcript '"
                        + txIds.get(t) + "', which has no exons");
            }
            return;   // a transcript line without exons: kept, it has no bases to report
        }
        if (ts[t] == 0) {
            ts[t] = es[e0];
            te[t] = max(ee, e0, e1);
        } else {
            for (int i = e0; i < e1; i++) {
                if (es[i] < ts[t] || ee[i] > te[t]) {
                    throw InputException.at(source, exonLine.getLong(exonOrder[i]), "exon " + es[i] + "-" + ee[i]
                            + " lies outside its transcript '" + txIds.get(t) + "' (" + ts[t] + "-" + te[t]
                            + ", line " + txLine.getLong(t) + ")");
                }
            }
        }
        int e = e0;
        for (int c = firstCds[t]; c < firstCds[t + 1]; c++) {
            while (e < e1 && ee[e] < cs[c]) {
                e++;
            }
            if (e == e1 || es[e] > cs[c] || ee[e] < ce[c]) {
                throw InputException.at(source, cdsLine.getLong(cdsOrder[c]), "CDS " + cs[c] + "-" + ce[c]
                        + " of transcript '" + txIds.get(t) + "' is not within one of its exons");
            }
        }
    }

    private static int max(int[] a, int from, int to) {
        int m = Integer.MIN_VALUE;
        for (int i = from; i < to; i++) {
            m = Math.max(m, a[i]);
        }
        return m;
    }

    /** Indexes of the features sorted by (transcript, start). */
    private static int[] order(IntArrayList tx, IntArrayList start) {
        int n = tx.size();
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        int[] t = tx.elements();
        int[] s = start.elements();
        IntArrays.parallelQuickSort(perm, (a, b) -> t[a] != t[b] ? Integer.compare(t[a], t[b])
                : Integer.compare(s[a], s[b]));
        return perm;
    }

    private static int[] firsts(IntArrayList tx, int[] order, int transcripts) {
        int[] first = new int[transcripts + 1];
        for (int i : order) {
            first[tx.getInt(i) + 1]++;
        }
        for (int t = 0; t < transcripts; t++) {
            first[t + 1] += first[t];
        }
        return first;
    }

    private static int[] permute(IntArrayList values, int[] order) {
        int[] out = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = values.getInt(order[i]);
        }
        return out;
    }
}
