// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.msi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.genvag.core.error.InputException;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.core.msi.MsiScorer;
import org.genvag.core.msi.RepeatSite;
import org.genvag.io.kb.KnowledgeBaseReader;
import org.genvag.io.msi.SiteList;
import org.genvag.pipeline.batch.BatchOptions;
import org.genvag.pipeline.batch.BatchRun;
import org.genvag.pipeline.batch.ManifestReader;
import org.genvag.pipeline.biomarker.BiomarkerJob;
import org.genvag.pipeline.schema.OutputSchema;
import org.genvag.pipeline.schema.SchemaCheck;
import org.genvag.testdata.BamGenerator;
import org.genvag.testdata.Contig;
import org.genvag.testdata.FastaGenerator;
import org.genvag.testdata.SyntheticGenome;
import org.genvag.testdata.SyntheticSites;
import org.genvag.testdata.TumourGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tumour/normal pairs generated over a reference with planted microsatellites: in the MSI-H-like tumour 30% of them
 * lose a unit in 70% of reads; the MSS-like tumour has none. The call must find the shifted sites (and only them)
 * and recover the planted share; reads with indels elsewhere, soft clips, low MAPQ and duplicates are in both BAMs.
 */
class MsiCallTest {
    @TempDir
    static Path dir;
    static Path sites;
    static Path normal;
    static Path msiTumour;
    static Path mssTumour;
    static SyntheticGenome genome = new SyntheticGenome(9);
    static List<Contig> contigs = Contig.parse("synthetic:1:1500000", false);
    static BamGenerator.MsiShift shift = new BamGenerator.MsiShift(0.3, 0.7, 5);

    @BeforeAll
    static void generate() throws IOException {
        Path fasta = dir.resolve("ref.fa");
        FastaGenerator.write(genome, contigs, fasta);
        sites = dir.resolve("sites.tsv");
        // MSI callers score longer repeats: homopolymers from 10, other units from 5 copies.
        SiteScan.run(fasta, null, SyntheticSites.OPTIONS, sites);
        BamGenerator.Options o = BamGenerator.Options.defaults().withDepth(60);
        normal = dir.resolve("normal.bam");
        new BamGenerator(genome, contigs, o.withSeed(1)).write(BamGenerator.wholeContigs(contigs), normal);
        msiTumour = dir.resolve("msi.bam");
        new BamGenerator(genome, contigs, o.withSeed(2)).withMsi(shift).write(BamGenerator.wholeContigs(contigs),
                msiTumour);
        mssTumour = dir.resolve("mss.bam");
        new BamGenerator(genome, contigs, o.withSeed(3)).write(BamGenerator.wholeContigs(contigs), mssTumour);
    }

    @Test
    void anMsiTumourIsCalledMsiHWithThePlantedSitesUnstable() throws IOException {
        MsiCall.Outcome out = MsiCall.run(msiTumour.toString(), normal.toString(), sites, MsiScorer.Options.defaults(),
                1);
        MsiScorer.Result r = out.result();
        List<RepeatSite> list = SiteList.read(sites);
        int shiftedEvaluable = 0;
        int found = 0;
        int falsePositives = 0;
        for (int i = 0; i < list.size(); i++) {
            if (!r.evaluableSites().get(i)) {
                continue;
            }
            boolean planted = isShifted(list.get(i));
            shiftedEvaluable += planted ? 1 : 0;
            found += planted && r.unstableSites().get(i) ? 1 : 0;
            falsePositives += !planted && r.unstableSites().get(i) ? 1 : 0;
        }
        assertTrue(r.evaluable() >= 200, "evaluable sites: " + r.evaluable() + " of " + r.sites());
        assertEquals(MsiScorer.Status.MSI_H, r.status(), "score " + r.score());
        assertTrue(found >= 0.95 * shiftedEvaluable, found + " of " + shiftedEvaluable + " shifted sites found");
        assertTrue(falsePositives <= 0.01 * r.evaluable(), falsePositives + " stable sites called unstable");
        double planted = 100.0 * shiftedEvaluable / r.evaluable();
        assertEquals(planted, r.score(), 3.0, "score recovers the planted share");
    }

