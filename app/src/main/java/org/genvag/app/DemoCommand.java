// SPDX-License-Identifier: Apache-2.0
package org.genvag.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.genvag.cli.Main;
import org.genvag.cli.Version;
import org.genvag.core.biomarker.report.Applicability;
import org.genvag.core.biomarker.report.BiomarkerMatch;
import org.genvag.core.biomarker.report.TherapyOption;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.core.kb.Indication;
import org.genvag.core.panel.GenePanel;
import org.genvag.core.panel.PanelGene;
import org.genvag.core.panel.PanelResolver;
import org.genvag.io.ReadMode;
import org.genvag.io.data.BundledData;
import org.genvag.io.genes.GeneTableReader;
import org.genvag.io.kb.KnowledgeBaseReader;
import org.genvag.io.kb.OncoTreeReader;
import org.genvag.io.panel.PanelReader;
import org.genvag.io.store.StoreWriter;
import org.genvag.io.variants.VariantSources;
import org.genvag.io.vcf.VcfProblem;
import org.genvag.io.vcf.VcfReader;
import org.genvag.io.vcf.VcfValidator;
import org.genvag.pipeline.batch.BatchOptions;
import org.genvag.pipeline.batch.BatchRun;
import org.genvag.pipeline.batch.ManifestReader;
import org.genvag.pipeline.batch.SampleOutcome;
import org.genvag.pipeline.biomarker.BiomarkerJob;
import org.genvag.pipeline.biomarker.BiomarkerReportJson;
import org.genvag.pipeline.msi.SiteScan;
import org.genvag.pipeline.panel.PanelFiltering;
import org.genvag.pipeline.panel.StorePanelQuery;
import org.genvag.testdata.BamGenerator;
import org.genvag.testdata.Contig;
import org.genvag.testdata.Region;
import org.genvag.testdata.SyntheticGenome;
import org.genvag.testdata.SyntheticSites;
import org.genvag.testdata.TumourGenerator;
import org.genvag.testdata.VcfGenerator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The pipeline on bundled data: a real exome VCF (HapMap samples, chromosome 22, GRCh37) validated and filtered to a
 * gene panel; the 944-gene benchmark panel resolved on GRCh38; a synthetic tumour VCF and BAM over the
 * tumour-agnostic biomarker genes, filtered to those genes; a generated tumour's somatic and SV calls with planted
 * biomarkers matched to the tissue-agnostic approvals; that tumour through the batch pipeline (panel filtering,
 * coverage QC, MSI, biomarkers, HTML report); the exome VCF kept as a variant store and its panel asked again of
 * the store, as a lab re-analyses a sample years later.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run genvag's pipeline on bundled demo data and print what it found.")
public final class DemoCommand implements Callable<Integer> {
    /** The demo tumour's type: a colon adenocarcinoma, where the BRAF V600E label's colorectal exclusion applies. */
    private static final String DEMO_TYPE = "COAD";

    private static final String[] DEMO = {"hapmap_exome_chr22.vcf.gz", "chr22-genes.txt", "tumour-agnostic.txt"};

    @Spec
    CommandSpec spec;

