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

    private RepeatLengthCounter() {
    }

    /** Fills {@code out} (one row per site, in {@code sites} order) from the reader's records. */
    public static long count(BamReader reader, List<RepeatSite> sites, LengthHistograms out) throws IOException {
        // Sites per BAM reference, in start order, as indexes into `sites`.
        Map<String, List<Integer>> byContig = new HashMap<>();
        for (int i = 0; i < sites.size(); i++) {
            byContig.computeIfAbsent(ContigNames.canonical(sites.get(i).contig()), c -> new ArrayList<>()).add(i);
        }
        List<String> names = reader.header().names();
        int[][] perRef = new int[names.size()][];
        for (int r = 0; r < names.size(); r++) {
            List<Integer> ids = byContig.getOrDefault(ContigNames.canonical(names.get(r)), List.of());
            int[] a = ids.stream().mapToInt(Integer::intValue).toArray();
            java.util.Arrays.sort(a);   // sites arrive sorted by start within a contig from the scan
            perRef[r] = a;
        }
        long[] starts = new long[sites.size()];
        long[] ends = new long[sites.size()];
        int[] flanks = new int[sites.size()];
        for (int i = 0; i < sites.size(); i++) {
            RepeatSite s = sites.get(i);
            flanks[i] = s.leftFlank().length();
            starts[i] = s.start() - flanks[i];          // 1-based first base that must be aligned
            ends[i] = s.end() + s.rightFlank().length();
        }
        BamRecord r = new BamRecord();
        int lastRef = -1;
        int first = 0;
        long counted = 0;
        int[] readOffset = new int[2];
        while (reader.next(r)) {
            if ((r.flag() & FLAG_MASK) != 0 || r.mapq() < MIN_MAPQ || r.refId() < 0) {
                continue;
            }
            int ref = r.refId();
            if (ref != lastRef) {
                lastRef = ref;
                first = 0;
            }
            int[] ids = ref < perRef.length ? perRef[ref] : new int[0];
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
        return counted;
    }

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
