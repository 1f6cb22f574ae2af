package org.genvag.testdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.genvag.core.error.InputException;
import org.genvag.core.genome.Gene;
import org.genvag.core.genome.GeneResolution;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.io.batch.BatchOptions;
import org.genvag.io.batch.BatchRun;
import org.genvag.io.batch.ManifestReader;
import org.genvag.io.batch.SampleOutcome;
import org.genvag.io.genes.GeneTableReader;
import org.genvag.io.kb.KnowledgeBaseReader;
import org.genvag.testsupport.Fixtures;
import org.genvag.testsupport.PeerTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch of a real germline exome VCF, a generated tumour (somatic and SV VCFs, callable BED, 30x BAM over its
 * genes) and a sample whose VCF is not a VCF: the good samples finish, the bad one fails alone, a re-run skips what
 * is done, and the tumour's report renders in headless Chromium with its findings on the page.
 */
class BatchAnnotationTest {
    @TempDir
    Path dir;

    static final List<String> TUMOUR_GENES = List.of("NTRK3", "ETV6", "BRAF", "RET");

    Path manifest() throws IOException {
        GenomeBuild b = GenomeBuild.GRCH38;
        new TumourGenerator(new TumourGenerator.Options(b, true, TUMOUR_GENES, 40, true, "ETV6::NTRK3", 11),
                KnowledgeBaseReader.bundled()).write(dir.resolve("t.somatic.vcf"), dir.resolve("t.sv.vcf"),
                dir.resolve("t.callable.bed"));
        List<Region> regions = new ArrayList<>();
        for (String name : TUMOUR_GENES) {
            Gene g = ((GeneResolution.Found) GeneTableReader.bundled(b).resolve(name)).gene();
            int contig = GenomeBuild.PRIMARY_CONTIGS.indexOf(g.contig());
            regions.add(new Region(contig, g.start() - 1L, Math.min(g.end(), g.start() + 5_000L)));
        }
        new BamGenerator(new SyntheticGenome(3), Contig.parse("GRCh38", true),
                BamGenerator.Options.defaults().withSeed(3)).write(regions, dir.resolve("t.bam"));
        Files.write(dir.resolve("garbage.vcf"), new byte[] {1, 2, 3, 4, '\n'});
        Files.copy(Fixtures.path("vcf/hapmap_exome_chr22.vcf.gz"), dir.resolve("hapmap.vcf.gz"));
        Files.writeString(dir.resolve("panel.txt"), String.join("\n", TUMOUR_GENES) + "\n");
        return Files.writeString(dir.resolve("samples.tsv"), "id\ttype\tvcf\tsv_vcf\tbam\tcallable\tbuild\n"
                + "hapmap\tgermline\thapmap.vcf.gz\t.\t.\t.\tGRCh37\n"
                + "tumour\ttumour\tt.somatic.vcf\tt.sv.vcf\tt.bam\tt.callable.bed\t.\n"
                + "bad\tgermline\tgarbage.vcf\t.\t.\t.\t.\n");
    }

    BatchOptions options(boolean force) {
        return new BatchOptions(List.of(dir.resolve("panel.txt")), 0, null, 2, force, "test");
    }

