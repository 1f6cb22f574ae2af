// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.genvag.core.error.InputException;
import org.genvag.core.kb.Biomarker;
import org.genvag.core.kb.KnowledgeBase;
import org.genvag.io.kb.KnowledgeBaseReader;
import org.genvag.pipeline.batch.BatchOptions;
import org.genvag.pipeline.batch.BatchRun;
import org.genvag.pipeline.batch.ManifestReader;
import org.genvag.pipeline.batch.SampleOutcome;
import org.genvag.pipeline.schema.OutputSchema;
import org.genvag.pipeline.schema.SchemaCheck;
import org.genvag.testdata.BatchFixture;
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

    static final List<String> TUMOUR_GENES = BatchFixture.TUMOUR_GENES;
    static final String HAPMAP_SAMPLE = BatchFixture.HAPMAP_SAMPLE;

    Path manifest() throws IOException {
        return BatchFixture.manifest(dir, Fixtures.path("vcf/hapmap_exome_chr22.vcf.gz"));
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
        // Every JSON output keeps to its published schema.
        assertEquals(List.of(), SchemaCheck.errors(OutputSchema.BATCH_SUMMARY, out.resolve("summary.json")));
        for (String sample : List.of("hapmap", "tumour")) {
            assertEquals(List.of(), SchemaCheck.errors(OutputSchema.SAMPLE,
                    out.resolve(sample).resolve("sample.json")));
        }
        assertEquals(List.of(), SchemaCheck.errors(OutputSchema.COVERAGE_SUMMARY,
                out.resolve("tumour/coverage.summary.json")));
        assertEquals(List.of(), SchemaCheck.errors(OutputSchema.BIOMARKERS, out.resolve("tumour/biomarkers.json")));

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
        assertTrue(m.startsWith("10 problems in the manifest, nothing was run"), m);
        for (String expected : List.of(bad + ":1: unknown column 'colour'", bad + ":2: build GRCh38, but",
                bad + ":3: " + dir.resolve("hapmap.vcf.gz") + " holds 22 samples (NA07034@1099927558, "
                        + "NA07048@1099927687,", "name the one this row reports on in a 'sample' column",
                bad + ":3: sample id 'a' repeats line 2", bad + ":4: type 'normal' is neither germline nor tumour",
                bad + ":4: vcf nope.vcf: no such file", bad + ":5: expected 5 tab-separated columns, found 4",
                bad + ":6: empty id")) {
            assertTrue(m.contains(expected), "missing '" + expected + "' in:\n" + m);
        }
    }

    @Test
    void aTumourTypeIsAnOncoTreeCodeOfATumourRow() throws IOException {
        manifest();
        Path bad = Files.writeString(dir.resolve("types.tsv"), "id\ttype\tvcf\ttumour_type\n"
                + "t1\ttumour\tt.somatic.vcf\tcolon\n"
                + "g1\tgermline\thapmap.vcf.gz\tPAAD\n"
                + "t2\ttumour\tt.somatic.vcf\tpaad\n");
        InputException e = assertThrows(InputException.class, () -> ManifestReader.read(bad));
        assertTrue(e.getMessage().contains(bad + ":2: tumour_type: 'colon' is not an OncoTree code of release "
                + "oncotree_2025_10_03"), e.getMessage());
        assertTrue(e.getMessage().contains(bad + ":3: tumour_type 'PAAD' on a germline row"), e.getMessage());
        assertFalse(e.getMessage().contains(":4:"), "a code in lower case is read: " + e.getMessage());
    }

    @Test
    void aSampleThatIsNoColumnOfItsVcfIsAManifestProblem() throws IOException {
        manifest();
        Path bad = Files.writeString(dir.resolve("bad.tsv"), "id\ttype\tvcf\tsample\n"
                + "a\tgermline\thapmap.vcf.gz\tNA99999\n");
        InputException e = assertThrows(InputException.class, () -> ManifestReader.read(bad));
        assertTrue(e.getMessage().contains(bad + ":2: sample 'NA99999' is not a column of "), e.getMessage());
        // Older manifests named the id column 'sample': without an 'id' column, that is what it still means.
        Path old = Files.writeString(dir.resolve("old.tsv"), "sample\ttype\tvcf\n"
                + "t1\ttumour\tt.somatic.vcf\n");
        assertEquals("t1", ManifestReader.read(old).get(0).id());
    }

    /**
     * The germline report lists and counts the variants the named sample carries, with its genotypes: the same
     * records bcftools keeps for that sample with GT="alt" (no 0/0, no no-call), not the first column's.
     */
    @Test
    void panelVariantsAreTheNamedSamplesOwn() throws IOException {
        Path out = dir.resolve("out");
        Files.copy(Fixtures.path("vcf/hapmap_exome_chr22.vcf.gz"), dir.resolve("hapmap.vcf.gz"));
        Path manifest = Files.writeString(dir.resolve("germline.tsv"), "id\ttype\tvcf\tbuild\tsample\n"
                + "hapmap\tgermline\thapmap.vcf.gz\tGRCh37\t" + HAPMAP_SAMPLE + "\n");
        List<SampleOutcome> run = BatchRun.run(ManifestReader.read(manifest), out, new BatchOptions(
                List.of(Fixtures.path("panels/chr22-genes.txt")), 0, null, 2, false, "test"), null);
        PeerTool bcftools = PeerTool.require("bcftools");
        // The sample's column first, then its ALT genotypes: in one call bcftools would test GT="alt" of any sample.
        Path one = dir.resolve("one-sample.vcf.gz");
        bcftools.run("view", "-s", HAPMAP_SAMPLE, "-Oz", "-o", one.toString(),
                out.resolve("hapmap/panel.vcf.gz").toString());
        List<String> expected = bcftools.runText("view", "-H", "-i", "GT=\"alt\"", one.toString()).lines().toList();
        long all = bcftools.runText("view", "-H", out.resolve("hapmap/panel.vcf.gz").toString()).lines().count();
        assertTrue(expected.size() > 0 && expected.size() < all, expected.size() + " of " + all);
        assertEquals(expected.size(), run.get(0).panelVariants());
        String html = Files.readString(out.resolve("hapmap/report.html"));
        assertTrue(html.contains(expected.size() + " variants of " + HAPMAP_SAMPLE + " in the panel genes"), html);
        assertTrue(html.contains("<th>GT (" + HAPMAP_SAMPLE + ")</th>"));
        for (String record : expected) {
            String[] f = record.split("\t");
            String row = "<tr><td>" + f[0] + "</td><td class=\"num\">" + f[1] + "</td>";
            int at = html.indexOf(row);
            assertTrue(at > 0, "listed: " + f[0] + ":" + f[1]);
            String gt = f[9].split(":")[0];
            assertTrue(html.substring(at, html.indexOf("</tr>", at)).endsWith("<td>" + gt + "</td>"),
                    "the sample's own genotype " + gt + " at " + f[0] + ":" + f[1]);
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
                "larotrectinib", "TMB-high", "Coverage", "Panel variants", "<svg", "SHA-256", "label source",
                "Tumour type: COAD (Colon Adenocarcinoma)", "the label excludes COADREAD", "depends</span> on",
                "prior-targeted-therapy: has not received a prior NTRK inhibitor", "superseded: ")) {
            assertTrue(dom.contains(text), "the rendered page lacks '" + text + "'");
        }
        // Rule sources are shown as the knowledge base's citations, never as its keys.
        KnowledgeBase kb = KnowledgeBaseReader.bundled();
        for (Biomarker b : kb.biomarkers()) {
            if (dom.contains(">" + b.name() + " &mdash;") || dom.contains(">" + b.name() + " —")) {
                for (String key : b.sources()) {
                    assertTrue(dom.contains(domText(kb.sources().get(key))), "citation of " + key);
                    assertFalse(dom.contains("<li>" + key + "</li>"), "bare key " + key);
                }
            }
        }
    }

    /** Text as Chromium's --dump-dom writes it: the three characters HTML must escape in text, escaped. */
    private static String domText(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
