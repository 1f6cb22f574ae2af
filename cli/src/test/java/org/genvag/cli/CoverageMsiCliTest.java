// SPDX-License-Identifier: Apache-2.0
package org.genvag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.genvag.testdata.BamGenerator;
import org.genvag.testdata.Contig;
import org.genvag.testdata.FastaGenerator;
import org.genvag.testdata.SyntheticGenome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code genvag coverage --msi-sites} counts the tumour's repeat lengths in the coverage pass and gives the same call
 * as {@code genvag msi call} with its own passes, against a normal and against a baseline.
 */
class CoverageMsiCliTest {
    @TempDir
    static Path dir;
    static Path tumour;
    static Path normal;
    static Path sites;
    static Path panel;

    @BeforeAll
    static void generate() throws IOException {
        SyntheticGenome genome = new SyntheticGenome(4);
        List<Contig> contigs = Contig.parse("synthetic:1:500000", false);
        Path fasta = dir.resolve("ref.fa");
        FastaGenerator.write(genome, contigs, fasta);
        sites = dir.resolve("sites.tsv");
        CliTest.Run scan = CliTest.run("msi", "scan", "--reference", fasta.toString(), "--min-homopolymer", "10",
                "--min-copies", "5", "-o", sites.toString());
        assertEquals(0, scan.exit(), scan.err());
        BamGenerator.Options o = BamGenerator.Options.defaults().withDepth(50);
        tumour = dir.resolve("tumour.bam");
        new BamGenerator(genome, contigs, o.withSeed(1)).withMsi(new BamGenerator.MsiShift(0.3, 0.7, 3, 0.3))
                .write(BamGenerator.wholeContigs(contigs), tumour);
        normal = dir.resolve("normal.bam");
        new BamGenerator(genome, contigs, o.withSeed(2)).write(BamGenerator.wholeContigs(contigs), normal);
        panel = Files.writeString(dir.resolve("panel.bed"), "syn1\t1000\t200000\tfirst\nsyn1\t300000\t400000\tsecond\n");
    }

    @Test
    void theFusedCallEqualsTheSeparateOne() throws IOException {
        CliTest.Run separate = CliTest.run("msi", "call", "--bam", tumour.toString(), "--normal", normal.toString(),
                "--sites", sites.toString(), "-o", dir.resolve("separate.json").toString());
        assertEquals(0, separate.exit(), separate.err());
        CliTest.Run fused = CliTest.run("coverage", "--bam", tumour.toString(), "--panel", panel.toString(),
                "--build", "GRCh38", "--msi-sites", sites.toString(), "--msi-normal", normal.toString(),
                "--out-prefix", dir.resolve("cov").toString());
        assertEquals(0, fused.exit(), fused.err());
        assertTrue(fused.err().contains("msi: MSI_H"), fused.err());
        assertTrue(Files.isRegularFile(dir.resolve("cov.genes.tsv")), "coverage reports written too");
        JsonNode a = json(dir.resolve("separate.json"));
        JsonNode b = json(dir.resolve("cov.msi.json"));
        assertEquals("msi-h", a.get("status").asText());
        for (String field : new String[] {"status", "score", "evaluableSites", "unstableSites", "sites",
            "readsMeasured", "readsRealigned"}) {
            assertEquals(a.get(field), b.get(field), field);
        }
        // A third of the tumour's shifted reads were written soft-clipped at the repeat: realignment anchored them.
        assertTrue(a.get("readsRealigned").get("tumour").asLong() > 0, a.toString());
    }

