// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.panel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.genvag.core.error.InputException;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.core.transcript.TargetKind;
import org.genvag.pipeline.panel.PanelFiltering;
import org.genvag.spark.source.SourceOptions;

/**
 * The genvag-vcf source's panel options, as {@code genvag filter} takes them: {@code panel} (one or more panel
 * files, comma-separated), {@code build}, {@code padding}, {@code targets} (gene, cds or exons) and {@code gff}.
 * The panel files are read on the driver.
 */
public final class PanelOptions {
    private PanelOptions() {
    }

    /** The options, or null when no panel was given. */
    public static PanelFiltering.Options of(Map<String, String> options) {
        String panel = SourceOptions.get(options, "panel");
        if (panel == null || panel.isBlank()) {
            return null;
        }
        List<Path> panels = new ArrayList<>();
        for (String p : panel.split(",")) {
            panels.add(Path.of(p.trim()));
        }
        PanelFiltering.Builder b = PanelFiltering.Options.builder(panels);
        String build = SourceOptions.get(options, "build");
        if (build != null) {
            b.genomeBuild(GenomeBuild.parse(build));
        }
        String padding = SourceOptions.get(options, "padding");
        if (padding != null) {
            try {
                b.padding(Long.parseLong(padding.trim()));
            } catch (NumberFormatException e) {
                throw new InputException("option padding: expected a whole number of bases, found '" + padding + "'");
            }
        }
        String targets = SourceOptions.get(options, "targets");
        String gff = SourceOptions.get(options, "gff");
        if (targets != null || gff != null) {
            b.targets(targets == null ? null : TargetKind.parse(targets), gff == null ? null : Path.of(gff));
        }
        return b.build();
    }
}
