// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.panel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.genvag.core.error.InputException;
import org.genvag.core.genome.ContigNames;
import org.genvag.core.interval.ContigSegments;
import org.genvag.core.interval.SegmentCursor;
import org.genvag.core.panel.PanelIntervals;
import org.genvag.io.vcf.ContigDictionary;
import org.genvag.io.vcf.VcfRecord;

/**
 * Keeps the VCF records whose REF overlaps any panel region (any base of REF, or up to INFO END for symbolic
 * alleles, as {@code bcftools view -R} with {@code --regions-overlap 1}), and says which panels and genes each one
 * hits. Works on any record stream of the VCF engine; nothing is allocated per record that is not kept.
 *
 * <p>Contigs are matched by canonical name: a VCF that says "chr1" meets a panel's "1", and each such renaming is
 * reported. A VCF whose declared contigs share no name with the panel's is an error, not an empty result.
 */
public final class PanelVcfFilter {
    private final PanelIntervals intervals;
    private final ContigDictionary contigs;
    private final SegmentCursor cursor = new SegmentCursor();
    private ContigSegments[] byContig = new ContigSegments[0];
    private boolean[] looked = new boolean[0];
    private int currentContig = -1;
    private final Set<String> renamed = new LinkedHashSet<>();
    private final long[] labelHits;
    private final byte[][] geneBytes;
    private int[] hits = new int[16];
    private int hitCount;
    private long read;
    private long kept;
    private final byte[] genes = new byte[1 << 12];
    private int genesLength;

    public PanelVcfFilter(PanelIntervals intervals, ContigDictionary contigs, String vcfSource) {
        this.intervals = intervals;
        this.contigs = contigs;
        this.labelHits = new long[intervals.labelCount()];
        this.geneBytes = new byte[intervals.labelCount()][];
        checkNaming(vcfSource);
    }

    private void checkNaming(String vcfSource) {
        if (contigs.size() == 0) {
            return;   // no ##contig lines: names are matched as records arrive
        }
        List<String> panelContigs = new ArrayList<>();
        intervals.index().contigNames().forEach(panelContigs::add);
        for (int i = 0; i < contigs.size(); i++) {
            if (panelContigs.contains(ContigNames.canonical(contigs.name(i)))) {
                return;
            }
        }
        if (!panelContigs.isEmpty()) {
            throw new InputException(vcfSource + ": none of the VCF's contigs (" + sample(contigs.names())
                    + ") names a panel contig (" + sample(panelContigs) + "): is the VCF on another naming scheme "
                    + "or build?");
        }
    }

    private static String sample(List<String> names) {
        return names.size() <= 4 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 4)) + ", ... (" + names.size() + ")";
    }

    /** True when the record overlaps a panel region; its panels and genes are then in {@link #hitLabel(int)}. */
    public boolean test(VcfRecord r) {
        return test(r.contig(), r.pos(), r.endPos());
    }

    /**
     * The same test for a record known by its contig (index in the dictionary this filter was made with), POS and
     * last reference base: for records that come as columns of a variant store rather than as VCF lines.
     */
    public boolean test(int contig, long pos, long endPos) {
        read++;
        int c = contig;
        if (c != currentContig) {
            cursor.reset(segmentsFor(c));
            currentContig = c;
        }
        long start = Math.max(0, pos - 1);
        long end = Math.max(start + 1, endPos);
        if (cursor.overlaps(start, end) == 0) {
            return false;
        }
        collect();
        kept++;
        return true;
    }

    private ContigSegments segmentsFor(int contig) {
        if (contig >= looked.length) {
            int n = Math.max(contig + 1, looked.length * 2);
            looked = Arrays.copyOf(looked, n);
            byContig = Arrays.copyOf(byContig, n);
        }
        if (!looked[contig]) {
            String name = contigs.name(contig);
            String canonical = ContigNames.canonical(name);
            byContig[contig] = intervals.index().contig(canonical);
            if (byContig[contig] != null && !canonical.equals(name)) {
                renamed.add(name + "=" + canonical);
            }
            looked[contig] = true;
        }
        return byContig[contig];
    }

    private void collect() {
        ContigSegments s = cursor.segments();
        hitCount = 0;
        for (int i = cursor.firstHit(); i < cursor.hitEnd(); i++) {
            for (int k = 0; k < s.labelCount(i); k++) {
                int label = s.label(i, k);
                boolean seen = false;
                for (int h = 0; h < hitCount; h++) {
                    if (hits[h] == label) {
                        seen = true;
                        break;
                    }
                }
                if (!seen) {
                    if (hitCount == hits.length) {
                        hits = Arrays.copyOf(hits, hitCount * 2);
                    }
                    hits[hitCount++] = label;
                    labelHits[label]++;
                }
            }
        }
        // The INFO value: the genes hit, in order, without repeats across panels.
        genesLength = 0;
        for (int h = 0; h < hitCount; h++) {
            byte[] gene = geneBytes(hits[h]);
            boolean repeat = false;
            for (int k = 0; k < h; k++) {
                if (Arrays.equals(geneBytes(hits[k]), gene)) {
                    repeat = true;
                    break;
                }
            }
            if (!repeat) {
                appendGene(gene);
            }
        }
    }

    /**
     * A label's gene name as INFO value bytes, made once per label: INFO values may not hold ';', '=', ',' or
     * spaces, and region names from BED files could, so those become '_'.
     */
    private byte[] geneBytes(int label) {
        byte[] b = geneBytes[label];
        if (b == null) {
            String gene = intervals.geneOf(label);
            b = new byte[gene.length()];
            for (int i = 0; i < b.length; i++) {
                char ch = gene.charAt(i);
                b[i] = (byte) (ch == ';' || ch == '=' || ch == ',' || ch == ' ' || ch == '\t' ? '_' : ch);
            }
            geneBytes[label] = b;
        }
        return b;
    }

    private void appendGene(byte[] gene) {
        if (genesLength > 0 && genesLength < genes.length) {
            genes[genesLength++] = ',';
        }
        int n = Math.min(gene.length, genes.length - genesLength);
        System.arraycopy(gene, 0, genes, genesLength, n);
        genesLength += n;
    }

    /** {@link #genesValue()} without the copy: the first {@link #genesLength()} bytes, valid until the next test. */
    byte[] genesBuffer() {
        return genes;
    }

    int genesLength() {
        return genesLength;
    }

    /** The genes hit by the last kept record, comma-separated, as INFO value bytes. */
    public byte[] genesValue() {
        return Arrays.copyOf(genes, genesLength);
    }

    public int hitCount() {
        return hitCount;
    }

    public int hitLabel(int i) {
        return hits[i];
    }

    public long recordsRead() {
        return read;
    }

    public long recordsKept() {
        return kept;
    }

    /** Records that hit each label (panel gene or region). */
    public long hits(int label) {
        return labelHits[label];
    }

    /** VCF contigs matched to panel contigs under another name, as "vcfName=panelName". */
    public List<String> renamedContigs() {
        return List.copyOf(renamed);
    }

    /** Queries that went backwards (unsorted input), answered by binary search. */
    public long repositions() {
        return cursor.repositions();
    }
}
