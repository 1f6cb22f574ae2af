// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.panel;

import java.io.IOException;
import java.nio.file.Path;

import org.genvag.core.error.InputException;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.core.panel.ExonTableTargetPlan;
import org.genvag.core.panel.TargetPlan;
import org.genvag.core.panel.TranscriptTargetPlan;
import org.genvag.core.transcript.TargetKind;
import org.genvag.core.transcript.TranscriptModels;
import org.genvag.io.genes.ExonTableReader;
import org.genvag.io.gff.GffReader;

/**
 * Which targets a job covers: {@code cds} or {@code exons} of each gene's reported transcript from a GFF3/GTF;
 * without one, {@code exons} from the bundled merged RefSeq exon table of the build (no CDS there: {@code cds} needs
 * a GFF); or {@code gene}, the whole span. The default: {@code cds} with a GFF, {@code exons} without.
 */
public final class TargetPlans {
    private TargetPlans() {
    }

    /** The annotation read from {@code gff}, or null. */
    public static TranscriptModels read(Path gff) throws IOException {
        return gff == null ? null : GffReader.read(gff);
    }

    public static TargetPlan choose(TranscriptModels gff, TargetKind asked, GenomeBuild build) {
        TargetKind kind = asked != null ? asked : gff != null ? TargetKind.CDS : TargetKind.EXONS;
        if (kind == TargetKind.GENE) {
            return TargetPlan.GENES;
        }
        if (gff != null) {
            return new TranscriptTargetPlan(gff, kind);
        }
        if (kind == TargetKind.CDS) {
            throw new InputException("--targets cds needs the coding exons of a transcript annotation: give --gff "
                    + "(GENCODE, Ensembl, RefSeq or MANE GFF3/GTF), or --targets exons for genvag's bundled RefSeq exons "
                    + "(no CDS)");
        }
        if (build == null) {
            return TargetPlan.GENES;   // BED regions only: no genes, nothing to target
        }
        return new ExonTableTargetPlan(ExonTableReader.bundled(build));
    }
}