    @Test
    void goodSamplesFinishABadOneFailsAloneAndReRunsSkipWhatIsDone() throws IOException {
        Path out = dir.resolve("out");
        List<SampleOutcome> first = BatchRun.run(ManifestReader.read(manifest()), out, options(false), null);
        assertEquals(List.of("hapmap", "tumour", "bad"), first.stream().map(SampleOutcome::id).toList());
        assertEquals(List.of("done", "done", "failed"), first.stream().map(SampleOutcome::status).toList());
        assertTrue(first.get(2).error().contains("garbage.vcf:1"), first.get(2).error());
        SampleOutcome tumour = first.get(1);
        assertEquals(List.of("BRAF V600E", "ETV6::NTRK3 fusion", "TMB-high"), tumour.biomarkers());
        assertEquals(4, tumour.genesAssessed());
        assertTrue(tumour.msi().startsWith("not assessable"), tumour.msi());
        for (String f : List.of("panel.vcf.gz", "panel.vcf.gz.tbi", "coverage.genes.tsv", "biomarkers.json",
                "report.html", "sample.json")) {
            assertTrue(Files.isRegularFile(out.resolve("tumour").resolve(f)), f);
        }
        assertFalse(Files.exists(out.resolve("bad")), "a failed sample leaves no output directory");
        try (var files = Files.list(out)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains("partial")), "no working leftovers");
        }
        List<String> summary = Files.readAllLines(out.resolve("summary.tsv"));
        assertEquals(4, summary.size());
        assertTrue(summary.get(2).startsWith("tumour\ttumour\tdone\t"), summary.get(2));
        assertTrue(Files.readString(out.resolve("summary.json")).contains("\"failed\" : [ \"bad\" ]"));

        List<SampleOutcome> again = BatchRun.run(ManifestReader.read(dir.resolve("samples.tsv")), out, options(false),
                null);
        assertEquals(List.of("skipped (done earlier)", "skipped (done earlier)", "failed"),
                again.stream().map(SampleOutcome::status).toList());
        assertEquals(tumour.biomarkers(), again.get(1).biomarkers(), "the summary keeps what the first run found");
        List<SampleOutcome> forced = BatchRun.run(ManifestReader.read(dir.resolve("samples.tsv")), out, options(true),
                null);
        assertEquals("done", forced.get(1).status());
    }

    @Test
    void everyManifestProblemIsReportedAtOnceWithItsLine() throws IOException {
        manifest();
        Path bad = Files.writeString(dir.resolve("bad.tsv"), "id\ttype\tvcf\tcolour\tbuild\n"
                + "a\tgermline\thapmap.vcf.gz\tred\tGRCh38\n"
                + "a\tgermline\thapmap.vcf.gz\tred\t.\n"
                + "b\tnormal\tnope.vcf\tred\t.\n"
                + "c\ttumour\t.\tred\n"
                + "\tgermline\thapmap.vcf.gz\tred\t.\n");
        InputException e = assertThrows(InputException.class, () -> ManifestReader.read(bad));
        String m = e.getMessage();
        assertTrue(m.startsWith("7 problems in the manifest, nothing was run"), m);
        for (String expected : List.of(bad + ":1: unknown column 'colour'", bad + ":2: build GRCh38, but",
                bad + ":3: sample id 'a' repeats line 2", bad + ":4: type 'normal' is neither germline nor tumour",
                bad + ":4: vcf nope.vcf: no such file", bad + ":5: expected 5 tab-separated columns, found 4",
                bad + ":6: empty id")) {
            assertTrue(m.contains(expected), "missing '" + expected + "' in:\n" + m);
        }
    }

    /** The report as a person sees it: rendered by headless Chromium, screenshot taken, text on the page checked. */
    @Test
    void theReportRendersInHeadlessChromium() throws IOException {
        Path out = dir.resolve("out");
        BatchRun.run(ManifestReader.read(manifest()), out, options(false), null);
        Path report = out.resolve("tumour/report.html");
        PeerTool chromium = PeerTool.require("chromium");
        Path png = dir.resolve("report.png");
        chromium.run("--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1100,1600",
                "--screenshot=" + png, report.toUri().toString());
        byte[] image = Files.readAllBytes(png);
        assertTrue(image.length > 20_000, "a screenshot with content: " + image.length + " bytes");
        assertEquals((byte) 0x89, image[0]);
        assertEquals('P', image[1]);
        String dom = chromium.runText("--headless", "--no-sandbox", "--disable-gpu", "--dump-dom",
                report.toUri().toString());
        for (String text : List.of("Sample tumour", "BRAF V600E", "ETV6::NTRK3 fusion", "dabrafenib + trametinib",
                "larotrectinib", "TMB-high", "Coverage", "Panel variants", "<svg", "SHA-256")) {
            assertTrue(dom.contains(text), "the rendered page lacks '" + text + "'");
        }
    }
}
