package org.genvag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.genvag.core.biomarker.report.BiomarkerMatch;
import org.genvag.core.biomarker.report.TherapyOption;
import org.genvag.core.genome.GeneResolution;
import org.genvag.core.genome.GeneResolver;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.core.panel.PanelIntervals;
import org.genvag.core.panel.PanelResolver;
import org.genvag.core.tumour.TumourType;
import org.genvag.io.ReadMode;
import org.genvag.io.genes.GeneTableReader;
import org.genvag.io.kb.KnowledgeBaseReader;
import org.genvag.io.kb.OncoTreeReader;
import org.genvag.io.panel.PanelReader;
import org.genvag.io.store.StoreReader;
import org.genvag.io.store.StoreWriter;
import org.genvag.io.vcf.FieldKey;
import org.genvag.io.vcf.VcfReader;
import org.genvag.io.vcf.VcfRecord;
import org.genvag.pipeline.batch.BatchOptions;
import org.genvag.pipeline.batch.BatchRun;
import org.genvag.pipeline.batch.ManifestReader;
import org.genvag.pipeline.batch.SampleOutcome;
import org.genvag.pipeline.biomarker.BiomarkerJob;
import org.genvag.pipeline.biomarker.BiomarkerReportJson;
import org.genvag.pipeline.panel.PanelFiltering;
import org.genvag.testdata.TumourGenerator;
import org.genvag.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's library example, run for real: if the API changes, this and the README change together. */
class ReadmeExampleTest {
    @Test
    void libraryExampleWorksAsWritten(@TempDir Path dir) throws IOException {
        String sample = Fixtures.path("vcf/hapmap_exome_chr22.vcf.gz").toString();
        long records = 0;
        long withDepth = 0;
        // Stream a VCF: records are views over off-heap bytes; nothing is allocated per record.
        try (VcfReader reader = VcfReader.open(sample, 2)) {
            VcfRecord r = new VcfRecord();
            FieldKey dp = FieldKey.of("DP");
            while (reader.next(r)) {
                long pos = r.pos();                       // 1-based
                String chrom = r.contigName();            // interned: no allocation per record
                long depth = r.infoLong(dp, -1);
                records++;
                withDepth += depth >= 0 && pos > 0 && chrom.equals("22") ? 1 : 0;
            }
        }
        assertEquals(1011, records);
        assertTrue(withDepth > 1000);

        // Filter to panels, as `genvag filter` does.
        PanelFiltering.Result result = PanelFiltering.run(sample, dir.resolve("panel.vcf.gz").toString(),
                new PanelFiltering.Options(List.of(Fixtures.path("panels/chr22-genes.txt")), GenomeBuild.GRCH37, 20,
                        false, ReadMode.AUTO, 2, true));
        assertTrue(result.recordsKept() > 0 && Files.exists(dir.resolve("panel.vcf.gz.tbi")));

        // Resolve gene names without guessing.
        GeneResolver genes = GeneTableReader.bundled(GenomeBuild.GRCH38);
        if (genes.resolve("TRKA") instanceof GeneResolution.Found f) {   // an alias of NTRK1
            assertEquals("NTRK1 (ENSG00000198400, 1:156815640-156881850)", f.gene().toString());
        } else {
            throw new AssertionError("TRKA must resolve");
        }

        // Tumour-agnostic biomarkers, as `genvag biomarkers` does: matches, TMB, what could not be assessed.
        TumourGenerator.Outputs t = new TumourGenerator(new TumourGenerator.Options(GenomeBuild.GRCH38, true,
                List.of("NTRK3", "ETV6", "BRAF"), 10, false, "ETV6::NTRK3", 1), KnowledgeBaseReader.bundled())
                .write(dir.resolve("tumour.somatic.vcf"), dir.resolve("tumour.sv.vcf"), dir.resolve("callable.bed"));
        TumourType colon = OncoTreeReader.tumourType(OncoTreeReader.bundled(), "COAD", "tumour type");
        BiomarkerJob.Outcome o = BiomarkerJob.run(new BiomarkerJob.Request(t.somaticVcf().toString(),
                t.svVcf().toString(), t.callableBed(), null, null, null, null, BiomarkerJob.TmbOptions.defaults(), 2,
                colon));
        List<String> matched = new ArrayList<>();
        List<String> therapies = new ArrayList<>();
        for (BiomarkerMatch m : o.report().matches()) {
            matched.add(m.name() + ": " + m.status());             // ETV6::NTRK3 fusion: match
            for (TherapyOption x : m.therapies()) {                   // repotrectinib FDA applicable
                therapies.add(x.indication().therapy() + " " + x.indication().agency() + " "
                        + x.applicability().label());
            }
        }
        assertEquals("ETV6::NTRK3 fusion: match", matched.get(0));
        assertTrue(therapies.contains("repotrectinib FDA applicable"), therapies.toString());
        BiomarkerReportJson.write(o.report(), o.kb(), "0.1.0", dir.resolve("report.json"));
        assertTrue(Files.size(dir.resolve("report.json")) > 0);

        // Keep a sample as a variant store; ask it a panel later without re-reading the VCF.
        try (VcfReader in = VcfReader.open(sample, 2)) {
            StoreWriter.write(in, dir.resolve("sample.gvs"), StoreWriter.Options.defaults());
        }
        PanelIntervals panel = PanelIntervals.of(List.of(PanelResolver.resolve(PanelReader.read(
                Fixtures.path("panels/chr22-genes.txt")), GeneTableReader.bundled(GenomeBuild.GRCH37), false)), 0);
        long hitsSeen = 0;
        try (VcfReader hits = StoreReader.open(dir.resolve("sample.gvs")).query(panel.index())) {
            VcfRecord r = new VcfRecord();
            while (hits.next(r)) {                        // only records overlapping the panel's regions
                hitsSeen += r.contigName().equals("22") ? 1 : 0;
            }
        }
        PanelFiltering.Result same = PanelFiltering.run(sample, dir.resolve("p0.vcf").toString(),
                new PanelFiltering.Options(List.of(Fixtures.path("panels/chr22-genes.txt")), GenomeBuild.GRCH37, 0,
                        false, ReadMode.STREAM, 1, false));
        assertEquals(same.recordsKept(), hitsSeen);

        // A batch, as `genvag annotate` runs it: every sample through what its inputs allow, reports included.
        Files.writeString(dir.resolve("samples.tsv"), "id\ttype\tvcf\tsv_vcf\tcallable\n"
                + "t1\ttumour\ttumour.somatic.vcf\ttumour.sv.vcf\tcallable.bed\n");
        Files.writeString(dir.resolve("panel.txt"), "NTRK3\nETV6\n");
        List<SampleOutcome> outcomes = BatchRun.run(ManifestReader.read(dir.resolve("samples.tsv")),
                dir.resolve("out"), new BatchOptions(List.of(dir.resolve("panel.txt")), 0, null, 4, false, "0.1.0"),
                null);
        assertEquals("done", outcomes.get(0).status(), String.valueOf(outcomes.get(0).error()));
        assertTrue(Files.isRegularFile(dir.resolve("out/t1/report.html")));
    }
}
