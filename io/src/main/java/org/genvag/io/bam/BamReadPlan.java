// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.bam;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.genvag.core.error.InputException;
import org.genvag.core.genome.ContigNames;
import org.genvag.core.interval.ContigSegments;
import org.genvag.core.panel.PanelIntervals;
import org.genvag.io.ReadMode;
import org.genvag.io.bam.BamHeader;
import org.genvag.io.bam.BamReader;
import org.genvag.io.bgzf.VirtualRanges;

import htsjdk.samtools.BAMFileSpan;
import htsjdk.samtools.BAMIndex;
import htsjdk.samtools.CSIIndex;
import htsjdk.samtools.Chunk;
import htsjdk.samtools.DiskBasedBAMFileIndex;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.samtools.SAMSequenceRecord;

/**
 * Decides how to read a BAM for a panel: stream it all, or jump with its BAI or CSI index to the chunks covering
 * the panel. In auto mode the index is used when it exists and the panel covers at most
 * {@value #INDEX_MAX_PERCENT}% of the reference; {@link #reason()} says what was chosen and why.
 */
public final class BamReadPlan {
    /** BAI's linear index window (16 kb): segments closer than this share index bins and are queried together. */
    private static final long INDEX_WINDOW = 1 << 14;

    static final int INDEX_MAX_PERCENT = 25;
    /** Above this share of the file, jumping (single-threaded) is slower than streaming (parallel). */
    static final int MAX_FILE_PERCENT = 50;

    private final VirtualRanges ranges;
    private final String reason;

    private BamReadPlan(VirtualRanges ranges, String reason) {
        this.ranges = ranges;
        this.reason = reason;
    }

    public boolean indexed() {
        return ranges != null;
    }

    public String reason() {
        return reason;
    }

    /** The index beside a BAM: x.bam.bai, x.bai or x.bam.csi (samtools' names), or null. */
    static Path findIndex(Path bam) {
        String name = bam.getFileName().toString();
        List<Path> candidates = new ArrayList<>(List.of(bam.resolveSibling(name + ".bai"),
                bam.resolveSibling(name + ".csi")));
        if (name.endsWith(".bam")) {
            candidates.add(1, bam.resolveSibling(name.substring(0, name.length() - 4) + ".bai"));
        }
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    public static BamReadPlan choose(String bam, BamHeader header, PanelIntervals panel, ReadMode mode)
            throws IOException {
        Path index = bam.equals("-") ? null : findIndex(Path.of(bam));
        long genome = 0;
        for (long l : header.lengths()) {
            genome += l;
        }
        long covered = panel.index().coveredBases();
        String share = String.format("panel covers %.2f%% of the reference", 100.0 * covered / Math.max(1, genome));
        if (mode == ReadMode.STREAM) {
            return new BamReadPlan(null, "streaming the whole file (--mode stream; " + share + ")");
        }
        if (index == null) {
            if (mode == ReadMode.INDEX) {
                throw new InputException(bam + ": --mode index needs a BAI or CSI index beside it (make one with: "
                        + "samtools index " + bam + ")");
            }
            return new BamReadPlan(null, "streaming the whole file (no BAI or CSI index; " + share + ")");
        }
        if (mode == ReadMode.AUTO && covered * 100 > genome * INDEX_MAX_PERCENT) {
            return new BamReadPlan(null, "streaming the whole file (" + share + ", above " + INDEX_MAX_PERCENT
                    + "%: the index would not save reading)");
        }
        if (Files.getLastModifiedTime(index).compareTo(Files.getLastModifiedTime(Path.of(bam))) < 0) {
            throw new InputException(index + " is older than " + bam + ": re-index it (samtools index " + bam
                    + ") or use --mode stream");
        }
        // The index reader needs only the references' number and lengths. Their names stand in as their numbers:
        // htsjdk refuses names such as 'chr1,chr3' (htslib's colons.bam) by a regular expression, but htslib and
        // genvag's stream read them, so the index path must not fail where streaming works.
        SAMSequenceDictionary dict = new SAMSequenceDictionary();
        for (int i = 0; i < header.names().size(); i++) {
            dict.addSequence(new SAMSequenceRecord("ref" + i,
                    (int) Math.min(Integer.MAX_VALUE, header.lengths().get(i))));
        }
        List<long[]> chunks = new ArrayList<>();
        BAMIndex bai = null;
        CSIIndex csi = null;
        try {
            if (index.toString().endsWith(".csi")) {
                csi = new CSIIndex(index, dict);
            } else {
                bai = new DiskBasedBAMFileIndex(index.toFile(), dict);
            }
            for (int ref = 0; ref < header.names().size(); ref++) {
                ContigSegments s = panel.index().contig(ContigNames.canonical(header.names().get(ref)));
                if (s == null) {
                    continue;
                }
                // Segments closer than the index's 16 kb window are asked for as one span: exon targets are
                // thousands of short segments, and one index query each cost more than the pass (the chunks of the
                // joined span are a superset, read and filtered by position as any chunk is).
                int i = 0;
                while (i < s.size()) {
                    long from = s.start(i);
                    long to = s.end(i);
                    int j = i + 1;
                    while (j < s.size() && s.start(j) - to <= INDEX_WINDOW) {
                        to = Math.max(to, s.end(j));
                        j++;
                    }
                    i = j;
                    int start = (int) Math.min(Integer.MAX_VALUE, from + 1);   // htsjdk: 1-based, closed
                    int end = (int) Math.min(Integer.MAX_VALUE, to);
                    BAMFileSpan span = csi != null ? csi.getSpanOverlapping(ref, start, end)
                            : bai.getSpanOverlapping(ref, start, end);
                    if (span != null) {
                        for (Chunk c : span.getChunks()) {
                            chunks.add(new long[] {c.getChunkStart(), c.getChunkEnd()});
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            throw new InputException(index + ": not a readable BAM index: " + e.getMessage());
        } finally {
            if (bai != null) {
                bai.close();
            }
        }
        VirtualRanges ranges = VirtualRanges.merge(chunks);
        long size = Files.size(Path.of(bam));
        double fileShare = 100.0 * ranges.compressedSpan() / Math.max(1, size);
        if (mode == ReadMode.AUTO && fileShare > MAX_FILE_PERCENT) {
            // The reads sit where the panel is (a capture BAM): the index would read nearly everything, on one thread.
            return new BamReadPlan(null, String.format("streaming the whole file (the index chunks for the panel span "
                    + "%.0f%% of the file; %s)", fileShare, share));
        }
        return new BamReadPlan(ranges, String.format("jumping with the %s index to %d chunks, about %.1f%% of the file "
                + "(%s%s)", index.toString().endsWith(".csi") ? "CSI" : "BAI", ranges.size(),
                100.0 * ranges.compressedSpan() / Math.max(1, size), share, mode == ReadMode.INDEX ? "; --mode index" : ""));
    }

    /** The records of the planned chunks, under the header already read. */
    public BamReader open(String bam, BamHeader header) throws IOException {
        return new BamReader(header, ranges.open(Path.of(bam)), bam);
    }
}