    @Test
    void againstABaselineToo() throws IOException {
        Path baseline = dir.resolve("baseline.tsv");
        CliTest.Run built = CliTest.run("msi", "baseline", "--normals", normal.toString(), "--sites", sites.toString(),
                "-o", baseline.toString());
        assertEquals(0, built.exit(), built.err());
        CliTest.Run separate = CliTest.run("msi", "call", "--bam", tumour.toString(), "--baseline",
                baseline.toString(), "--sites", sites.toString(), "-o", dir.resolve("separate-b.json").toString());
        assertEquals(0, separate.exit(), separate.err());
        CliTest.Run fused = CliTest.run("coverage", "--bam", tumour.toString(), "--panel", panel.toString(),
                "--build", "GRCh38", "--msi-sites", sites.toString(), "--msi-baseline", baseline.toString(),
                "--out-prefix", dir.resolve("covb").toString());
        assertEquals(0, fused.exit(), fused.err());
        JsonNode a = json(dir.resolve("separate-b.json"));
        JsonNode b = json(dir.resolve("covb.msi.json"));
        for (String field : new String[] {"status", "score", "evaluableSites", "unstableSites", "readsMeasured",
            "readsRealigned"}) {
            assertEquals(a.get(field), b.get(field), field);
        }
        // The biomarker report takes the same tumour-only call.
        CliTest.Run report = CliTest.run("biomarkers", "--sv-vcf",
                org.genvag.testsupport.Fixtures.path("sv/colo829_somatic_manta.vcf").toString(), "--bam",
                tumour.toString(), "--msi-baseline", baseline.toString(), "--msi-sites", sites.toString(), "--out",
                dir.resolve("report.json").toString());
        assertEquals(0, report.exit(), report.err());
        assertTrue(json(dir.resolve("report.json")).get("matches").toString().contains("\"biomarkerId\":\"MSI_H\""),
                json(dir.resolve("report.json")).get("matches").toString());
    }

    /** The cut-offs are the caller's to set: the same tumour is indeterminate under a stricter MSI-H line. */
    @Test
    void cutOffsAreConfigurable() throws IOException {
        CliTest.Run d = CliTest.run("msi", "call", "--bam", tumour.toString(), "--normal", normal.toString(),
                "--sites", sites.toString(), "-o", dir.resolve("default.json").toString());
        assertEquals(0, d.exit(), d.err());
        double score = json(dir.resolve("default.json")).get("score").asDouble();
        assertTrue(score >= 10, "score " + score);
        String stricter = String.valueOf(Math.ceil(score + 1));
        CliTest.Run s = CliTest.run("msi", "call", "--bam", tumour.toString(), "--normal", normal.toString(),
                "--sites", sites.toString(), "--msi-high", stricter, "-o", dir.resolve("strict.json").toString());
        assertEquals(0, s.exit(), s.err());
        JsonNode strict = json(dir.resolve("strict.json"));
        assertEquals("indeterminate", strict.get("status").asText());
        assertEquals(score, strict.get("score").asDouble());
        assertEquals(">= " + Double.parseDouble(stricter), strict.get("cutoffs").get("msiHigh").asText());
        CliTest.Run bad = CliTest.run("msi", "call", "--bam", tumour.toString(), "--normal", normal.toString(),
                "--sites", sites.toString(), "--msi-high", "2", "-o", dir.resolve("bad.json").toString());
        assertEquals(Main.EXIT_INPUT, bad.exit());
        assertTrue(bad.err().contains("MSI cut-offs out of range"), bad.err());
        assertFalse(Files.exists(dir.resolve("bad.json")));
    }

    @Test
    void msiOptionsMustComeTogether() {
        CliTest.Run noNormal = CliTest.run("coverage", "--bam", tumour.toString(), "--panel", panel.toString(),
                "--msi-sites", sites.toString(), "--out-prefix", dir.resolve("x").toString());
        assertEquals(Main.EXIT_INPUT, noNormal.exit());
        assertTrue(noNormal.err().contains("--msi-sites needs either --msi-normal"), noNormal.err());
        CliTest.Run noSites = CliTest.run("coverage", "--bam", tumour.toString(), "--panel", panel.toString(),
                "--msi-normal", normal.toString(), "--out-prefix", dir.resolve("y").toString());
        assertEquals(Main.EXIT_INPUT, noSites.exit());
        assertTrue(noSites.err().contains("need --msi-sites"), noSites.err());
        assertFalse(Files.exists(dir.resolve("x.genes.tsv")), "nothing written before the options are checked");
    }

    private static JsonNode json(Path p) throws IOException {
        return new ObjectMapper().readTree(p.toFile());
    }
}
