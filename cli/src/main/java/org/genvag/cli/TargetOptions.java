// SPDX-License-Identifier: Apache-2.0
package org.genvag.cli;

import java.nio.file.Path;

import org.genvag.core.transcript.TargetKind;

import picocli.CommandLine.Option;

/** What of each panel gene a command works on, said the same way by coverage, filter and annotate. */
final class TargetOptions {
    @Option(names = "--gff", paramLabel = "GFF", description = "transcript annotation (GENCODE, Ensembl, RefSeq or "
            + "MANE GFF3/GTF, .gz or plain): each gene is taken on its reported transcript (a TSV panel's transcript "
            + "column, else MANE Select, else Ensembl canonical, else the longest CDS)")
    Path gff;

    @Option(names = "--targets", paramLabel = "cds|exons|gene", description = "cds: the coding exons (needs --gff); "
            + "exons: all exons (from --gff, else genvag's bundled merged RefSeq exons, which have no CDS); gene: the "
            + "whole span, introns included. --padding applies to each target")
    String targets;

    /** The kind asked for, or {@code fallback} when none was. */
    TargetKind kind(TargetKind fallback) {
        return targets == null ? fallback : TargetKind.parse(targets);
    }
}