    @Test
    void anMssTumourIsCalledMss() throws IOException {
        MsiScorer.Result r = MsiCall.run(mssTumour.toString(), normal.toString(), sites, MsiScorer.Options.defaults(),
                1).result();
        assertEquals(MsiScorer.Status.MSS, r.status(), "score " + r.score());
        assertTrue(r.score() < 1.0, "score " + r.score());
    }

    @Test
    void tooFewEvaluableSitesIsNotAssessable() throws IOException {
        MsiScorer.Result r = MsiCall.run(msiTumour.toString(), normal.toString(), sites,
                new MsiScorer.Options(20, 0.01, 100_000, 10, 3), 1).result();
        assertEquals(MsiScorer.Status.NOT_ASSESSABLE, r.status());
    }

    /** Tumour-only: both tumours against a baseline of two other normals pooled, written and read back. */
    @Test
    void tumourOnlyAgainstABaselineOfPooledNormals() throws IOException {
        BamGenerator.Options o = BamGenerator.Options.defaults().withDepth(30);
        List<String> normals = new ArrayList<>();
        for (int seed : new int[] {11, 12}) {
            Path bam = dir.resolve("normal" + seed + ".bam");
            new BamGenerator(genome, contigs, o.withSeed(seed)).write(BamGenerator.wholeContigs(contigs), bam);
            normals.add(bam.toString());
        }
        List<RepeatSite> list = SiteList.read(sites);
        Path baseline = dir.resolve("baseline.tsv");
        MsiBaseline.write(MsiBaseline.build(normals, list, 1), list, baseline);
        MsiScorer.Result msi = MsiCall.runAgainstBaseline(msiTumour.toString(), baseline, sites,
                MsiScorer.Options.defaults(), 1).result();
        assertEquals(MsiScorer.Status.MSI_H, msi.status(), "score " + msi.score());
        MsiScorer.Result mss = MsiCall.runAgainstBaseline(mssTumour.toString(), baseline, sites,
                MsiScorer.Options.defaults(), 1).result();
        assertEquals(MsiScorer.Status.MSS, mss.status(), "score " + mss.score());
        // The batch scores a tumour without a normal BAM against the same baseline, to the same call.
        Files.writeString(dir.resolve("tumour-only.tsv"), "id\ttype\tbam\nTO\ttumour\tmsi.bam\n");
        var batch = BatchRun.run(ManifestReader.read(
                dir.resolve("tumour-only.tsv")), dir.resolve("batch-tumour-only"), new BatchOptions(
                List.of(), 0, null, 1, true, "test", sites, baseline), null);
        assertEquals("done", batch.get(0).status(), String.valueOf(batch.get(0).error()));
        assertEquals(String.format(Locale.ROOT, "msi-h (%.2f%%)", msi.score()), batch.get(0).msi());
        Path msiJson = dir.resolve("batch-tumour-only/TO/msi.json");
        assertTrue(Files.readString(msiJson).contains("pooled normals"));
        assertEquals(List.of(), SchemaCheck.errors(OutputSchema.MSI, msiJson));
        // A baseline read against another site list is refused.
        Path other = dir.resolve("other-sites.tsv");
        Files.write(other, Files.readAllLines(sites).subList(0, 10));
        InputException e = assertThrows(
                InputException.class, () -> MsiCall.runAgainstBaseline(msiTumour.toString(),
                        baseline, other, MsiScorer.Options.defaults(), 1));
        assertTrue(e.getMessage().contains("use the site list the baseline was built with"), e.getMessage());
    }

