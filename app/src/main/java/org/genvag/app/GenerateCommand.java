// SPDX-License-Identifier: Apache-2.0
package org.genvag.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

import org.genvag.core.error.InputException;
import org.genvag.core.genome.GeneResolution;
import org.genvag.core.genome.GeneResolver;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.io.bed.BedReader;
import org.genvag.io.bed.BedRecord;
import org.genvag.io.genes.GeneTableReader;
import org.genvag.io.text.TabFields;
import org.genvag.testdata.BamGenerator;
import org.genvag.testdata.Contig;
import org.genvag.testdata.FastaGenerator;
import org.genvag.testdata.GffGenerator;
import org.genvag.testdata.Region;
import org.genvag.testdata.SyntheticGenome;
import org.genvag.testdata.VcfGenerator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate large, realistic synthetic inputs (deterministic for a given --seed).",
        subcommands = {GenerateCommand.Vcf.class, GenerateCommand.Fasta.class, GenerateCommand.Bam.class,
            GenerateCommand.Gff.class})
public final class GenerateCommand {

    /** Options every generator shares: which genome, how contigs are named, the seed. */
    static final class GenomeOptions {
        @Option(names = "--genome", defaultValue = "GRCh38", description = "GRCh38, GRCh37 (real contig names and "
                + "lengths) or synthetic:COUNT:LENGTH (default: ${DEFAULT-VALUE})")
        String genome;

        @Option(names = "--chr-prefix", description = "name contigs chr1..chr22, chrX, chrY, chrM")
        boolean chrPrefix;

        @Option(names = "--seed", defaultValue = "42", description = "random seed (default: ${DEFAULT-VALUE})")
        long seed;

        List<Contig> contigs() {
            try {
                return Contig.parse(genome, chrPrefix);
            } catch (NumberFormatException e) {
                throw new InputException("--genome: expected synthetic:COUNT:LENGTH with whole numbers, got "
                        + genome);
            }
        }

        SyntheticGenome syntheticGenome() {
            return new SyntheticGenome(seed);
        }
    }

    @Command(name = "vcf", mixinStandardHelpOptions = true,
            description = "A WGS-like VCF modelled on GATK HaplotypeCaller output (BGZF when --out ends in .gz).")
    static final class Vcf implements Callable<Integer> {
        @Mixin
        GenomeOptions genome;

        @Option(names = "--records", defaultValue = "100000", description = "number of records (default: "
                + "${DEFAULT-VALUE})")
        long records;

        @Option(names = "--samples", defaultValue = "1", description = "number of samples (default: ${DEFAULT-VALUE})")
        int samples;

        @Option(names = {"-o", "--out"}, required = true, description = "output .vcf or .vcf.gz")
        Path out;

        @Override
        public Integer call() throws IOException {
            long t0 = System.nanoTime();
            long n = new VcfGenerator(genome.syntheticGenome(), genome.contigs(), samples, genome.seed)
                    .write(records, out);
            System.err.printf("genvag generate vcf: %d records, %d samples, %.1f MB in %.1f s -> %s%n", n, samples,
                    Files.size(out) / 1e6, (System.nanoTime() - t0) / 1e9, out);
            return 0;
        }
    }

    @Command(name = "fasta", mixinStandardHelpOptions = true,
            description = "A reference FASTA (+ .fai) with planted microsatellites.")
    static final class Fasta implements Callable<Integer> {
        @Mixin
        GenomeOptions genome;

        @Option(names = {"-o", "--out"}, required = true, description = "output .fa")
        Path out;

        @Override
        public Integer call() throws IOException {
            long t0 = System.nanoTime();
            FastaGenerator.write(genome.syntheticGenome(), genome.contigs(), out);
            System.err.printf("genvag generate fasta: %.1f MB in %.1f s -> %s%n", Files.size(out) / 1e6,
                    (System.nanoTime() - t0) / 1e9, out);
            return 0;
        }
    }

    @Command(name = "gff", mixinStandardHelpOptions = true,
            description = "A GENCODE-style GFF3 (genes, transcripts with tags, exons, CDS, UTRs; gzip when --out ends "
                    + "in .gz): 62,000 genes are about GENCODE's size.")
    static final class Gff implements Callable<Integer> {
        @Mixin
        GenomeOptions genome;

        @Option(names = "--genes", defaultValue = "62000", description = "number of genes (default: ${DEFAULT-VALUE})")
        int genes;

        @Option(names = {"-o", "--out"}, required = true, description = "output .gff3 or .gff3.gz")
        Path out;

