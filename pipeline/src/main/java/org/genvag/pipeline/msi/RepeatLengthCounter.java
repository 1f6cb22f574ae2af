// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.msi;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.broadinstitute.gatk.nativebindings.smithwaterman.SWAlignerNativeBinding;
import org.genvag.core.genome.ContigNames;
import org.genvag.core.msi.LengthHistograms;
import org.genvag.core.msi.RepeatRealigner;
import org.genvag.core.msi.RepeatSite;
import org.genvag.io.bam.BamReader;
import org.genvag.io.bam.BamRecord;
import org.genvag.pipeline.align.Aligners;

/**
 * Measures each site's repeat length in every read that spans it, in one pass over a coordinate-sorted BAM. Reads
 * must pass the filters (flag mask 1796: unmapped, secondary, QC-fail, duplicate; MAPQ >= 20). A read is anchored
 * at a site in one of two ways:
 * <ul>
 * <li>by its alignment: both flanks lie in aligned bases (M, =, X) and the read's flank bases equal the reference's
 * (the common case, no extra work);</li>
 * <li>failing that, when the read's unclipped extent covers the site and both flanks, by a local realignment of the
 * read against the site's haplotype ({@link RepeatRealigner}, Smith-Waterman through the gatk-native-bindings SPI):
 * this recovers reads the mapper soft-clipped inside the repeat or whose indel it placed in a flank.</li>
 * </ul>
 * Either way both flanks must be present base for base, so a read with a real mismatch or indel in a flank, or that
 * ends inside a flank, is not counted. The length is the number of read bases between the flanks. Reads longer
 * than {@value RepeatRealigner#MAX_READ_LENGTH} bases are only anchored by their alignment. A read whose
 * leading soft clip reaches more than {@value #MAX_LEADING_CLIP} bases before its alignment is only realigned for
 * sites within that reach.
 */
public final class RepeatLengthCounter {
    public static final int FLAG_MASK = 1796;
    public static final int MIN_MAPQ = 20;
    /** How far before a read's aligned start its soft-clipped bases are looked at (records come in aligned order). */
    public static final int MAX_LEADING_CLIP = 300;

    private final List<RepeatSite> sites;
    private final LengthHistograms out;
    private final int[][] perRef;
    private final long[] starts;
    private final long[] ends;
    private final int[] flanks;
    /** The longest site with its flanks: how far a clipped read's extent estimate may be off. */
    private final int maxSiteSpan;
    private final int[] readOffset = new int[2];
    private final RepeatRealigner realigner;
    private final byte[][] readBuffers = new byte[512][];
    private int lastRef = -1;
    private int first;
    private long counted;
    private long realigned;

    /**
     * A counter to feed record by record ({@link #accept}), for a pass that also does other work (coverage): the
     * BAM is decoded once for both.
     *
     * @param refNames the BAM header's reference names, in order
     */
    public RepeatLengthCounter(List<RepeatSite> sites, List<String> refNames, LengthHistograms out) {
        this(sites, refNames, out, Aligners.best().get());
    }

    /** @param aligner the Smith-Waterman for reads not anchored by their alignment, or null to count those not */
    public RepeatLengthCounter(List<RepeatSite> sites, List<String> refNames, LengthHistograms out,
                               SWAlignerNativeBinding aligner) {
        this.sites = sites;
        this.realigner = aligner == null ? null : new RepeatRealigner(aligner, sites.size());
        this.out = out;
        Map<String, List<Integer>> byContig = new HashMap<>();
        for (int i = 0; i < sites.size(); i++) {
            byContig.computeIfAbsent(ContigNames.canonical(sites.get(i).contig()), c -> new ArrayList<>()).add(i);
        }
        perRef = new int[refNames.size()][];
        for (int r = 0; r < refNames.size(); r++) {
            perRef[r] = byContig.getOrDefault(ContigNames.canonical(refNames.get(r)), List.of()).stream()
                    .mapToInt(Integer::intValue).toArray();   // site lists are in start order within a contig
        }
        starts = new long[sites.size()];
        ends = new long[sites.size()];
        flanks = new int[sites.size()];
        int longest = 0;
        for (int i = 0; i < sites.size(); i++) {
            RepeatSite s = sites.get(i);
            flanks[i] = s.leftFlank().length();
            starts[i] = s.start() - flanks[i];          // 1-based first base that must be aligned
            ends[i] = s.end() + s.rightFlank().length();
            longest = (int) Math.max(longest, ends[i] - starts[i] + 1);
        }
        maxSiteSpan = longest;
    }

    /**
     * Fills {@code out} (one row per site, in {@code sites} order) from the reader's records; the counter says how
     * many reads were measured and realigned.
     */
    public static RepeatLengthCounter count(BamReader reader, List<RepeatSite> sites, LengthHistograms out)
            throws IOException {
        RepeatLengthCounter c = new RepeatLengthCounter(sites, reader.header().names(), out);
        BamRecord r = new BamRecord();
        while (reader.next(r)) {
            c.accept(r);
        }
        return c;
    }

