// SPDX-License-Identifier: Apache-2.0
package org.genvag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.genvag.core.genome.GenomeBuild;
import org.genvag.io.kb.KnowledgeBaseReader;
import org.genvag.testdata.TumourGenerator;
import org.genvag.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java example, taken out of README.md (not a copy of it), compiled against genvag's jars and run as its
 * own process in a directory holding the files it names. What it prints is checked against the files themselves,
 * read without genvag.
 */
class ReadmeExampleTest {
    @Test
    void theReadmeProgramCompilesAndRunsAsWritten(@TempDir Path dir) throws IOException, InterruptedException {
        String source = javaBlockDefining("public class LabExample", readme());
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("LabExample.java"), source);
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int compiled = javac.run(null, diagnostics, diagnostics, "-cp", classPath, "-d", classes.toString(),
                "-Xlint:all", "-Werror", src.resolve("LabExample.java").toString());
        assertEquals(0, compiled, diagnostics.toString(StandardCharsets.UTF_8));

        Path work = Files.createDirectories(dir.resolve("work"));
        Files.copy(Fixtures.path("vcf/hapmap_exome_chr22.vcf.gz"), work.resolve("sample.vcf.gz"));
        Files.copy(Fixtures.path("panels/chr22-genes.txt"), work.resolve("genes.txt"));
        new TumourGenerator(new TumourGenerator.Options(GenomeBuild.GRCH38, true, List.of("NTRK3", "ETV6", "BRAF"),
                10, false, "ETV6::NTRK3", 1), KnowledgeBaseReader.bundled())
                .write(work.resolve("tumour.somatic.vcf"), work.resolve("tumour.sv.vcf"), work.resolve("callable.bed"));
        Files.writeString(work.resolve("samples.tsv"), "id\ttype\tvcf\tsv_vcf\tcallable\tbuild\tsample\ttumour_type\n"
                + "exome\tgermline\tsample.vcf.gz\t.\t.\tGRCh37\tNA12878@1099927697\t.\n"
                + "t1\ttumour\ttumour.somatic.vcf\ttumour.sv.vcf\tcallable.bed\t.\t.\tCOAD\n");

        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                classes + File.pathSeparator + classPath, "LabExample").directory(work.toFile())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), out);
        List<String> lines = out.lines().filter(l -> !l.contains(" INFO ") && !l.startsWith("INFO")).toList();

        // Its counts agree with the files read as text.
        List<String> records = dataLines(work.resolve("sample.vcf.gz"));
        long deep = records.stream().filter(l -> depth(l) >= 1000).count();
        assertTrue(lines.contains("records: " + records.size() + ", with DP >= 1000: " + deep), out);
        long kept = dataLines(work.resolve("sample.panel.vcf.gz")).size();
        assertTrue(kept > 0 && lines.contains("panel: kept " + kept + " of " + records.size()), out);
        assertTrue(lines.contains("store: " + kept + " records in the panel"), "the store answers as the VCF: " + out);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("TRKA: NTRK1 (ENSG00000198400, 1:")), out);
        assertTrue(lines.contains("biomarker: ETV6::NTRK3 fusion: match"), out);
        assertTrue(lines.contains("  repotrectinib FDA applicable"), out);
        assertTrue(Files.readString(work.resolve("biomarkers.json")).contains("\"schema\" : \"genvag-biomarkers\""));
        assertTrue(lines.contains("sample exome: done") && lines.contains("sample t1: done"), out);
        assertTrue(Files.isRegularFile(work.resolve("out/t1/report.html")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("error: samples.tsv line 1: expected the VCF header")),
                out);
    }

    static String readme() throws IOException {
        Path root = Fixtures.path(".").toAbsolutePath().normalize().getParent().getParent();
        return Files.readString(root.resolve("README.md"));
    }

    /** The fenced java block of README.md that holds {@code marker}, verbatim. */
    static String javaBlockDefining(String marker, String readme) {
        List<String> blocks = new ArrayList<>();
        for (int at = readme.indexOf("```java\n"); at >= 0; at = readme.indexOf("```java\n", at + 1)) {
            int end = readme.indexOf("\n```", at + 8);
            blocks.add(readme.substring(at + 8, end + 1));
        }
        List<String> defining = blocks.stream().filter(b -> b.contains(marker)).toList();
        assertEquals(1, defining.size(), "README.md must hold one java block with " + marker);
        return defining.get(0);
    }

    static List<String> dataLines(Path vcfGz) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(vcfGz))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#"))
                    .toList();
        }
    }

    static long depth(String line) {
        for (String kv : line.split("\t")[7].split(";")) {
            if (kv.startsWith("DP=")) {
                return Long.parseLong(kv.substring(3));
            }
        }
        return -1;
    }
}
