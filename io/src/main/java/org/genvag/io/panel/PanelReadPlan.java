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
import org.genvag.io.bgzf.BgzfSliceSource;
import org.genvag.io.bgzf.ByteSources;
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
    public enum Mode { AUTO, STREAM, INDEX }

    static final int INDEX_MAX_PERCENT = 25;
    private static final long HUMAN_GENOME = 3_100_000_000L;

    private final boolean indexed;
    private final String reason;
    private final long[] starts;
    private final long[] ends;

    private PanelReadPlan(boolean indexed, String reason, long[] starts, long[] ends) {
        this.indexed = indexed;
        this.reason = reason;
        this.starts = starts;
        this.ends = ends;
    }

    public boolean indexed() {
        return indexed;
    }

    public String reason() {
        return reason;
    }

    public static PanelReadPlan choose(String in, VcfHeader header, PanelIntervals panel, Mode mode)
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
        if (mode == Mode.STREAM) {
            return stream("streaming the whole file (--mode stream; " + share + ")");
        }
        if (!hasIndex) {
            if (mode == Mode.INDEX) {
                throw new InputException(in + ": --mode index needs a tabix index " + (tbi == null ? "(standard "
                        + "input cannot be indexed)" : tbi + " (make one with: tabix -p vcf " + in + ")"));
            }
            return stream("streaming the whole file (no tabix index" + (tbi == null ? "" : " " + tbi) + "; " + share
                    + ")");
        }
        if (mode == Mode.AUTO && covered * 100 > genome * INDEX_MAX_PERCENT) {
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
        blocks.sort((a, b) -> Long.compare(a[0], b[0]));
        List<long[]> merged = new ArrayList<>();
        for (long[] b : blocks) {
            long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && b[0] <= last[1]) {
                last[1] = Math.max(last[1], b[1]);
            } else {
                merged.add(b.clone());
            }
        }
        long[] starts = new long[merged.size()];
        long[] ends = new long[merged.size()];
        long compressed = 0;
        for (int i = 0; i < merged.size(); i++) {
            starts[i] = merged.get(i)[0];
            ends[i] = merged.get(i)[1];
            compressed += (ends[i] >>> 16) - (starts[i] >>> 16) + 1;
        }
        long fileSize = Files.size(Path.of(in));
        return new PanelReadPlan(true, String.format("jumping with the tabix index to %d chunks, about %.1f%% of the "
                + "file (%s%s)", merged.size(), 100.0 * compressed / fileSize, share,
                mode == Mode.INDEX ? "; --mode index" : ""), starts, ends);
    }

    private static PanelReadPlan stream(String reason) {
        return new PanelReadPlan(false, reason, null, null);
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
        return new VcfReader(ByteSources.concat(ByteSources.of(buf), new BgzfSliceSource(Path.of(in), starts, ends)),
                in);
    }
}
