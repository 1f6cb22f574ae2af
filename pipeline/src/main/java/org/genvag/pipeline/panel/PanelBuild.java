package org.genvag.pipeline.panel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.genvag.core.genome.GenomeBuild;
import org.genvag.io.panel.BuildDetector;
import org.genvag.io.panel.PanelReader;

/**
 * The genome build a panel job works on: the one asked for, checked against the input's header; else the header's;
 * else, when every panel is BED regions, none at all (regions need no gene table, so a BAM or VCF of another organism
 * or a custom reference works); else an error asking for --build.
 */
public final class PanelBuild {
    private PanelBuild() {
    }

    /** The build, or null when none is known and none is needed. */
    public static GenomeBuild choose(GenomeBuild asked, Optional<BuildDetector.Detected> detected, List<Path> panels,
                                     String source) throws IOException {
        if (asked == null && detected.isEmpty() && PanelReader.regionsOnly(panels)) {
            return null;
        }
        return GenomeBuild.reconcile(asked, detected.map(BuildDetector.Detected::build).orElse(null),
                detected.map(BuildDetector.Detected::evidence).orElse(null), source);
    }

    /** How outputs name the build: "none" when the panels needed none. */
    public static String name(GenomeBuild build) {
        return build == null ? "none" : build.toString();
    }
}
