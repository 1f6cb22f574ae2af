// SPDX-License-Identifier: Apache-2.0
package org.genvag.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.genvag.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The genvag executable: the library's commands and genvag-app's demo and generators on one command line. */
class AppCliTest {
    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void helpListsTheAppCommandsBesideTheLibrarysOnes() {
        Run r = run("--help");
        assertEquals(0, r.exit());
        for (String command : List.of("demo", "generate", "view", "biomarkers", "annotate", "kb")) {
            assertTrue(r.out().contains("  " + command), r.out());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "generate", "generate vcf", "generate fasta", "generate bam"})
    void everyCommandHasHelp(String command) {
        Run r = run((command + " --help").split(" "));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("Usage: genvag " + command), r.out());
    }

    @Test
    void badBedNamesFileAndLineAndLeavesNoOutput(@TempDir Path dir) throws IOException {
        Path bed = dir.resolve("targets.bed");
        Files.writeString(bed, "# header\nsyn1\t100\t200\nsyn1\tabc\t300\n");
        Path bam = dir.resolve("out.bam");
        Run r = run("generate", "bam", "--genome", "synthetic:1:10000", "--regions", bed.toString(), "-o",
                bam.toString());
        assertEquals(Main.EXIT_INPUT, r.exit());
        assertEquals("genvag: error: " + bed + ":3: BED start and end must be whole numbers, found 'abc' and '300'",
                r.err().strip());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(bed), files.toList(), "no output or temp file may be left behind");
        }
    }

    @Test
    void unknownContigInRegionsIsNamed(@TempDir Path dir) throws IOException {
        Path bed = dir.resolve("t.bed");
        Files.writeString(bed, "chr1\t100\t200\n");
        Run r = run("generate", "bam", "--genome", "synthetic:1:10000", "--regions", bed.toString(), "-o",
                dir.resolve("x.bam").toString());
        assertEquals(Main.EXIT_INPUT, r.exit());
        assertTrue(r.err().contains("contig 'chr1' is not in the generated genome"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void missingInputFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope.bed");
        Run r = run("generate", "bam", "--genome", "synthetic:1:10000", "--regions", missing.toString(), "-o",
                dir.resolve("x.bam").toString());
        assertEquals(Main.EXIT_INPUT, r.exit());
        assertEquals("genvag: error: no such file: " + missing, r.err().strip());
    }

    @Test
    void demoRunsOnBundledData(@TempDir Path dir) throws IOException {
        Run r = run("demo", "--out-dir", dir.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("as step 2 found in the VCF"), "the store's panel query agrees: " + r.out());
        assertTrue(Files.size(dir.resolve("stores/hapmap_exome_chr22.gvs")) > 0);
        assertTrue(Files.size(dir.resolve("demo-tumour.vcf.gz")) > 0);
        assertTrue(Files.exists(dir.resolve("demo-tumour.bam.bai")));
        assertTrue(r.out().contains("not applicable  dabrafenib + trametinib  FDA 2022-06-22: the label excludes "
                + "COADREAD"), "the demo colon tumour meets the label's exclusion: " + r.out());
    }


    /**
     * The launcher's start-up training runs every short question it stands for, each to a good end (a failing one
     * would record an archive of an error path), and leaves no files; it is not listed among the user's commands.
     */
    @Test
    void startUpTrainingRunsCleanlyAndHidden() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before;
        try (Stream<Path> s = Files.list(tmp)) {
            before = s.filter(p -> p.getFileName().toString().startsWith("genvag-training-")).count();
        }
        Run r = run("start-up-training");
        assertEquals(0, r.exit(), r.err());
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(before, s.filter(p -> p.getFileName().toString().startsWith("genvag-training-")).count());
        }
        assertFalse(run("--help").out().contains("start-up-training"));
    }
}