        @Override
        public Integer call() throws IOException {
            long t0 = System.nanoTime();
            long lines = new GffGenerator(genome.contigs(), genome.seed).write(genes, out);
            System.err.printf("genvag generate gff: %d genes, %d lines, %.1f MB in %.1f s -> %s%n", genes, lines,
                    Files.size(out) / 1e6, (System.nanoTime() - t0) / 1e9, out);
            return 0;
        }
    }

    @Command(name = "bam", mixinStandardHelpOptions = true,
            description = "A coordinate-sorted paired-end BAM with BAI, over regions, genes or whole contigs.")
    static final class Bam implements Callable<Integer> {
        @Mixin
        GenomeOptions genome;

        @Option(names = "--depth", defaultValue = "30", description = "mean depth (default: ${DEFAULT-VALUE})")
        double depth;

        @Option(names = "--insert", defaultValue = "350", description = "mean insert of the 2x150 pairs; below "
                + "300 most mates overlap (default: ${DEFAULT-VALUE})")
        int insert;

        @Option(names = "--insert-sd", defaultValue = "50", description = "standard deviation of the insert "
                + "(default: ${DEFAULT-VALUE})")
        int insertSd;

        @Option(names = "--regions", description = "BED of regions to cover (capture targets)")
        Path regions;

        @Option(names = "--genes", description = "file of gene names (one per line, first column; # comments) to "
                + "cover, resolved on the --genome build")
        Path genes;

        @Option(names = {"-o", "--out"}, required = true, description = "output .bam (index written beside it)")
        Path out;

        @Override
        public Integer call() throws IOException {
            List<Contig> contigs = genome.contigs();
            List<Region> targets;
            if (regions != null && genes != null) {
                throw new InputException("give --regions or --genes, not both");
            } else if (regions != null) {
                targets = fromBed(contigs);
            } else if (genes != null) {
                targets = fromGenes(contigs);
            } else {
                targets = BamGenerator.wholeContigs(contigs);
            }
            targets.sort(Comparator.comparingInt(Region::contigIndex).thenComparingLong(Region::start));
            long t0 = System.nanoTime();
            BamGenerator.Options options = BamGenerator.Options.defaults().withDepth(depth).withSeed(genome.seed)
                    .withInsert(insert, insertSd);
            long reads = new BamGenerator(genome.syntheticGenome(), contigs, options).write(targets, out);
            System.err.printf("genvag generate bam: %d reads over %d regions, %.1f MB in %.1f s -> %s%n", reads,
                    targets.size(), Files.size(out) / 1e6, (System.nanoTime() - t0) / 1e9, out);
            return 0;
        }

        private List<Region> fromBed(List<Contig> contigs) throws IOException {
            List<Region> out = new ArrayList<>();
            for (BedRecord r : BedReader.read(regions)) {
                if (r.end() > r.start()) {
                    out.add(new Region(indexOf(contigs, r.contig(), regions.toString()), r.start(), r.end()));
                }
            }
            return out;
        }

        private List<Region> fromGenes(List<Contig> contigs) throws IOException {
            GeneResolver resolver = GeneTableReader.bundled(GenomeBuild.parse(genome.genome));
            List<Region> out = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            int lineNo = 0;
            for (String line : Files.readAllLines(genes)) {
                lineNo++;
                String name = TabFields.split(line, '\t').get(0).trim();
                if (name.isEmpty() || name.startsWith("#") || (lineNo <= 2 && name.equalsIgnoreCase("symbol"))) {
                    continue;
                }
                GeneResolution r = resolver.resolve(name);
                if (r instanceof GeneResolution.Found f) {
                    String contig = genome.chrPrefix
                            ? (f.gene().contig().equals("MT") ? "chrM" : "chr" + f.gene().contig()) : f.gene().contig();
                    out.add(new Region(indexOf(contigs, contig, genes.toString()), f.gene().start() - 1L,
                            f.gene().end()));
                } else {
                    problems.add(genes + ":" + lineNo + ": gene '" + name + "' is "
                            + (r instanceof GeneResolution.Unknown ? "unknown" : "ambiguous"));
                }
            }
            if (!problems.isEmpty()) {
                throw new InputException(String.join("\n", problems));
            }
            return out;
        }

        private static int indexOf(List<Contig> contigs, String name, String source) {
            for (int i = 0; i < contigs.size(); i++) {
                if (contigs.get(i).name().equals(name)) {
                    return i;
                }
            }
            throw new InputException(source + ": contig '" + name + "' is not in the generated genome");
        }
    }
}
