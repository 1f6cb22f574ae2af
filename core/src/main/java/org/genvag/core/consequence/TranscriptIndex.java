// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.consequence;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntPredicate;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import org.genvag.core.genome.ContigNames;
import org.genvag.core.transcript.TranscriptModels;

/**
 * Transcripts by contig, sorted by their start, with each transcript's span widened by the up- and downstream
 * distance VEP reports (5 kb): {@link #overlapping} answers which transcripts an allele touches or lies near with a
 * binary search and a backward scan bounded by the running maximum of ends. Contigs are matched across the UCSC and
 * Ensembl/NCBI conventions ({@link ContigNames#canonical}: a VCF's "chr4" finds an Ensembl GFF's "4").
 */
final class TranscriptIndex {
    static final int FLANK = 5000;

    private final Map<String, Contig> contigs = new HashMap<>();
    private int size;
    /** The last contig asked for, by the caller's name, and its transcripts (a sorted VCF asks for one at a time). */
    private String lastName;
    private Contig last;

    /** {@code name}: the contig as the annotation names it. */
    private record Contig(String name, int[] transcripts, long[] starts, long[] maxEnds) {
    }

    TranscriptIndex(TranscriptModels m, IntPredicate keep) {
        Map<String, IntArrayList> byContig = new HashMap<>();
        for (int t = 0; t < m.transcriptCount(); t++) {
            if (m.exonCount(t) > 0 && keep.test(t)) {
                byContig.computeIfAbsent(ContigNames.canonical(m.geneContig(m.transcriptGene(t))),
                        k -> new IntArrayList()).add(t);
            }
        }
        byContig.forEach((contig, list) -> {
            int[] ts = list.toIntArray();
            Integer[] order = new Integer[ts.length];
            for (int i = 0; i < ts.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (x, y) -> Integer.compare(m.transcriptStart(ts[x]), m.transcriptStart(ts[y])));
            int[] sorted = new int[ts.length];
            long[] starts = new long[ts.length];
            long[] maxEnds = new long[ts.length];
            long max = Long.MIN_VALUE;
            for (int i = 0; i < ts.length; i++) {
                sorted[i] = ts[order[i]];
                starts[i] = m.transcriptStart(sorted[i]) - (long) FLANK;
                max = Math.max(max, m.transcriptEnd(sorted[i]) + (long) FLANK);
                maxEnds[i] = max;
            }
            contigs.put(contig, new Contig(m.geneContig(m.transcriptGene(sorted[0])), sorted, starts, maxEnds));
            size += sorted.length;
        });
    }

    /** How many transcripts the index holds. */
    int size() {
        return size;
    }

    /** Transcripts whose span widened by {@link #FLANK} overlaps {@code [lo, hi]}, in start order, into {@code out}. */
    void overlapping(String contig, long lo, long hi, IntArrayList out, TranscriptModels m) {
        out.clear();
        Contig c = contig(contig);
        if (c == null) {
            return;
        }
        int i = upperBound(c.starts, hi) - 1;
        int first = i + 1;
        while (i >= 0 && c.maxEnds[i] >= lo) {
            first = i;
            i--;
        }
        for (int k = first; k < c.starts.length && c.starts[k] <= hi; k++) {
            int t = c.transcripts[k];
            if (m.transcriptEnd(t) + (long) FLANK >= lo) {
                out.add(t);
            }
        }
    }

    /** The annotation's name for this contig (either naming convention), or null when it has no transcripts. */
    String annotationName(String contig) {
        Contig c = contig(contig);
        return c == null ? null : c.name();
    }

    private Contig contig(String name) {
        if (!name.equals(lastName)) {
            last = contigs.get(ContigNames.canonical(name));
            lastName = name;
        }
        return last;
    }

    /** The first index whose value is greater than {@code key}. */
    private static int upperBound(long[] a, long key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
