// SPDX-License-Identifier: Apache-2.0
package org.genvag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.genvag.io.vcf.VcfOutputType;
import org.genvag.pipeline.consequence.CsqJob;
import org.genvag.pipeline.consequence.TranscriptSet;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "csq", mixinStandardHelpOptions = true,
        header = "Add VEP-compatible consequences and HGVS (INFO/CSQ) from a GFF3/GTF and the reference.",
        description = {"Write the VCF again with INFO/CSQ as Ensembl VEP writes it: per ALT allele and",
            "transcript the SO terms, IMPACT, gene, transcript, exon/intron, HGVS c. and p.,",
            "positions, amino acids and codons. Each allele is judged alone (as bcftools",
            "csq -l). REF is checked against the FASTA: a mismatch is an error (exit 2), or",
            "with --lenient a warning and the record written without CSQ."})
final class CsqCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "VCF, VCF.gz (BGZF or gzip), or - for standard input")
    String in;

    @Option(names = {"-o", "--out"}, defaultValue = "-", description = "output file, or - for standard output "
            + "(default: ${DEFAULT-VALUE})")
    String out;

    @Option(names = {"-O", "--output-type"}, paramLabel = "v|z", description = "v: plain VCF, z: BGZF-compressed VCF "
            + "(default: by the output's name)")
    String outputType;

    @Option(names = {"-g", "--gff"}, required = true, paramLabel = "GFF", description = "transcripts: GENCODE, "
            + "Ensembl, RefSeq or MANE GFF3 or GTF, .gz or plain")
    Path gff;

    @Option(names = {"-f", "--reference", "--fasta-ref"}, required = true, paramLabel = "FASTA",
            description = "reference FASTA with its .fai (samtools faidx), plain or bgzipped")
    Path reference;

    @Option(names = "--transcripts", defaultValue = "all", paramLabel = "all|mane|canonical",
            description = "all (VEP's default), mane (MANE Select only) or canonical (one per gene: MANE Select, "
                    + "else Ensembl canonical, else the longest CDS) (default: ${DEFAULT-VALUE})")
    String transcripts;

    @Option(names = {"-c", "--tag"}, defaultValue = "CSQ", paramLabel = "KEY", description = "the INFO key to write "
            + "(default: ${DEFAULT-VALUE}, VEP's; another, say GENVAG_CSQ, beside a VCF's own CSQ)")
    String tag;

    @Option(names = "--lenient", description = "disagreements with the reference are warnings, not errors: a REF "
            + "that differs (the record written without CSQ), and an annotation whose coding transcripts mostly do not "
            + "begin with ATG in it (different builds?)")
    boolean lenient;

    @Mixin
    Threads threads;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        TranscriptSet set;
        try {
            set = TranscriptSet.parse(transcripts);
        } catch (IllegalArgumentException e) {
            err.println("genvag csq: " + e.getMessage());
            return Main.EXIT_INPUT;
        }
        CsqJob.Result r = CsqJob.run(new CsqJob.Request(in, out,
                outputType == null ? null : VcfOutputType.parse(outputType), gff, reference, set, lenient,
                threads.count(), tag), err);
        err.printf("genvag csq: %d records, %d with CSQ (%d entries), %d REF mismatches%n", r.records(),
                r.annotated(), r.entries(), r.refMismatches());
        return 0;
    }
}
