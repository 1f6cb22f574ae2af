// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.vcf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.genvag.core.error.InputException;
import org.genvag.io.bgzf.BgzfOutputStream;
import org.genvag.io.bgzf.ByteSources.Compression;
import org.genvag.io.source.LocalFile;
import org.genvag.io.source.RangeInput;
import org.genvag.io.source.SplitChunks;
import org.genvag.io.split.Splits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Splits of a VCF, whatever their size, read every record exactly once and in order: the records of all splits
 * together equal {@link VcfReader}'s, on every real fixture and, for every split size, on files whose blocks and
 * lines fall everywhere.
 */
class VcfSplitReaderTest {
    @TempDir
    Path dir;

    /** The well-formed fixtures that are VCFs (htslib's suite has headerless expected-output files too). */
    static Stream<Path> vcfFixtures() throws IOException {
        return VcfConformanceTest.wellFormed().filter(VcfSplitReaderTest::hasHeader);
    }

    private static boolean hasHeader(Path vcf) {
        try (VcfReader reader = VcfReader.open(vcf.toString(), 1)) {
            return !reader.headerLines().isEmpty();
        } catch (IOException | InputException e) {
            return false;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vcfFixtures")
    void everyFixtureReadsTheSameRecordsInAnySplits(Path vcf) throws IOException {
        List<String> expected = wholeRead(vcf);
        long length = Files.size(vcf);
        Compression compression = Splits.compression(new LocalFile(vcf));
        if (compression == Compression.GZIP) {
            assertEquals(expected, splitRead(vcf, length + 1));
            return;
        }
        for (long size : new long[] {997, 4096, 65_537, 1 << 20}) {
            assertEquals(expected, splitRead(vcf, size), "split size " + size);
        }
    }

    @Test
    void everySplitSizeOfSmallBlocksReadsEachRecordOnce() throws IOException {
        String text = generatedVcf(60, new Random(7));
        Path bgzf = dir.resolve("small-blocks.vcf.gz");
        writeInRandomBlocks(text, bgzf, new Random(11));
        List<String> expected = wholeRead(bgzf);
        assertEquals(60, expected.size());
        long length = Files.size(bgzf);
        for (long size = 1; size <= length; size++) {
            assertEquals(expected, splitRead(bgzf, size), "split size " + size);
        }
    }

    @Test
    void everySplitSizeOfPlainTextReadsEachRecordOnce() throws IOException {
        Path plain = dir.resolve("plain.vcf");
        Files.writeString(plain, generatedVcf(40, new Random(3)).replace("\n", "\r\n"));
        List<String> expected = wholeRead(plain);
        long length = Files.size(plain);
        for (long size = 1; size <= length; size++) {
            assertEquals(expected, splitRead(plain, size), "split size " + size);
        }
    }

    @Test
    void aHeaderLineAfterRecordsIsAnErrorNamingTheOffset() throws IOException {
        String text = generatedVcf(10, new Random(5));
        Path bad = dir.resolve("late-header.vcf");
        Files.writeString(bad, text + "##INFO=<ID=X,Number=1,Type=Integer,Description=\"late\">\n");
        InputException e = assertThrows(InputException.class, () -> splitRead(bad, 100));
        assertTrue(e.getMessage().contains("header line after the first record"), e.getMessage());
        assertTrue(e.getMessage().startsWith(bad.toString()), e.getMessage());
    }

    @Test
    void aRecordWithTooFewColumnsIsAnErrorNamingItsOffset() throws IOException {
        String text = generatedVcf(10, new Random(5)) + "chr1\t500\t.\tA\n";
        Path bad = dir.resolve("short.vcf");
        Files.writeString(bad, text);
        InputException e = assertThrows(InputException.class, () -> splitRead(bad, 64));
        assertTrue(e.getMessage().contains("the record after offset " + (text.length() - "chr1\t500\t.\tA\n".length()
                - 1)), e.getMessage());
        assertTrue(e.getMessage().contains("tab-separated columns"), e.getMessage());
    }

    @Test
    void damagedBlocksAreAnErrorNotAnEarlyEnd() throws IOException {
        String text = generatedVcf(400, new Random(9));
        Path bgzf = dir.resolve("damaged.vcf.gz");
        writeInRandomBlocks(text, bgzf, new Random(13));
        byte[] bytes = Files.readAllBytes(bgzf);
        for (int i = bytes.length / 2; i < bytes.length / 2 + 200; i++) {
            bytes[i] = 0;
        }
        Files.write(bgzf, bytes);
        assertThrows(InputException.class, () -> splitRead(bgzf, 1000));
        assertThrows(InputException.class, () -> splitRead(bgzf, bytes.length));
    }

    @Test
    void aTruncatedFileIsAnErrorInTheLastSplit() throws IOException {
        String text = generatedVcf(400, new Random(9));
        Path bgzf = dir.resolve("cut.vcf.gz");
        writeInRandomBlocks(text, bgzf, new Random(13));
        byte[] bytes = Files.readAllBytes(bgzf);
        Files.write(bgzf, Arrays.copyOf(bytes, bytes.length - 28));
        InputException e = assertThrows(InputException.class, () -> splitRead(bgzf, 2000));
        assertTrue(e.getMessage().contains("EOF"), e.getMessage());
    }

    static List<String> wholeRead(Path vcf) throws IOException {
        List<String> out = new ArrayList<>();
        try (VcfReader reader = VcfReader.open(vcf.toString(), 1)) {
            VcfRecord r = new VcfRecord();
            while (reader.next(r)) {
                out.add(r.toString());
            }
        }
        return out;
    }

    /** Reads the file in splits of {@code size} bytes, as a Spark job's tasks would, and concatenates them. */
    static List<String> splitRead(Path vcf, long size) throws IOException {
        RangeInput file = new LocalFile(vcf);
        Compression compression = Splits.compression(file);
        List<String> header;
        try (VcfReader reader = VcfReader.open(vcf.toString(), 1)) {
            header = reader.headerLines();
        }
        long headerEnd = VcfSplitReader.headerEnd(Splits.open(file, compression, 0));
        List<String> out = new ArrayList<>();
        long length = file.length();
        for (long start = 0; start < length; start += size) {
            SplitChunks chunks = Splits.open(file, compression, start);
            if (chunks == null) {
                continue;
            }
            try (VcfSplitReader reader = new VcfSplitReader(chunks, start, Math.min(start + size, length),
                    header, headerEnd, vcf.toString())) {
                VcfRecord r = new VcfRecord();
                while (reader.next(r)) {
                    out.add(r.toString());
                }
            }
        }
        return out;
    }

    private static String generatedVcf(int records, Random random) {
        StringBuilder s = new StringBuilder("##fileformat=VCFv4.2\n##contig=<ID=chr1,length=100000>\n"
                + "##INFO=<ID=DP,Number=1,Type=Integer,Description=\"depth\">\n"
                + "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"genotype\">\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\tS2\n");
        for (int i = 0; i < records; i++) {
            s.append("chr1\t").append(100 + i * 7).append("\t.\t").append("ACGT".charAt(i % 4)).append('\t')
                    .append("ACGT".repeat(1 + random.nextInt(i % 9 == 0 ? 40 : 2))).append("\t50\tPASS\tDP=")
                    .append(random.nextInt(300)).append("\tGT\t0|1\t1/1\n");
        }
        return s.toString();
    }

    /** BGZF blocks of 1 to 120 bytes, so block ends fall inside lines, on newlines and between them. */
    private static void writeInRandomBlocks(String text, Path out, Random random) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (BgzfOutputStream bgzf = new BgzfOutputStream(file)) {
            for (int p = 0; p < bytes.length; ) {
                int n = Math.min(bytes.length - p, 1 + random.nextInt(120));
                bgzf.write(bytes, p, n);
                bgzf.flush();
                p += n;
            }
        }
        Files.write(out, file.toByteArray());
    }
}
