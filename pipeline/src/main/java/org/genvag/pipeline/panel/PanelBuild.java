// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.panel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.genvag.core.genome.GeneResolver;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.core.transcript.AnnotationGenes;
import org.genvag.core.transcript.TranscriptModels;
import org.genvag.io.genes.GeneTableReader;
import org.genvag.io.panel.BuildDetector;
import org.genvag.io.panel.PanelReader;

/**
 * The genome build a panel job works on: the one asked for, checked against the input's header; else the header's;
 * else, when every panel is BED regions or a GFF is given, none at all (regions need no gene table, and gene names
 * then resolve against the GFF's genes, so a BAM or VCF of another organism or a custom reference works); else an
 * error asking for --build.
 */
public final class PanelBuild {
    private PanelBuild() {
    }

    /**
     * The build, or null when none is known and none is needed: with {@code annotation} (a GFF given) gene names
     * resolve against the annotation's own genes, so no build is needed either.
     */
    public static GenomeBuild choose(GenomeBuild asked, Optional<BuildDetector.Detected> detected, List<Path> panels,
                                     String source, boolean annotation) throws IOException {
        if (asked == null && detected.isEmpty() && (annotation || PanelReader.regionsOnly(panels))) {
            return null;
        }
        return GenomeBuild.reconcile(asked, detected.map(BuildDetector.Detected::build).orElse(null),
                detected.map(BuildDetector.Detected::evidence).orElse(null), source);
    }

    /**
     * The gene names' resolver: the bundled gene table of the build; without a build, the annotation's genes.
     */
    public static Supplier<GeneResolver> genes(GenomeBuild build, TranscriptModels annotation) {
        if (build != null) {
            return () -> GeneTableReader.bundled(build);
        }
        return () -> {
            if (annotation == null) {
                throw new IllegalStateException("gene names without a build or an annotation");
            }
            return new GeneResolver(null, AnnotationGenes.of(annotation));
        };
    }

    /** How outputs name the build: "none" when the panels needed none. */
    public static String name(GenomeBuild build) {
        return build == null ? "none" : build.toString();
    }
}
