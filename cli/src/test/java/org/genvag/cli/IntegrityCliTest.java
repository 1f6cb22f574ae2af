// SPDX-License-Identifier: Apache-2.0
package org.genvag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

import org.genvag.cli.CliTest.Run;
import org.genvag.core.error.InputException;
import org.genvag.io.bgzf.BgzfOutputStream;
import org.genvag.testsupport.Fixtures;
import org.genvag.testsupport.PeerTool;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The integrity rules as a user meets them on the command line: a broken record or file is an error naming where,
 * with exit 2 and no output; an environment failure is exit 3 and names the user's file; a closed pipe is quiet.
 */
class IntegrityCliTest {
    private static final Path EXOME = Fixtures.path("vcf/hapmap_exome_chr22.vcf.gz");
    private static final Path CHR22_GENES = Fixtures.path("panels/chr22-genes.txt");

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    private static List<String> lines(Path gz) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    /** The 22-sample exome VCF with data line {@code record} (1-based) replaced; returns its file line number. */
    private static int broken(Path out, int record, UnaryOperator<String> damage)
            throws IOException {
        List<String> lines = new ArrayList<>(lines(EXOME));
        int headers = (int) lines.stream().takeWhile(l -> l.startsWith("#")).count();
        lines.set(headers + record - 1, damage.apply(lines.get(headers + record - 1)));
        Files.writeString(out, String.join("\n", lines) + "\n");
        return headers + record;
    }

