// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.panel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.genvag.core.error.InputException;
import org.genvag.core.genome.ContigNames;
import org.genvag.core.interval.ContigSegments;
import org.genvag.core.panel.PanelIntervals;
import org.genvag.io.ReadMode;
import org.genvag.io.bgzf.ByteSources;
import org.genvag.io.bgzf.VirtualRanges;
import org.genvag.io.vcf.VcfHeader;
import org.genvag.io.vcf.VcfReader;

import htsjdk.tribble.index.Block;
import htsjdk.tribble.index.tabix.TabixIndex;

/**
 * Decides how to read a VCF for a panel: stream the whole file, or jump with its tabix index to the BGZF chunks that
 * cover the panel (what {@code bcftools view -R} does). In auto mode the index is used when it exists and the panel
 * covers at most {@value #INDEX_MAX_PERCENT}% of the genome; either way {@link #reason()} says what and why.
 */
public final class PanelReadPlan {
    static final int INDEX_MAX_PERCENT = 25;
    /** Above this share of the file, jumping (single-threaded) is slower than streaming (parallel). */
    static final int MAX_FILE_PERCENT = 50;
    private static final long HUMAN_GENOME = 3_100_000_000L;

    private final boolean indexed;
    private final String reason;
    private final VirtualRanges ranges;

    private PanelReadPlan(boolean indexed, String reason, VirtualRanges ranges) {
        this.indexed = indexed;
        this.reason = reason;
        this.ranges = ranges;
    }

    public boolean indexed() {
        return indexed;
    }

    public String reason() {
        return reason;
    }

    public static PanelReadPlan choose(String in, VcfHeader header, PanelIntervals panel, ReadMode mode)
            throws IOException {
        Path tbi = in.equals("-") ? null : Path.of(in + ".tbi");
        boolean hasIndex = tbi != null && Files.isRegularFile(tbi);
        long genome = 0;
        for (long length : header.contigs().values()) {
            genome += Math.max(0, length);
        }
        if (genome == 0) {
            genome = HUMAN_GENOME;
        }
        long covered = panel.index().coveredBases();
        String share = String.format("panel covers %.2f%% of the genome", 100.0 * covered / genome);
        if (mode == ReadMode.STREAM) {
            return stream("streaming the whole file (--mode stream; " + share + ")");
        }
        if (!hasIndex) {
            if (mode == ReadMode.INDEX) {
                throw new InputException(in + ": --mode index needs a tabix index " + (tbi == null ? "(standard "
                        + "input cannot be indexed)" : tbi + " (make one with: tabix -p vcf " + in + ")"));
            }
            return stream("streaming the whole file (no tabix index" + (tbi == null ? "" : " " + tbi) + "; " + share
                    + ")");
        }
        if (mode == ReadMode.AUTO && covered * 100 > genome * INDEX_MAX_PERCENT) {
            return stream("streaming the whole file (" + share + ", above " + INDEX_MAX_PERCENT
                    + "%: the index would not save reading)");
        }
        if (Files.getLastModifiedTime(tbi).compareTo(Files.getLastModifiedTime(Path.of(in))) < 0) {
            throw new InputException(tbi + " is older than " + in + ": re-index it (tabix -f -p vcf " + in + ") or "
                    + "use --mode stream");
        }
        TabixIndex index;
        try {
            index = new TabixIndex(tbi);
        } catch (IOException | RuntimeException e) {
            throw new InputException(tbi + ": not a readable tabix index: " + e.getMessage());
        }
        VirtualRanges ranges = chunks(index, panel);
        long fileSize = Files.size(Path.of(in));
        double fileShare = 100.0 * ranges.compressedSpan() / Math.max(1, fileSize);
        if (mode == ReadMode.AUTO && fileShare > MAX_FILE_PERCENT) {
            return stream(String.format("streaming the whole file (the index chunks for the panel span %.0f%% of "
                    + "the file; %s)", fileShare, share));
        }
        return new PanelReadPlan(true, String.format("jumping with the tabix index to %d chunks, about %.1f%% of the "
                + "file (%s%s)", ranges.size(), 100.0 * ranges.compressedSpan() / fileSize, share,
                mode == ReadMode.INDEX ? "; --mode index" : ""), ranges);
    }

    /** The index's chunks that hold records overlapping the panel's regions, merged, in file order. */
    public static VirtualRanges chunks(TabixIndex index, PanelIntervals panel) {
        Map<String, String> byCanonical = new HashMap<>();
        for (String name : index.getSequenceNames()) {
            byCanonical.put(ContigNames.canonical(name), name);
        }
        List<long[]> blocks = new ArrayList<>();
        for (String contig : panel.index().contigNames()) {
            String name = byCanonical.get(contig);
            ContigSegments s = panel.index().contig(contig);
            if (name == null) {
                continue;
            }
            for (int i = 0; i < s.size(); i++) {
                // htsjdk takes 1-based closed coordinates here.
                for (Block b : index.getBlocks(name, (int) Math.min(Integer.MAX_VALUE, s.start(i) + 1),
                        (int) Math.min(Integer.MAX_VALUE, s.end(i)))) {
                    blocks.add(new long[] {b.getStartPosition(), b.getEndPosition()});
                }
            }
        }
        return VirtualRanges.merge(blocks);
    }

    private static PanelReadPlan stream(String reason) {
        return new PanelReadPlan(false, reason, null);
    }

    /**
     * A reader over the header and the planned chunks only. The header comes from {@code streamed}, which has read
     * it already; the records come from the chunks, in file order.
     */
    public VcfReader openIndexed(String in, VcfReader streamed) throws IOException {
        StringBuilder header = new StringBuilder();
        for (String line : streamed.headerLines()) {
            header.append(line).append('\n');
        }
        byte[] bytes = header.toString().getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.allocateDirect(bytes.length + 8).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(bytes).flip();
        return new VcfReader(ByteSources.concat(ByteSources.of(buf), ranges.open(Path.of(in))), in)
                .withoutLineNumbers();
    }
}