    /** Reads measured so far (one per read and site), realigned ones included. */
    public long counted() {
        return counted;
    }

    /** Smith-Waterman alignments run (reads not anchored by their alignment that hold both flanks' bases). */
    public long realignments() {
        return realigner == null ? 0 : realigner.alignments();
    }

    /** Of {@link #counted()}, the reads anchored by realignment. */
    public long realigned() {
        return realigned;
    }

    /** Measures the sites this record spans; records must come in coordinate order. */
    public void accept(BamRecord r) {
        if ((r.flag() & FLAG_MASK) != 0 || r.mapq() < MIN_MAPQ || r.refId() < 0) {
            return;
        }
        int ref = r.refId();
        if (ref != lastRef) {
            lastRef = ref;
            first = 0;
        }
        int[] ids = ref < perRef.length ? perRef[ref] : NONE;
        long readStart = r.pos() + 1L;     // 1-based
        long readEnd = r.end();            // 1-based last aligned base
        while (first < ids.length && ends[ids[first]] < readStart - MAX_LEADING_CLIP) {
            first++;
        }
        // The unclipped extent, for realignment; a clip hides the read's indels, so it is only an estimate.
        long spanStart = readStart;
        long spanEnd = readEnd;
        int slack = 0;
        int ops = r.cigarCount();
        if (realigner != null && ops > 1) {
            if (r.cigarOp(0) == BamRecord.OP_S) {
                spanStart -= Math.min(MAX_LEADING_CLIP, r.cigarLength(0));
                slack = maxSiteSpan;
            }
            if (r.cigarOp(ops - 1) == BamRecord.OP_S) {
                spanEnd += r.cigarLength(ops - 1);
                slack = maxSiteSpan;
            }
        }
        byte[] bases = null;
        for (int k = first; k < ids.length && starts[ids[k]] <= spanEnd + slack; k++) {
            int id = ids[k];
            if (starts[id] >= readStart && ends[id] <= readEnd) {
                RepeatSite s = sites.get(id);
                if (offsets(r, s.start() - 1, s.end() + 1, readOffset)
                        && matches(r, readOffset[0] - flanks[id] + 1, s.leftFlank())
                        && matches(r, readOffset[1], s.rightFlank())) {
                    out.add(id, readOffset[1] - readOffset[0] - 1);
                    counted++;
                    continue;
                }
            }
            if (realigner == null) {
                continue;
            }
            // Not anchored by the alignment: realign when the read may hold the site, flanks and all. An indel in
            // a clipped part shifts the extent by at most about the repeat's own length.
            int siteSpan = (int) (ends[id] - starts[id]) + 1;
            int allowance = slack == 0 ? 0 : siteSpan;
            if (starts[id] + allowance >= spanStart && ends[id] - allowance <= spanEnd) {
                if (bases == null) {
                    bases = bases(r);
                }
                int length = realigner.repeatLength(id, sites.get(id), bases);
                if (length >= 0) {
                    out.add(id, length);
                    counted++;
                    realigned++;
                }
            }
        }
    }

    /** The read's bases in a buffer reused for reads of the same length (the SPI takes whole arrays). */
    private byte[] bases(BamRecord r) {
        int n = r.seqLength();
        byte[] b;
        if (n < readBuffers.length) {
            b = readBuffers[n];
            if (b == null) {
                b = readBuffers[n] = new byte[n];
            }
        } else {
            b = new byte[n];
        }
        for (int i = 0; i < n; i++) {
            b[i] = r.base(i);
        }
        return b;
    }

    private static final int[] NONE = new int[0];

    /**
     * Read offsets of two reference positions (1-based), both required to fall in aligned (M, =, X) bases;
     * false when either is deleted, skipped or outside the alignment.
     */
    static boolean offsets(BamRecord r, long refA, long refB, int[] out) {
        long ref = r.pos() + 1L;
        int read = 0;
        boolean foundA = false;
        boolean foundB = false;
        for (int i = 0, n = r.cigarCount(); i < n; i++) {
            int op = r.cigarOp(i);
            int len = r.cigarLength(i);
            switch (op) {
                case BamRecord.OP_M, BamRecord.OP_EQ, BamRecord.OP_X -> {
                    if (!foundA && refA >= ref && refA < ref + len) {
                        out[0] = read + (int) (refA - ref);
                        foundA = true;
                    }
                    if (!foundB && refB >= ref && refB < ref + len) {
                        out[1] = read + (int) (refB - ref);
                        foundB = true;
                    }
                    ref += len;
                    read += len;
                }
                case BamRecord.OP_I, BamRecord.OP_S -> read += len;
                case BamRecord.OP_D, BamRecord.OP_N -> ref += len;
                default -> {
                    // H and P consume neither
                }
            }
        }
        return foundA && foundB;
    }

    private static boolean matches(BamRecord r, int from, String flank) {
        if (from < 0 || from + flank.length() > r.seqLength()) {
            return false;
        }
        for (int i = 0; i < flank.length(); i++) {
            if (r.base(from + i) != flank.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
