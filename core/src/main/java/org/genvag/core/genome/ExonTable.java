// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.genome;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import it.unimi.dsi.fastutil.ints.IntArrayList;

/**
 * Exons per Entrez gene on one build, in primitive arrays: a gene's exons are one run of {@code starts}/{@code ends}
 * (1-based, closed, sorted, merged). genvag bundles NCBI RefSeq's (all isoforms merged, UTRs included, no CDS), and
 * uses them as the independent witness of where a gene lies ({@link GeneSpans}) and as exon-level targets.
 */
public final class ExonTable implements GeneSpans {
    private final GenomeBuild build;
    private final String source;
    private final Map<String, Integer> geneIndex;
    private final String[] contigs;
    private final char[] strands;
    private final int[] firstExon;   // gene i's exons are [firstExon[i], firstExon[i + 1])
    private final int[] starts;
    private final int[] ends;

    private ExonTable(GenomeBuild build, String source, Map<String, Integer> geneIndex, String[] contigs,
                      char[] strands, int[] firstExon, int[] starts, int[] ends) {
        this.build = build;
        this.source = source;
        this.geneIndex = geneIndex;
        this.contigs = contigs;
        this.strands = strands;
        this.firstExon = firstExon;
        this.starts = starts;
        this.ends = ends;
    }

    public GenomeBuild build() {
        return build;
    }

    /** Where the table comes from, as its first line says. */
    public String source() {
        return source;
    }

    public int geneCount() {
        return contigs.length;
    }

    @Override
    public boolean knows(String entrezId) {
        return geneIndex.containsKey(entrezId);
    }

    /** Whether any of the gene's exons lies in {@code contig:start-end} (1-based, closed). */
    public boolean overlaps(String entrezId, String contig, int start, int end) {
        Integer g = geneIndex.get(entrezId);
        if (g == null || !contigs[g].equals(contig)) {
            return false;
        }
        for (int i = firstExon[g]; i < firstExon[g + 1]; i++) {
            if (starts[i] <= end && ends[i] >= start) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int exonBases(String entrezId, String contig, char strand, int start, int end) {
        Integer g = geneIndex.get(entrezId);
        if (g == null || !contigs[g].equals(contig) || strands[g] != strand) {
            return 0;
        }
        int bases = 0;
        for (int i = firstExon[g]; i < firstExon[g + 1]; i++) {
            int from = Math.max(starts[i], start);
            int to = Math.min(ends[i], end);
            bases += Math.max(0, to - from + 1);
        }
        return bases;
    }

    /** The gene's exons as [start, end] pairs (1-based, closed), in order; empty when the table lacks the gene. */
    public List<int[]> exons(String entrezId) {
        Integer g = geneIndex.get(entrezId);
        List<int[]> out = new ArrayList<>();
        if (g != null) {
            for (int i = firstExon[g]; i < firstExon[g + 1]; i++) {
                out.add(new int[] {starts[i], ends[i]});
            }
        }
        return out;
    }

    /** The gene's strand ('+' or '-'), or 0 when the table lacks it. */
    public char strand(String entrezId) {
        Integer g = geneIndex.get(entrezId);
        return g == null ? 0 : strands[g];
    }

    /** The contig the gene's exons are on, or null. */
    public String contig(String entrezId) {
        Integer g = geneIndex.get(entrezId);
        return g == null ? null : contigs[g];
    }

    /** First exon start to last exon end, or null when the table lacks the gene. */
    public int[] extent(String entrezId) {
        Integer g = geneIndex.get(entrezId);
        return g == null ? null : new int[] {starts[firstExon[g]], ends[firstExon[g + 1] - 1]};
    }

    /**
     * Collects rows in any order. A gene is kept on one contig: RefSeq places a few genes on both X and Y (the
     * pseudoautosomal regions); the first contig a gene is seen on is its contig here, and rows on another contig
     * are counted in {@link #otherContigRows()}.
     */
    public static final class Builder {
        private final GenomeBuild build;
        private final String source;
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> contigs = new ArrayList<>();
        private final List<Character> strands = new ArrayList<>();
        private final List<IntArrayList> exonStarts = new ArrayList<>();
        private final List<IntArrayList> exonEnds = new ArrayList<>();
        private int otherContig;

        public Builder(GenomeBuild build, String source) {
            this.build = build;
            this.source = source;
        }

        public void add(String entrezId, String contig, char strand, int start, int end) {
            Integer g = index.get(entrezId);
            if (g == null) {
                g = contigs.size();
                index.put(entrezId, g);
                contigs.add(contig);
                strands.add(strand);
                exonStarts.add(new IntArrayList(8));
                exonEnds.add(new IntArrayList(8));
            } else if (!contigs.get(g).equals(contig)) {
                otherContig++;
                return;
            }
            exonStarts.get(g).add(start);
            exonEnds.get(g).add(end);
        }

        public int otherContigRows() {
            return otherContig;
        }

        public ExonTable build() {
            int genes = contigs.size();
            int[] first = new int[genes + 1];
            int total = 0;
            for (int g = 0; g < genes; g++) {
                first[g] = total;
                total += exonStarts.get(g).size();
            }
            first[genes] = total;
            int[] s = new int[total];
            int[] e = new int[total];
            char[] strandArray = new char[genes];
            for (int g = 0; g < genes; g++) {
                int[] gs = exonStarts.get(g).toIntArray();
                int[] ge = exonEnds.get(g).toIntArray();
                sortByStart(gs, ge);
                System.arraycopy(gs, 0, s, first[g], gs.length);
                System.arraycopy(ge, 0, e, first[g], ge.length);
                strandArray[g] = strands.get(g);
            }
            return new ExonTable(build, source, Map.copyOf(index), contigs.toArray(new String[0]), strandArray,
                    first, s, e);
        }

        private static void sortByStart(int[] s, int[] e) {
            for (int i = 1; i < s.length; i++) {   // rows arrive sorted by position: usually nothing moves
                for (int j = i; j > 0 && s[j - 1] > s[j]; j--) {
                    int t = s[j];
                    s[j] = s[j - 1];
                    s[j - 1] = t;
                    t = e[j];
                    e[j] = e[j - 1];
                    e[j - 1] = t;
                }
            }
        }
    }
}
