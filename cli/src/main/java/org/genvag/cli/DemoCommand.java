package org.genvag.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.genvag.core.genome.GeneResolution;
import org.genvag.core.genome.GeneResolver;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.io.genes.GeneTableReader;
import org.genvag.io.text.TabFields;
import org.genvag.testdata.BamGenerator;
import org.genvag.testdata.Contig;
import org.genvag.testdata.Region;
import org.genvag.testdata.SyntheticGenome;
import org.genvag.testdata.VcfGenerator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run genvag's pipeline on bundled demo data and print what it found.")
final class DemoCommand implements Callable<Integer> {
    private static final String PANEL = "metabolic-944.tsv";
    private static final List<String> TUMOUR_AGNOSTIC_GENES = List.of("NTRK1", "NTRK2", "NTRK3", "RET", "BRAF",
            "MLH1", "MSH2", "MSH6", "PMS2", "ERBB2");

    @Option(names = "--out-dir", description = "where to write the demo's outputs (default: a new temp directory)")
    Path outDir;

    @Override
    public Integer call() throws IOException {
        Path dir = outDir != null ? Files.createDirectories(outDir) : Files.createTempDirectory("genvag-demo-");
        GeneResolver grch38 = GeneTableReader.bundled(GenomeBuild.GRCH38);

        List<String> panel = readPanel();
        int found = 0;
        List<String> unresolved = new ArrayList<>();
        for (String name : panel) {
            if (grch38.resolve(name) instanceof GeneResolution.Found) {
                found++;
            } else {
                unresolved.add(name);
            }
        }
        System.out.printf("panel %s: %d genes, %d resolved on GRCh38, unresolved: %s%n", PANEL, panel.size(), found,
                unresolved.isEmpty() ? "none" : unresolved);

        List<Contig> contigs = Contig.parse("GRCh38", true);
        SyntheticGenome genome = new SyntheticGenome(7);
        List<Region> targets = new ArrayList<>();
        System.out.println("tumour-agnostic biomarker genes (GRCh38):");
        for (String name : TUMOUR_AGNOSTIC_GENES) {
            var gene = ((GeneResolution.Found) grch38.resolve(name)).gene();
            System.out.printf("  %-6s chr%s:%d-%d (%s)%n", gene.symbol(), gene.contig(), gene.start(), gene.end(),
                    gene.ensemblId());
            int contig = GenomeBuild.PRIMARY_CONTIGS.indexOf(gene.contig());
            targets.add(new Region(contig, gene.start() - 1L, Math.min(gene.end(), gene.start() - 1L + 20_000)));
        }
        targets.sort(java.util.Comparator.comparingInt(Region::contigIndex).thenComparingLong(Region::start));

        Path vcf = dir.resolve("demo-tumour.vcf.gz");
        long records = new VcfGenerator(genome, contigs, 1, 7).write(20_000, vcf);
        Path bam = dir.resolve("demo-tumour.bam");
        long reads = new BamGenerator(genome, contigs, BamGenerator.Options.defaults().withSeed(7))
                .write(targets, bam);
        System.out.printf("generated %s (%d records) and %s (%d reads, 30x over the genes above)%n", vcf, records,
                bam, reads);
        System.out.println("outputs in " + dir);
        return 0;
    }

    private static List<String> readPanel() throws IOException {
        List<String> genes = new ArrayList<>();
        try (InputStream in = DemoCommand.class.getResourceAsStream("demo/" + PANEL);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("#") || line.startsWith("symbol\t") || line.isBlank()) {
                    continue;
                }
                genes.add(TabFields.split(line, '\t').get(0));
            }
        }
        return genes;
    }
}