    @Test
    void aRecordWithoutItsQualColumnStopsEveryCommandAtItsLine(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("in.vcf");
        int line = broken(in, 5, l -> {
            String[] f = l.split("\t", -1);
            List<String> kept = new ArrayList<>(List.of(f));
            kept.remove(5);   // QUAL
            return String.join("\t", kept);
        });
        String expected = in + ":" + line + ": expected 31 columns (CHROM to INFO, FORMAT and the header's 22 "
                + "samples), found 30";
        Path out = dir.resolve("out");
        Files.createDirectory(out);
        for (String[] args : List.of(
                new String[] {"view", in.toString(), "-o", out.resolve("v.vcf.gz").toString()},
                new String[] {"filter", "-i", in.toString(), "--panel", CHR22_GENES.toString(), "--build", "GRCh37",
                    "-o", out.resolve("f.vcf.gz").toString()},
                new String[] {"store", "build", in.toString(), "-o", out.resolve("s.gvs").toString()})) {
            Run r = CliTest.run(args);
            assertEquals(Main.EXIT_INPUT, r.exit(), args[0] + ": " + r.err());
            assertTrue(r.err().contains(expected), args[0] + ": " + r.err());
            assertEquals(List.of(), list(out), args[0] + " left an output");
        }
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"garbage", "chr22\t16050075", "22\t16050075x\t.\tA\tG\t.\t.\t."})
    void aLineThatIsNoRecordIsAnError(String line, @TempDir Path dir) throws IOException {
        Path in = dir.resolve("in.vcf");
        int at = broken(in, 3, l -> line);
        Run r = CliTest.run("view", in.toString(), "-o", dir.resolve("x.vcf").toString());
        assertEquals(Main.EXIT_INPUT, r.exit(), r.err());
        assertTrue(r.err().startsWith("genvag: error: " + in + ":" + at + ": "), r.err());
        assertFalse(Files.exists(dir.resolve("x.vcf")));
    }

    /** ex1.bam's record 122 with reference ID -2^31 used to end the records: coverage reported 1.6x for 40.8x. */
    @Test
    void aDamagedBamRecordFailsCoverageAndWritesNothing(@TempDir Path dir) throws IOException {
        byte[] raw;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Fixtures.path("bam/rsamtools-ex1.bam")))) {
            raw = in.readAllBytes();
        }
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        int at = 8 + b.getInt(4);
        int refs = b.getInt(at);
        at += 4;
        for (int i = 0; i < refs; i++) {
            at += 4 + b.getInt(at) + 4;
        }
        for (int i = 1; i < 122; i++) {
            at += 4 + b.getInt(at);
        }
        b.putInt(at + 4, Integer.MIN_VALUE);
        Path bam = dir.resolve("damaged.bam");
        try (OutputStream out = new BgzfOutputStream(Files.newOutputStream(bam))) {
            out.write(raw);
        }
        Path bed = dir.resolve("seq1.bed");
        Files.writeString(bed, "seq1\t0\t1575\tseq1\n");
        Path outDir = Files.createDirectory(dir.resolve("out"));
        Run r = CliTest.run("coverage", "--bam", bam.toString(), "--panel", bed.toString(), "--build", "GRCh37",
                "--mode", "stream", "--out-prefix", outDir.resolve("x").toString());
        assertEquals(Main.EXIT_INPUT, r.exit(), r.err());
        assertTrue(r.err().contains("corrupt BAM record 122 (near compressed offset "), r.err());
        assertTrue(r.err().contains("reference ID -2147483648 is neither -1 nor one of the header's 2 references"),
                r.err());
        assertEquals(List.of(), list(outDir));
    }

    /** htsjdk refuses the reference name 'chr1,chr3' that htslib reads: the index path reads it as streaming does. */
    @Test
    void referenceNamesHtsjdkRefusesWorkByIndexAsByStream(@TempDir Path dir) throws IOException {
        Path bam = dir.resolve("colons.bam");
        Files.copy(Fixtures.path("htslib-test-bam/colons.bam"), bam);
        PeerTool.require("samtools").run("index", bam.toString());
        Path bed = dir.resolve("chr1.bed");
        Files.writeString(bed, "chr1\t10\t500\tr1\n");
        List<String> regions = new ArrayList<>();
        for (String mode : List.of("index", "stream")) {
            Run r = CliTest.run("coverage", "--bam", bam.toString(), "--panel", bed.toString(), "--build", "GRCh37",
                    "--mode", mode, "--out-prefix", dir.resolve(mode).toString());
            assertEquals(0, r.exit(), mode + ": " + r.err());
            regions.add(Files.readString(dir.resolve(mode + ".regions.tsv")));
        }
        assertEquals(regions.get(0), regions.get(1));
    }

    @Test
    void bcfIsRefusedWithTheWayOut(@TempDir Path dir) {
        Run r = CliTest.run("view", Fixtures.path("htslib-test/tabix_vcf_file.bcf").toString());
        assertEquals(Main.EXIT_INPUT, r.exit());
        assertTrue(r.err().contains("BCF is not supported: convert it to VCF first (bcftools view -Oz"), r.err());
        r = CliTest.run("view", EXOME.toString(), "-o", dir.resolve("x.bcf").toString());
        assertEquals(Main.EXIT_INPUT, r.exit());
        assertTrue(r.err().contains("genvag writes VCF, not BCF"), r.err());
    }

    @Test
    void theOutputMayNotBeTheInputNorInAMissingFolder(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("in.vcf.gz");
        Files.copy(EXOME, in);
        byte[] before = Files.readAllBytes(in);
        Run r = CliTest.run("view", in.toString(), "-o", dir.resolve(".").resolve("in.vcf.gz").toString());
        assertEquals(Main.EXIT_INPUT, r.exit());
        assertTrue(r.err().contains("is the input"), r.err());
        assertTrue(Arrays.equals(before, Files.readAllBytes(in)), "the input is untouched");
        r = CliTest.run("view", in.toString(), "-o", dir.resolve("no/such/x.vcf").toString());
        assertEquals(Main.EXIT_INPUT, r.exit());
        assertTrue(r.err().contains("the folder " + dir.resolve("no/such") + " does not exist"), r.err());
        assertFalse(Files.exists(dir.resolve("no")));
        r = CliTest.run("coverage", "--bam", Fixtures.path("bam/rsamtools-ex1.bam").toString(), "--panel",
                Fixtures.path("panels/regions-chr22.bed").toString(), "--out-prefix", dir + "/");
        assertEquals(Main.EXIT_INPUT, r.exit());
        assertTrue(r.err().contains("names a folder"), r.err());
        assertEquals(List.of(in), list(dir), "no hidden .regions.tsv and friends");
    }

    @Test
    void foldersEmptyPanelsAndBadManifestsAreNamed(@TempDir Path dir) throws IOException {
        Run r = CliTest.run("filter", "-i", EXOME.toString(), "--panel", dir.toString(), "--build", "GRCh37");
        assertEquals(Main.EXIT_INPUT, r.exit());
        assertTrue(r.err().contains(dir + ": is a folder, expected panel file"), r.err());
        r = CliTest.run("biomarkers", "--somatic-vcf", Fixtures.path("somatic/colon2-sample.vcf").toString(), "--kb",
                dir.toString(), "--out", dir.resolve("b.json").toString());
        assertEquals(Main.EXIT_INPUT, r.exit());
        assertTrue(r.err().contains(dir + ": is a folder, expected knowledge base"), r.err());
        Path empty = dir.resolve("empty.bed");
        Files.writeString(empty, "# nothing here\n");
        r = CliTest.run("filter", "-i", EXOME.toString(), "--panel", empty.toString(), "--build", "GRCh37");
        assertEquals(Main.EXIT_INPUT, r.exit());
        assertTrue(r.err().contains(empty + ": panel has no regions"), r.err());

        r = CliTest.run("annotate", "--manifest", "/dev/null", "--out-dir", dir.resolve("a").toString());
        assertEquals(Main.EXIT_INPUT, r.exit());
        assertTrue(r.err().contains("/dev/null: empty manifest"), r.err());
        Path nul = dir.resolve("nul.tsv");
        Files.write(nul, "id\ttype\tvcf\ns1\tgermline\ta\0b.vcf\n".getBytes(StandardCharsets.UTF_8));
        r = CliTest.run("annotate", "--manifest", nul.toString(), "--out-dir", dir.resolve("a").toString());
        assertEquals(Main.EXIT_INPUT, r.exit(), r.err());
        assertTrue(r.err().contains(nul + ":2: a NUL byte at column 14"), r.err());
        Path latin1 = dir.resolve("latin1.tsv");
        Files.write(latin1, "id\ttype\tvcf\ns\u00e9\tgermline\tx.vcf\n".getBytes(StandardCharsets.ISO_8859_1));
        r = CliTest.run("annotate", "--manifest", latin1.toString(), "--out-dir", dir.resolve("a").toString());
        assertEquals(Main.EXIT_INPUT, r.exit(), r.err());
        assertTrue(r.err().contains(latin1 + ":2: not UTF-8 text (byte 0xe9 at column 2)"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    /** /dev/full fails every write with ENOSPC: an environment failure, exit 3, naming the output. */
    @Test
    void aFullDiskIsAnEnvironmentFailureNamingTheOutput() {
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/full")));
        Run r = CliTest.run("view", EXOME.toString(), "-o", "/dev/full");
        assertEquals(Main.EXIT_ENVIRONMENT, r.exit(), r.err());
        assertEquals("genvag: error: cannot write /dev/full: No space left on device", r.err().strip());
    }

    /**
     * Coverage's outputs on a file system that fills up part way: none of them appears, no temporary is left, and
     * the message names an output the user asked for. A 16 KiB tmpfs needs root to mount; elsewhere this is skipped.
     */
    @Test
    void aDiskThatFillsUpLeavesNoneOfTheOutputs(@TempDir Path dir) throws Exception {
        Path mount = Files.createDirectory(dir.resolve("small"));
        Assumptions.assumeTrue(new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", mount.toString())
                .redirectErrorStream(true).start().waitFor() == 0, "cannot mount a tmpfs here");
        try {
            Path filler = mount.resolve("filler");
            try (OutputStream out = Files.newOutputStream(filler)) {
                out.write(new byte[12 * 1024]);   // three of the four pages: one output fits, the next does not
            }
            Path bed = dir.resolve("seq.bed");
            Files.writeString(bed, bedOfEx1(400));
            Run r = CliTest.run("coverage", "--bam", Fixtures.path("bam/rsamtools-ex1.bam").toString(), "--panel",
                    bed.toString(), "--build", "GRCh37", "--out-prefix", mount.resolve("x").toString());
            assertEquals(Main.EXIT_ENVIRONMENT, r.exit(), r.err());
            assertTrue(r.err().contains("cannot write " + mount.resolve("x.")), r.err());
            assertTrue(r.err().contains("No space left on device"), r.err());
            assertFalse(r.err().contains("/.x."), "names no hidden temporary: " + r.err());
            assertEquals(List.of(filler), list(mount));
        } finally {
            new ProcessBuilder("umount", mount.toString()).start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Many small regions on ex1.bam's two contigs, so that the region table is larger than a page. */
    private static String bedOfEx1(int regions) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < regions; i++) {
            b.append(i % 2 == 0 ? "seq1" : "seq2").append('\t').append(i * 3).append('\t').append(i * 3 + 2)
                    .append("\tregion_with_a_long_name_").append(i).append('\n');
        }
        return b.toString();
    }

    /** `genvag view big.vcf | head -1`: quiet, with the status of a C tool killed by SIGPIPE. */
    @Test
    void aClosedPipeIsQuietWithStatus141(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.vcf.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(big))) {
            List<String> lines = lines(EXOME);
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder("bash", "-c", "\"$0\" -cp \"$1\" org.genvag.cli.Main view \"$2\" | head -c 100 "
                + ">/dev/null; echo \"${PIPESTATUS[0]}\"", java, System.getProperty("java.class.path"), big.toString())
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals("141", out, err);
        assertEquals("", err);
    }

    /**
     * {@code -O z} writes BGZF to standard output, as bcftools' {@code -O z}: bgzip accepts it (EOF block included)
     * and it decompresses to the input; a file's name must agree with -O; BCF is refused.
     */
    @Test
    void outputTypeZWritesBgzfToStandardOutput(@TempDir Path dir) throws Exception {
        Path vcf = Fixtures.path("vcf/ex2.vcf");
        Path gz = dir.resolve("out.vcf.gz");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.genvag.cli.Main",
                "view", "-O", "z", vcf.toString()).redirectOutput(gz.toFile()).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), err);
        PeerTool.require("bgzip").run("-t", gz.toString());
        try (var in = new GZIPInputStream(Files.newInputStream(gz))) {
            assertEquals(Files.readString(vcf), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        // filter takes -O too: the panel's records, BGZF on standard output.
        Path kept = dir.resolve("kept.vcf.gz");
        Process f = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.genvag.cli.Main",
                "filter", EXOME.toString(), "--panel", Fixtures.path("panels/chr22-genes.txt").toString(), "-O", "z")
                .redirectOutput(kept.toFile()).start();
        String ferr = new String(f.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(f.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, f.exitValue(), ferr);
        PeerTool.require("bgzip").run("-t", kept.toString());
        assertTrue(ferr.contains("109 kept"), ferr);
        Run mismatch = CliTest.run("view", "-O", "z", vcf.toString(), "-o", dir.resolve("x.vcf").toString());
        assertEquals(Main.EXIT_INPUT, mismatch.exit());
        assertTrue(mismatch.err().contains("-O z writes BGZF: name the file .vcf.gz"), mismatch.err());
        Run bcf = CliTest.run("view", "-O", "b", vcf.toString());
        assertEquals(Main.EXIT_INPUT, bcf.exit());
        assertTrue(bcf.err().contains("genvag writes VCF, not BCF"), bcf.err());
    }

    /** Exit statuses are a contract: one class of failure, one status. */
    @Test
    void exitStatusesByWhoMustAct() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintWriter err = new PrintWriter(sink, true);
        assertEquals(Main.EXIT_INPUT, Main.report(new InputException("x.vcf:3: bad"), err));
        assertEquals(Main.EXIT_INPUT, Main.report(new NoSuchFileException("x.vcf"), err));
        assertEquals(Main.EXIT_INPUT, Main.report(new ZipException("invalid block type"), err));
        assertEquals(Main.EXIT_ENVIRONMENT, Main.report(new AccessDeniedException("out.vcf"), err));
        assertEquals(Main.EXIT_ENVIRONMENT, Main.report(new IOException("Input/output error"), err));
        assertEquals(Main.EXIT_ENVIRONMENT, Main.report(new OutOfMemoryError(), err));
        assertEquals(Main.EXIT_BROKEN_PIPE, Main.report(new UncheckedIOException(
                new IOException("Broken pipe")), err));
        assertEquals(Main.EXIT_INTERNAL, Main.report(new IllegalStateException("a bug"), err));
    }
}
