// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.genvag.io.variants.VariantSources;
import org.genvag.io.vcf.VcfReader;
import org.genvag.io.vcf.VcfRecord;
import org.genvag.pipeline.consequence.CsqJob;
import org.genvag.pipeline.consequence.TranscriptSet;
import org.genvag.testdata.CodingGenomeGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code annotate} with a GFF and a reference: each panel VCF holds exactly the records panel filtering keeps, each
 * with the INFO/CSQ {@code genvag csq} gives them, and the report's variants table names gene, transcript, HGVS and
 * impact, most disruptive first.
 */
class BatchConsequencesTest {
    @TempDir
    Path dir;

    @Test
    void panelVcfCarriesCsqAndTheReportListsHgvsByImpact() throws IOException {
        CodingGenomeGenerator.Output g = CodingGenomeGenerator.write(dir.resolve("genome"), "chrS", 30, 7L);
        // The panel: the first ten genes' spans, as a BED.
        List<String> bed = new ArrayList<>();
        for (String line : Files.readAllLines(g.gff())) {
            String[] f = line.split("\t");
            if (f.length == 9 && f[2].equals("gene") && bed.size() < 10) {
                bed.add("chrS\t" + (Long.parseLong(f[3]) - 1) + "\t" + f[4] + "\t" + f[8].replaceAll(".*Name=([^;]+).*",
                        "$1"));
            }
        }
        Path panel = Files.write(dir.resolve("panel.bed"), bed);
        Path manifest = Files.writeString(dir.resolve("samples.tsv"), "id\ttype\tvcf\nS1\tgermline\t" + g.vcf() + "\n");
        BatchOptions plain = BatchOptions.builder(List.of(panel)).build();
        BatchOptions withCsq = BatchOptions.builder(List.of(panel)).targets(null, g.gff()).reference(g.fasta()).build();
        List<SampleOutcome> a = BatchRun.run(ManifestReader.read(manifest), dir.resolve("plain"), plain, null);
        List<SampleOutcome> b = BatchRun.run(ManifestReader.read(manifest), dir.resolve("csq"), withCsq, null);
        assertEquals("done", a.get(0).status(), a.get(0).error());
        assertEquals("done", b.get(0).status(), b.get(0).error());
        assertEquals(a.get(0).panelVariants(), b.get(0).panelVariants());

        // The same records, each with the CSQ genvag csq writes for the filtered file.
        Path expected = dir.resolve("expected.vcf");
        CsqJob.run(new CsqJob.Request(dir.resolve("plain/S1/panel.vcf.gz").toString(), expected.toString(), null,
                g.gff(), g.fasta(), TranscriptSet.ALL, false, 1), new PrintWriter(Writer.nullWriter()));
        List<String> got = records(dir.resolve("csq/S1/panel.vcf.gz"));
        assertEquals(records(expected), got);
        assertTrue(got.size() > 50, got.size() + " panel records");
        assertTrue(got.stream().allMatch(r -> r.contains(";CSQ=") || r.contains("\tCSQ=")), "every record has CSQ");

        String html = Files.readString(dir.resolve("csq/S1/report.html"));
        assertTrue(html.contains("<th>HGVS c.</th><th>HGVS p.</th><th>consequence</th><th>impact</th>"), "columns");
        int high = html.indexOf("<td>HIGH</td>");
        int modifier = html.indexOf("<td>MODIFIER</td>");
        assertTrue(high > 0 && modifier > high, "HIGH rows before MODIFIER rows");
        assertTrue(html.contains("p.("), "protein changes listed");
        assertTrue(!Files.readString(dir.resolve("plain/S1/report.html")).contains("HGVS c."), "no CSQ, no columns");
    }

    private static List<String> records(Path vcf) throws IOException {
        List<String> out = new ArrayList<>();
        try (VcfReader r = VariantSources.open(vcf.toString(), 1)) {
            VcfRecord rec = new VcfRecord();
            while (r.next(rec)) {
                out.add(rec.toString());
            }
        }
        return out;
    }
}
