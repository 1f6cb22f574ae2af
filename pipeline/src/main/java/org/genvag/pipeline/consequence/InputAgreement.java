// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.consequence;

import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.genvag.core.error.InputException;
import org.genvag.core.transcript.TranscriptModels;

/**
 * Whether a {@code genvag csq} run's inputs agree with each other where a wrong pairing would give wrong consequences
 * without any other sign: the VCF's contigs against the annotation's, and the annotation against the reference
 * (its coding transcripts' start codons). Checked after the records, before the output is kept.
 */
final class InputAgreement {
    /** Coding transcripts spliced before the check means anything (a few may lack their start: cds_start_NF). */
    private static final int START_CHECK_FROM = 100;

    /**
     * An annotation and a FASTA of different builds (a GRCh37 GFF with a GRCh38 reference) give consequences on the
     * wrong bases with nothing else to show for it: the REF check compares the VCF with the FASTA, not the GFF. With
     * matching files nearly every coding transcript spliced begins with ATG (cds_start_NF ones and rare non-AUG starts
     * aside); with mismatched ones about 1 in 64. Fewer than half is an error (no output), or with {@code lenient} a
     * warning.
     */
    static void startCodons(List<RecordAnnotator> annotators, CsqJob.Request q, PrintWriter warnings) {
        long spliced = 0;
        long atg = 0;
        synchronized (annotators) {
            for (RecordAnnotator a : annotators) {
                spliced += a.codingSpliced();
                atg += a.atgStarts();
            }
        }
        if (spliced < START_CHECK_FROM || 2 * atg >= spliced) {
            return;
        }
        String message = q.gff() + " and " + q.reference() + ": only " + atg + " of the " + spliced + " coding "
                + "transcripts spliced from the reference begin with ATG (with the annotation's own reference nearly "
                + "all do): the annotation and the FASTA look like different builds";
        if (!q.lenient()) {
            throw new InputException(message + "; --lenient writes the consequences anyway");
        }
        warnings.println("genvag csq: warning: " + message);
    }

    /**
     * Records on contigs the annotation has no transcript on are intergenic, which is right for a decoy or an
     * unplaced contig and wrong when the files name contigs differently (a RefSeq GFF's NC_000001.11 against a VCF's
     * chr1; UCSC against Ensembl names are matched, and the run says which): when no record of the {@code records}
     * lies on a contig with transcripts it is an error (the output is not kept), otherwise a warning naming the
     * contigs.
     */
    static void contigs(List<RecordAnnotator> annotators, long records, String source, PrintWriter warnings,
                        TranscriptModels models) {
        Map<String, Long> noTranscripts = new TreeMap<>();
        Map<String, String> renamed = new TreeMap<>();
        synchronized (annotators) {
            for (RecordAnnotator a : annotators) {
                a.noTranscripts().forEach((contig, n) -> noTranscripts.merge(contig, n, Long::sum));
                renamed.putAll(a.renamed());
            }
        }
        if (!renamed.isEmpty()) {
            warnings.println("genvag csq: contigs matched across naming conventions (VCF = annotation): "
                    + renamed.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                    .collect(Collectors.joining(", ")));
        }
        long without = noTranscripts.values().stream().mapToLong(Long::longValue).sum();
        if (without == 0) {
            return;
        }
        String vcfContigs = noTranscripts.entrySet().stream().limit(8)
                .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", "))
                + (noTranscripts.size() > 8 ? ", ..." : "");
        if (without == records) {
            Set<String> gffContigs = new LinkedHashSet<>();
            for (int g = 0; g < models.geneCount() && gffContigs.size() < 8; g++) {
                gffContigs.add(models.geneContig(g));
            }
            throw new InputException(source + ": no record lies on a contig with transcripts in " + models.source()
                    + ": the VCF's contigs " + vcfContigs + ", the annotation's " + String.join(", ", gffContigs)
                    + (models.geneCount() > gffContigs.size() ? ", ..." : "") + " (named differently? RefSeq's "
                    + "GFF names contigs by accession, NC_000001.11; chr1 and 1 are matched)");
        }
        warnings.println("genvag csq: warning: " + without + " records on contigs with no transcript in "
                + models.source() + ": " + vcfContigs + "; their alleles are intergenic_variant");
    }

    private InputAgreement() {
    }
}