    /** MSI-H joins the biomarker report as a match with its approvals, through the library and the batch. */
    @Test
    void msiHighReachesTheBiomarkerReportAndTheBatchSummary() throws IOException {
        TumourGenerator.Outputs t = new TumourGenerator(new TumourGenerator.Options(
                GenomeBuild.GRCH38, true, List.of("BRAF"), 5, false, null, 3),
                KnowledgeBaseReader.bundled()).write(dir.resolve("t.vcf"), dir.resolve("t.sv.vcf"),
                dir.resolve("t.bed"));
        MsiScorer.Result msi = MsiCall.run(msiTumour.toString(), normal.toString(), sites,
                MsiScorer.Options.defaults(), 1).result();
        var report = BiomarkerJob.run(new BiomarkerJob.Request(
                t.somaticVcf().toString(), null, null, null, null, null, null,
                BiomarkerJob.TmbOptions.defaults(), 1), msi).report();
        var match = report.matches().stream().filter(m -> m.biomarker().id().equals("MSI_H")).findFirst()
                .orElseThrow(() -> new AssertionError("no MSI-high match: " + report.matches()));
        assertTrue(match.therapies().stream().anyMatch(x -> x.indication().id().equals(
                "fda-pembrolizumab-msih-dmmr-2023") && Boolean.TRUE.equals(x.applicability().applies())));
        // dostarlimab's label names dMMR by IHC: an MSI-H call suggests it without proving it.
        assertTrue(match.therapies().stream().anyMatch(x -> x.indication().therapy().equals("dostarlimab")
                && x.applicability().applies() == null && x.applicability().dependsOn().get(0).startsWith("ihc:")));
        assertTrue(match.evidence().get(0).record().startsWith("MSI score "), match.evidence().toString());

        Files.writeString(dir.resolve("m.tsv"), "id\ttype\tvcf\tbam\tnormal_bam\n"
                + "T1\ttumour\tt.vcf\tmsi.bam\tnormal.bam\n");
        var outcomes = BatchRun.run(ManifestReader.read(dir.resolve("m.tsv")),
                dir.resolve("batch"), new BatchOptions(List.of(), 0, null, 1, true, "test",
                        sites), null);
        assertEquals("done", outcomes.get(0).status(), String.valueOf(outcomes.get(0).error()));
        assertTrue(outcomes.get(0).msi().startsWith("msi-h ("), outcomes.get(0).msi());
        assertTrue(outcomes.get(0).biomarkers().contains("MSI-high"), outcomes.get(0).biomarkers().toString());
        assertTrue(Files.isRegularFile(dir.resolve("batch/T1/msi.json")));

        // With a panel, the tumour is counted inside the coverage pass: the same call as from its own pass.
        // The BAM's contig and, for the tumour's VCF, a GRCh38 region around BRAF (not in the BAM: depth 0 there).
        Files.writeString(dir.resolve("syn.bed"), "syn1\t0\t1500000\tall\n"
                + "chr7\t140700000\t140800000\tbraf\n");
        Files.writeString(dir.resolve("m2.tsv"), "id\ttype\tvcf\tbam\tnormal_bam\tbuild\n"
                + "T2\ttumour\tt.vcf\tmsi.bam\tnormal.bam\tGRCh38\n");
        var fused = BatchRun.run(ManifestReader.read(dir.resolve("m2.tsv")),
                dir.resolve("batch2"), new BatchOptions(List.of(dir.resolve("syn.bed")), 0, null, 1,
                        true, "test", sites), null);
        assertEquals("done", fused.get(0).status(), String.valueOf(fused.get(0).error()));
        assertEquals(2, fused.get(0).genesAssessed(), "coverage ran");
        assertEquals(String.format(Locale.ROOT, "msi-h (%.2f%%)", msi.score()), fused.get(0).msi());
    }

    /** A scanned site is one the generator destabilised when it lies on a planted, shifted microsatellite. */
    static boolean isShifted(RepeatSite s) {
        return isShifted(genome, shift, s);
    }

    /** True when the site overlaps a planted microsatellite that {@code shift} makes unstable. */
    static boolean isShifted(SyntheticGenome genome, BamGenerator.MsiShift shift, RepeatSite s) {
        long tile = (s.start() - 1) / SyntheticGenome.TILE;
        for (long t = tile - 1; t <= tile + 1; t++) {
            SyntheticGenome.Microsatellite ms = t < 0 ? null : genome.microsatellite(0, t);
            if (ms != null && ms.start() < s.end() && ms.end() > s.start() - 1 && shift.shifted(0, ms)) {
                return true;
            }
        }
        return false;
    }
}
