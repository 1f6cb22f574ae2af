package org.genvag.io.msi;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.genvag.core.genome.ContigNames;
import org.genvag.core.msi.LengthHistograms;
import org.genvag.core.msi.RepeatSite;
import org.genvag.io.bam.BamReader;
import org.genvag.io.bam.BamRecord;

/**
 * Measures each site's repeat length in every read that spans it, in one pass over a coordinate-sorted BAM. A read
 * counts for a site when its alignment covers the site and both flanks with aligned bases (M, =, X), the flank
 * bases in the read equal the reference's exactly (the anchor), and it passes the filters (flag mask 1796:
 * unmapped, secondary, QC-fail, duplicate; MAPQ >= 20). The length is the number of read bases between the two
 * anchors, so insertions and deletions inside the repeat change it, and soft clips or indels in a flank make the
 * read not count. Reads needing a local realignment to be anchored are not counted yet.
 */
public final class RepeatLengthCounter {
    public static final int FLAG_MASK = 1796;
    public static final int MIN_MAPQ = 20;

    private final List<RepeatSite> sites;
    private final LengthHistograms out;
    private final int[][] perRef;
    private final long[] starts;
    private final long[] ends;
    private final int[] flanks;
    private final int[] readOffset = new int[2];
    private int lastRef = -1;
    private int first;
    private long counted;

    /**
     * A counter to feed record by record ({@link #accept}), for a pass that also does other work (coverage): the
     * BAM is decoded once for both.
     *
     * @param refNames the BAM header's reference names, in order
     */
    public RepeatLengthCounter(List<RepeatSite> sites, List<String> refNames, LengthHistograms out) {
        this.sites = sites;
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
        for (int i = 0; i < sites.size(); i++) {
            RepeatSite s = sites.get(i);
            flanks[i] = s.leftFlank().length();
            starts[i] = s.start() - flanks[i];          // 1-based first base that must be aligned
            ends[i] = s.end() + s.rightFlank().length();
        }
    }

    /** Fills {@code out} (one row per site, in {@code sites} order) from the reader's records. */
    public static long count(BamReader reader, List<RepeatSite> sites, LengthHistograms out) throws IOException {
        RepeatLengthCounter c = new RepeatLengthCounter(sites, reader.header().names(), out);
        BamRecord r = new BamRecord();
        while (reader.next(r)) {
            c.accept(r);
        }
        return c.counted();
    }

    /** Reads measured so far (one per read and site). */
    public long counted() {
        return counted;
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
        while (first < ids.length && ends[ids[first]] < readStart) {
            first++;
        }
        for (int k = first; k < ids.length && starts[ids[k]] <= readEnd; k++) {
            int id = ids[k];
            if (starts[id] < readStart || ends[id] > readEnd) {
                continue;
            }
            RepeatSite s = sites.get(id);
            if (!offsets(r, s.start() - 1, s.end() + 1, readOffset)) {
                continue;
            }
            if (matches(r, readOffset[0] - flanks[id] + 1, s.leftFlank())
                    && matches(r, readOffset[1], s.rightFlank())) {
                out.add(id, readOffset[1] - readOffset[0] - 1);
                counted++;
            }
        }
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
