// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.vcf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import org.genvag.testsupport.Fixtures;
import org.genvag.testsupport.PeerTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class VcfWriterTest {

    static java.util.stream.Stream<Path> fixtures() throws IOException {
        // The two non-VCF files of htslib's suite are rejected, not round-tripped.
        return VcfConformanceTest.wellFormed().filter(p -> !p.getFileName().toString().contains("expected"));
    }

    static byte[] decompressed(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            byte[] raw = in.readAllBytes();
            if (raw.length > 1 && (raw[0] & 0xff) == 0x1f) {
                try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(raw))) {
                    return gz.readAllBytes();   // GZIPInputStream reads concatenated members, so BGZF too
                }
            }
            return raw;
        }
    }

    static void copy(String in, String out, boolean index, int threads) throws IOException {
        try (VcfReader r = VcfReader.open(in, threads);
             VcfWriter w = VcfWriter.open(out, index, r.contigs().names(), null, threads)) {
            w.writeHeader(r.headerLines());
            VcfRecord rec = new VcfRecord();
            while (r.next(rec)) {
                w.write(rec);
            }
            w.commit();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyFixtureRoundTripsByteForByte(Path vcf, @TempDir Path dir) throws IOException {
        byte[] expected = decompressed(vcf);
        if (expected[expected.length - 1] != '\n') {
            // The one change allowed: a missing final newline is added (as bcftools does).
            expected = java.util.Arrays.copyOf(expected, expected.length + 1);
            expected[expected.length - 1] = '\n';
        }
        Path plain = dir.resolve("out.vcf");
        copy(vcf.toString(), plain.toString(), false, 2);
        assertArrayEquals(expected, Files.readAllBytes(plain));
        Path gz = dir.resolve("out.vcf.gz");
        copy(vcf.toString(), gz.toString(), false, 2);
        assertArrayEquals(expected, decompressed(gz));
    }

    @Test
    void tabixIndexAnswersRegionQueriesLikeTabixOwn(@TempDir Path dir) throws IOException {
        PeerTool bcftools = PeerTool.require("bcftools");
        PeerTool tabix = PeerTool.require("tabix");
        Path original = dir.resolve("orig.vcf.gz");
        Files.copy(Fixtures.path("vcf/hapmap_exome_chr22.vcf.gz"), original);
        tabix.run("-p", "vcf", original.toString());
        Path ours = dir.resolve("ours.vcf.gz");
        copy(original.toString(), ours.toString(), true, 2);
        assertTrue(Files.exists(dir.resolve("ours.vcf.gz.tbi")));
        // Blocks deflated on 1 or 3 threads: the same file and the same index (records wait for their block's offset).
        Path serial = dir.resolve("serial.vcf.gz");
        copy(original.toString(), serial.toString(), true, 1);
        Path wide = dir.resolve("wide.vcf.gz");
        copy(original.toString(), wide.toString(), true, 3);
        assertArrayEquals(Files.readAllBytes(serial), Files.readAllBytes(ours));
        assertArrayEquals(Files.readAllBytes(serial), Files.readAllBytes(wide));
        assertArrayEquals(Files.readAllBytes(dir.resolve("serial.vcf.gz.tbi")),
                Files.readAllBytes(dir.resolve("wide.vcf.gz.tbi")));
        assertEquals(tabix.runText("-l", original.toString()), tabix.runText("-l", ours.toString()));
        for (String region : List.of("22", "22:16000000-20000000", "22:30000000-30500000", "22:1-10")) {
            assertEquals(bcftools.runText("view", "-H", "-r", region, original.toString()),
                    bcftools.runText("view", "-H", "-r", region, ours.toString()), region);
        }
    }

    @Test
    void infoAnnotationIsAddedAndEverythingElseKept(@TempDir Path dir) throws IOException {
        PeerTool bcftools = PeerTool.require("bcftools");
        Path in = Fixtures.path("vcf/ex2.vcf");
        Path out = dir.resolve("annotated.vcf");
        try (VcfReader r = VcfReader.open(in.toString(), 1);
             VcfWriter w = VcfWriter.open(out.toString(), false, r.contigs().names())) {
            w.writeHeader(r.header().linesWith(List.of(
                    "##INFO=<ID=PANEL_GENES,Number=.,Type=String,Description=\"test\">")));
            VcfRecord rec = new VcfRecord();
            int i = 0;
            while (r.next(rec)) {
                w.write(rec, "PANEL_GENES".getBytes(StandardCharsets.US_ASCII), ("G" + i++).getBytes(StandardCharsets.US_ASCII));
            }
            w.commit();
        }
        assertEquals("G0\nG1\nG2\nG3\nG4\n", bcftools.runText("query", "-f", "%INFO/PANEL_GENES\n", out.toString()));
        assertEquals(bcftools.runText("query", "-f", "%CHROM %POS %REF %ALT %INFO/DP [%GT ]\n", in.toString()),
                bcftools.runText("query", "-f", "%CHROM %POS %REF %ALT %INFO/DP [%GT ]\n", out.toString()));
    }

    /** Random valid VCFs, with what real files carry (missing values, symbolic alleles, long INFO). */
    static String randomVcf(Random r, int records) {
        int samples = r.nextInt(4);
        StringBuilder sb = new StringBuilder("##fileformat=VCFv4.2\n##contig=<ID=chr1>\n##contig=<ID=chrX>\n");
        sb.append("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO");
        if (samples > 0) {
            sb.append("\tFORMAT");
            for (int s = 0; s < samples; s++) {
                sb.append("\tS").append(s);
            }
        }
        sb.append('\n');
        long pos = 1;
        String[] alts = {"A", "C,G", "<DEL>", "*", ".", "ACGTTT", "G]chr1:500]", "<INS:ME:ALU>"};
        for (int i = 0; i < records; i++) {
            pos += r.nextInt(1000);
            String alt = alts[r.nextInt(alts.length)];
            sb.append(i < records / 2 ? "chr1" : "chrX").append('\t').append(pos).append('\t')
                    .append(r.nextBoolean() ? "." : "rs" + r.nextInt(1_000_000)).append('\t')
                    .append("ACGTN".charAt(r.nextInt(5))).append("ACGT".repeat(r.nextInt(3))).append('\t')
                    .append(alt).append('\t')
                    .append(r.nextBoolean() ? "." : String.valueOf(r.nextInt(10_000) / 10.0)).append('\t')
                    .append(r.nextBoolean() ? "PASS" : ".").append('\t');
            if (r.nextInt(5) == 0) {
                sb.append('.');
            } else {
                sb.append("DP=").append(r.nextInt(200)).append(";FLAG");
                for (int k = r.nextInt(50); k > 0; k--) {
                    sb.append(";K").append(k).append('=').append(r.nextInt());
                }
            }
            if (samples > 0) {
                sb.append("\tGT:DP");
                for (int s = 0; s < samples; s++) {
                    // Allele 1 only where there is an ALT: a GT naming an allele the record lacks is invalid.
                    sb.append('\t').append(r.nextBoolean() ? (alt.equals(".") ? "0/0:" : "0/1:") + r.nextInt(99)
                            : "./.");
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void randomValidVcfsRoundTripAndValidate(int seed, @TempDir Path dir) throws IOException {
        String vcf = randomVcf(new Random(seed), 3_000);
        Path in = dir.resolve("in.vcf");
        Files.writeString(in, vcf);
        Path gz = dir.resolve("out.vcf.gz");
        copy(in.toString(), gz.toString(), false, 1 + seed % 3);
        Path back = dir.resolve("back.vcf");
        copy(gz.toString(), back.toString(), false, 2);
        assertEquals(vcf, Files.readString(back));
        try (VcfReader r = VcfReader.open(in.toString(), 1)) {
            List<VcfProblem> problems = VcfValidator.problems(r, false);
            assertTrue(problems.stream().noneMatch(VcfProblem::error), problems.toString());
        }
    }

    /** A line broken at random is reported at its own line; never a crash, never a silent pass. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void randomlyBrokenLinesAreReportedWhereTheyAre(int seed) throws IOException {
        Random r = new Random(seed);
        String[] lines = randomVcf(r, 200).split("\n");
        int headerLines = 4;
        int victim = headerLines + r.nextInt(lines.length - headerLines);
        String line = lines[victim];
        String[] cols = line.split("\t", -1);
        switch (seed % 4) {
            case 0 -> line = String.join("\t", java.util.Arrays.copyOf(cols, 5));       // too few columns
            case 1 -> { cols[1] = cols[1] + "x"; line = String.join("\t", cols); }      // POS not a number
            case 2 -> { cols[3] = "J"; line = String.join("\t", cols); }                 // REF not bases
            default -> { cols[5] = "high"; line = String.join("\t", cols); }             // QUAL not a number
        }
        lines[victim] = line;
        String vcf = String.join("\n", lines) + "\n";
        try (VcfReader reader = VcfReader.open(new ByteArrayInputStream(vcf.getBytes(StandardCharsets.US_ASCII)),
                "broken.vcf", 1)) {
            List<VcfProblem> errors = VcfValidator.problems(reader, false).stream().filter(VcfProblem::error).toList();
            assertEquals(1, errors.size(), errors.toString());
            assertEquals(victim + 1, errors.get(0).line(), errors.get(0).toString());
            assertEquals("broken.vcf", errors.get(0).source());
        }
    }
}