    @Option(names = "--out-dir", description = "where to write the demo's outputs (default: a new temp directory)")
    Path outDir;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = outDir != null ? Files.createDirectories(outDir) : Files.createTempDirectory("genvag-demo-");
        Path inputs = Files.createDirectories(dir.resolve("inputs"));
        for (String name : DEMO) {
            try (InputStream in = DemoCommand.class.getResourceAsStream("demo/" + name)) {
                Files.copy(in, inputs.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        BundledData.copy("panels/metabolic-944.tsv", inputs.resolve("metabolic-944.tsv"));

        out.println("1. Real exome VCF (HapMap samples, chr22, GRCh37): validate");
        Path hapmap = inputs.resolve("hapmap_exome_chr22.vcf.gz");
        try (VcfReader reader = VariantSources.open(hapmap.toString(), 2)) {
            var problems = new ArrayList<VcfProblem>();
            var v = new VcfValidator(false, problems::add).validate(reader);
            out.printf("   %d records, %d samples, %d errors, %d warnings%n", v.records(), reader.samples().size(),
                    v.errors(), v.warnings());
            // Real files break the specification: this one declares INFO GC an Integer and writes 75.25.
            problems.stream().filter(VcfProblem::error).limit(3).forEach(p -> out.println("   " + p.toString()
                    .substring(p.toString().indexOf(hapmap.getFileName().toString()))));
        }

        out.println("2. Filter it to a chromosome 22 gene panel");
        Path kept = dir.resolve("hapmap_exome_chr22.panel.vcf.gz");
        PanelFiltering.Result f = PanelFiltering.run(hapmap.toString(), kept.toString(), new PanelFiltering.Options(
                List.of(inputs.resolve("chr22-genes.txt")), GenomeBuild.GRCH37, 0, false, ReadMode.AUTO, 2,
                true));
        out.printf("   %d of %d records kept in %d genes -> %s (+ .tbi)%n", f.recordsKept(), f.recordsRead(),
                f.panels().get(0).genes().size(), kept);
        printTopGenes(out, f);

        out.println("3. The 944-gene benchmark panel on GRCh38");
        GenePanel metabolic = PanelResolver.resolve(PanelReader.read(inputs.resolve("metabolic-944.tsv")),
                GeneTableReader.bundled(GenomeBuild.GRCH38), false);
        out.printf("   %d genes resolved, %d unresolved%n", metabolic.genes().size(), metabolic.unresolved().size());

        out.println("4. Synthetic tumour sample over the tumour-agnostic biomarker genes (GRCh38)");
        GenePanel biomarkers = PanelResolver.resolve(PanelReader.read(inputs.resolve("tumour-agnostic.txt")),
                GeneTableReader.bundled(GenomeBuild.GRCH38), false);
        for (PanelGene g : biomarkers.genes()) {
            out.printf("   %-6s chr%s:%d-%d (%s, from '%s' by %s)%n", g.gene().symbol(), g.gene().contig(),
                    g.gene().start(), g.gene().end(), g.gene().ensemblId(), g.query(), g.resolvedBy());
        }
        biomarkers.unresolved().forEach(u -> out.println("   warning: " + u));
        List<Contig> contigs = Contig.parse("GRCh38", true);
        SyntheticGenome genome = new SyntheticGenome(7);
        List<Region> targets = new ArrayList<>();
        for (PanelGene g : biomarkers.genes()) {
            int contig = GenomeBuild.PRIMARY_CONTIGS.indexOf(g.gene().contig());
            targets.add(new Region(contig, g.gene().start() - 1L, g.gene().end()));
        }
        Path tumourVcf = dir.resolve("demo-tumour.vcf.gz");
        Files.deleteIfExists(dir.resolve("demo-tumour.vcf.gz.tbi"));   // an earlier demo's index would be stale
        long records = new VcfGenerator(genome, contigs, 1, 7).write(200_000, tumourVcf);
        Path bam = dir.resolve("demo-tumour.bam");
        // The tumour is microsatellite-unstable: a third of the planted repeats lose a unit in 80% of its reads.
        long reads = new BamGenerator(genome, contigs, BamGenerator.Options.defaults().withSeed(7))
                .withMsi(new BamGenerator.MsiShift(0.33, 0.8, 7)).write(targets, bam);
        Path normalBam = dir.resolve("demo-normal.bam");
        new BamGenerator(genome, contigs, BamGenerator.Options.defaults().withSeed(8)).write(targets, normalBam);
        Path msiSites = dir.resolve("demo-msi-sites.tsv");
        SiteScan.write(SyntheticSites.inRegions(genome, contigs, targets), msiSites);
        out.printf("   generated %s (%d records) and %s (%d reads, 30x over the genes)%n", tumourVcf,
                records, bam, reads);
        Path tumourKept = dir.resolve("demo-tumour.biomarker-genes.vcf.gz");
        PanelFiltering.Result t = PanelFiltering.run(tumourVcf.toString(), tumourKept.toString(),
                new PanelFiltering.Options(List.of(inputs.resolve("tumour-agnostic.txt")), null, 0, false,
                        ReadMode.AUTO, 2, false));
        out.printf("   %d of %d records fall in the biomarker genes -> %s%n", t.recordsKept(), t.recordsRead(),
                tumourKept);
        printTopGenes(out, t);

        out.println("5. Tumour-agnostic biomarkers of a generated colon adenocarcinoma (GRCh38, OncoTree COAD; BRAF "
                + "V600E and ETV6::NTRK3 planted)");
        TumourGenerator.Outputs tumour = new TumourGenerator(new TumourGenerator.Options(GenomeBuild.GRCH38, true,
                List.of("NTRK1", "NTRK2", "NTRK3", "RET", "BRAF", "ETV6", "TP53", "KRAS", "EGFR"), 40, true,
                "ETV6::NTRK3", 7), KnowledgeBaseReader.bundled()).write(dir.resolve("demo-tumour.somatic.vcf"),
                dir.resolve("demo-tumour.sv.vcf"), dir.resolve("demo-tumour.callable.bed"));
        BiomarkerJob.Outcome b = BiomarkerJob.run(new BiomarkerJob.Request(tumour.somaticVcf().toString(),
                tumour.svVcf().toString(), tumour.callableBed(), null, null, null, null,
                BiomarkerJob.TmbOptions.defaults(), 2, OncoTreeReader.tumourType(OncoTreeReader.bundled(), DEMO_TYPE,
                "demo")));
        Path report = dir.resolve("demo-tumour.biomarkers.json");
        BiomarkerReportJson.write(b.report(), b.kb(), Version.get(), report);
        for (BiomarkerMatch m : b.report().matches()) {
            out.printf("   MATCH %s%n", m.name());
            for (TherapyOption option : m.therapies()) {
                Indication i = option.indication();
                Applicability a = option.applicability();
                String why = a.applies() == null ? a.dependsOn().get(0) : a.applies() ? "" : a.reasons().get(0);
                out.printf("     %-15s %-24s %s %s%s%n", a.label(), i.therapy(), i.agency(), i.date(),
                        why.isEmpty() ? "" : ": " + clip(why, 70));
            }
        }
        var tmb = b.report().tmb().result();
        out.printf(Locale.ROOT, "   TMB %.1f mut/Mb (%d mutations / %.3f Mb); not assessable here: %s%n",
                tmb.value(), tmb.mutations(), tmb.megabases(), b.report().notAssessable().stream()
                        .map(u -> u.biomarker().name()).collect(Collectors.joining(", ")));
        out.println("   report -> " + report);

        out.println("6. Batch annotation (genvag annotate) of the tumour: VCFs, tumour and normal BAMs, MSI, HTML report");
        Path manifest = dir.resolve("demo-manifest.tsv");
        Files.writeString(manifest, "id\ttype\tvcf\tsv_vcf\tbam\tnormal_bam\tcallable\ttumour_type\n"
                + "demo-tumour\ttumour\tdemo-tumour.somatic.vcf\tdemo-tumour.sv.vcf\tdemo-tumour.bam\t"
                + "demo-normal.bam\tdemo-tumour.callable.bed\t" + DEMO_TYPE + "\n");
        Path batch = dir.resolve("batch");
        // The demo panel carries one unknown name on purpose (step 4 shows it reported); a lab's run stops on it
        // unless --allow-unresolved says to go on, as here.
        List<SampleOutcome> outcomes = BatchRun.run(ManifestReader.read(manifest), batch, new BatchOptions(
                List.of(inputs.resolve("tumour-agnostic.txt")), 0, null, 2, true, Version.get(), msiSites, null,
                true), null);
        for (SampleOutcome o : outcomes) {
            out.printf(Locale.ROOT, "   %s: %s; %d panel variants; %s genes below the coverage rule; MSI %s; "
                    + "%s%n", o.id(), o.status(), o.panelVariants(), o.genesFailing() < 0 ? "-" : o.genesFailing()
                    + " of " + o.genesAssessed(), o.msi(), o.error() != null ? o.error()
                    : String.join(", ", o.biomarkers()));
        }
        out.println("   summary -> " + batch.resolve("summary.tsv"));
        out.println("   HTML report -> " + batch.resolve("demo-tumour").resolve("report.html"));
        out.println("7. Re-analysis: the exome VCF kept as a variant store, and the chr22 panel asked again of it");
        Path store = Files.createDirectories(dir.resolve("stores")).resolve("hapmap_exome_chr22.gvs");
        StoreWriter.Summary stored;
        try (VcfReader in = VariantSources.open(hapmap.toString(), 2)) {
            stored = StoreWriter.write(in, store, StoreWriter.Options.defaults());
        }
        out.printf(Locale.ROOT, "   %d records in %d blocks, %d bytes (%.2fx the VCF.gz) -> %s%n",
                stored.records(), stored.blocks(), stored.bytes(), (double) stored.bytes() / Files.size(hapmap), store);
        Path rows = dir.resolve("hapmap_exome_chr22.panel.rows.tsv");
        StorePanelQuery.StoreResult asked = StorePanelQuery.run(List.of(store), rows, new StorePanelQuery.Options(
                List.of(inputs.resolve("chr22-genes.txt")), GenomeBuild.GRCH37, 0, false, 2)).get(0);
        boolean same = asked.recordsKept() == f.recordsKept();
        out.printf("   %d records in the panel (%s), %d rows, one per sample and record -> %s%n",
                asked.recordsKept(), same ? "as step 2 found in the VCF" : "MISMATCH: step 2 kept " + f.recordsKept(),
                asked.rows(), rows);
        out.println("outputs in " + dir);
        return !same || outcomes.stream().anyMatch(o -> o.status().equals("failed")) ? Main.EXIT_INPUT : 0;
    }

    private static void printTopGenes(PrintWriter out, PanelFiltering.Result r) {
        List<Integer> labels = new ArrayList<>();
        for (int i = 0; i < r.perLabel().length; i++) {
            if (r.perLabel()[i] > 0) {
                labels.add(i);
            }
        }
        labels.sort((a, b) -> Long.compare(r.perLabel()[b], r.perLabel()[a]));
        StringBuilder sb = new StringBuilder("   records per gene:");
        for (int i : labels.subList(0, Math.min(8, labels.size()))) {
            sb.append(' ').append(r.intervals().geneOf(i)).append('=').append(r.perLabel()[i]);
        }
        out.println(labels.isEmpty() ? "   no records in the panel genes" : sb.toString());
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
