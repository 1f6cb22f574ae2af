// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.panel;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.genvag.core.error.InputException;
import org.genvag.core.panel.GenePanel;
import org.genvag.core.transcript.TranscriptModels;
import org.genvag.io.bgzf.VirtualRanges;
import org.genvag.io.panel.PanelReadPlan;
import org.genvag.io.vcf.VcfHeader;
import org.genvag.pipeline.panel.PanelFiltering;
import org.genvag.pipeline.panel.TargetPlans;

import htsjdk.samtools.util.BlockCompressedInputStream;
import htsjdk.tribble.index.tabix.TabixIndex;

/**
 * Decides on the driver, per VCF, what genvag filter would: the build (given, else from the header), the panels
 * resolved on it (once per build, however many files), their intervals; and whether the file's tabix index lets the
 * tasks read only the chunks that overlap the panel (as filter's automatic mode: when they span at most half the
 * file).
 */
public final class PanelPlanner {
    /** Above this share of the file, reading it all in splits is as cheap as jumping. */
    private static final double INDEX_MAX_SHARE = 0.5;

    private final PanelFiltering.Options options;
    private final TranscriptModels annotation;
    private final Map<String, List<GenePanel>> resolved = new HashMap<>();
    private final PanelFiltering.Panels perBuild;

    /** What one file is read by: the panel, and the index chunks to read (null: every split, filtered). */
    public record FilePlan(ShippedPanel panel, VirtualRanges chunks, String reason) {
    }

    public PanelPlanner(PanelFiltering.Options options) throws IOException {
        this.options = options;
        this.annotation = TargetPlans.read(options.gff());
        PanelFiltering.Panels fresh = PanelFiltering.resolvedPerRun(options, annotation);
        this.perBuild = build -> {
            String key = String.valueOf(build);
            List<GenePanel> known = resolved.get(key);
            if (known == null) {
                known = fresh.on(build);
                resolved.put(key, known);
            }
            return known;
        };
    }

    public FilePlan plan(String path, VcfHeader header, long length, boolean bgzf, Configuration conf)
            throws IOException {
        PanelFiltering.Setup setup = PanelFiltering.Setup.of(header, path, options, perBuild, annotation);
        List<String> names = new ArrayList<>();
        setup.panels().forEach(p -> names.add(p.name()));
        ShippedPanel panel = ShippedPanel.of(setup.intervals(), names);
        if (!bgzf) {
            return new FilePlan(panel, null, "every split, filtered (not BGZF: no index)");
        }
        Path tbi = new Path(path + ".tbi");
        FileSystem fs = tbi.getFileSystem(conf);
        if (!fs.exists(tbi)) {
            return new FilePlan(panel, null, "every split, filtered (no tabix index " + tbi + ")");
        }
        FileStatus index = fs.getFileStatus(tbi);
        if (index.getModificationTime() < fs.getFileStatus(new Path(path)).getModificationTime()) {
            throw new InputException(tbi + " is older than " + path + ": re-index it (tabix -f -p vcf " + path + ")");
        }
        TabixIndex tabix;
        try (InputStream in = new BlockCompressedInputStream(fs.open(tbi))) {
            tabix = new TabixIndex(in);
        } catch (RuntimeException e) {
            throw new InputException(tbi + ": not a readable tabix index: " + e.getMessage());
        }
        VirtualRanges chunks = PanelReadPlan.chunks(tabix, setup.intervals());
        double share = (double) chunks.compressedSpan() / Math.max(1, length);
        if (share > INDEX_MAX_SHARE) {
            return new FilePlan(panel, null, String.format("every split, filtered (the panel's index chunks span "
                    + "%.0f%% of the file)", 100 * share));
        }
        return new FilePlan(panel, chunks, String.format("%d tabix chunks, %.1f%% of the file", chunks.size(),
                100 * share));
    }
}
