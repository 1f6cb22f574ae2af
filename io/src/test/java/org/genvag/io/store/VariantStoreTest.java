// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.genvag.core.error.InputException;
import org.genvag.io.bgzf.ByteSource;
import org.genvag.io.vcf.VcfReader;
import org.genvag.io.vcf.VcfConformanceTest;
import org.genvag.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The store gives back exactly the VCF it was built from, on every real fixture and on random VCFs full of the forms
 * a columnar encoding could get wrong; damage anywhere in the file is an error naming where, never other data.
 */
class VariantStoreTest {
    @TempDir
    Path dir;

    static Stream<Path> fixtures() throws IOException {
        List<Path> all = new ArrayList<>();
        for (String d : List.of("htslib-test", "vcf", "sv", "somatic")) {
            try (Stream<Path> s = Files.list(Fixtures.path(d))) {
                // The two longrefs "expected" files are bcftools outputs without a header, not VCFs.
                s.filter(p -> (p.toString().endsWith(".vcf") || p.toString().endsWith(".vcf.gz"))
                        && !p.getFileName().toString().startsWith("longrefs_index.expected")
                        && !VcfConformanceTest.BROKEN.contains(p.getFileName().toString())).sorted()
                        .forEach(all::add);
            }
        }
        return all.stream();
    }

    static byte[] decompressed(Path vcf) throws IOException {
        try (InputStream in = vcf.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(vcf))
                : Files.newInputStream(vcf)) {
            return in.readAllBytes();
        }
    }

    Path build(Path vcf, int blockRecords) throws IOException {
        return build(vcf, blockRecords, 2);
    }

    Path build(Path vcf, int blockRecords, int threads) throws IOException {
        Path store = dir.resolve(vcf.getFileName() + "." + blockRecords + "." + threads + ".gvs");
        try (VcfReader r = VcfReader.open(vcf.toString(), 1)) {
            StoreWriter.write(r, store, new StoreWriter.Options(blockRecords, false, threads));
        }
        return store;
    }

    static byte[] readBack(Path store) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (StoreReader r = StoreReader.open(store); ByteSource s = r.source(b -> true)) {
            for (ByteBuffer b = s.next(); b != null; b = s.next()) {
                byte[] x = new byte[b.remaining()];
                b.get(b.position(), x);
                out.write(x);
            }
        }
        return out.toByteArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyFixtureComesBackByteForByte(Path vcf) throws IOException {
        byte[] original = decompressed(vcf);
        if (original.length > 0 && original[original.length - 1] != '\n') {
            // A last line without a line end gains one, as genvag view writes it (two SV fixtures end so).
            original = java.util.Arrays.copyOf(original, original.length + 1);
            original[original.length - 1] = '\n';
        }
        for (int blockRecords : new int[] {3, 4096}) {
            for (int threads : new int[] {1, 3}) {
                Path store = build(vcf, blockRecords, threads);
                assertArrayEquals(original, readBack(store), vcf + " with " + blockRecords + " records per block, "
                        + threads + " threads");
            }
        }
    }

    /**
     * A store written before columns carried an encoding byte (format flags 0; testdata/fixtures/store, built by
     * genvag at commit 0582578 from vcf/chr7-sub.vcf.gz) still reads back byte for byte, and stores written now are
     * smaller where numbers are bit-packed.
     */
    @Test
    void aStoreOfTheFirstLayoutStillReads() throws IOException {
        Path old = Fixtures.path("store/chr7-sub.v1.gvs");
        byte[] oldBytes = Files.readAllBytes(old);
        assertEquals(0, java.nio.ByteBuffer.wrap(oldBytes).getInt(12), "the fixture has no format flags");
        byte[] original = decompressed(Fixtures.path("vcf/chr7-sub.vcf.gz"));
        assertArrayEquals(original, readBack(old));
        Path now = build(Fixtures.path("vcf/chr7-sub.vcf.gz"), 256);
        byte[] nowBytes = Files.readAllBytes(now);
        assertEquals(StoreFormat.FLAG_COLUMN_ENCODING | StoreFormat.FLAG_MORE_ENCODINGS | StoreFormat.FLAG_ZSTD,
                java.nio.ByteBuffer.wrap(nowBytes).getInt(12));
        assertArrayEquals(original, readBack(now));
        // Without the zstd flag, its zstd columns are unknown encodings: never read as LZ4.
        byte[] noZstd = nowBytes.clone();
        java.nio.ByteBuffer.wrap(noZstd).putInt(12, StoreFormat.FLAG_COLUMN_ENCODING | StoreFormat.FLAG_MORE_ENCODINGS);
        Path lz4Only = dir.resolve("lz4-only.gvs");
        Files.write(lz4Only, noZstd);
        InputException unknown = assertThrows(InputException.class, () -> readBack(lz4Only));
        assertTrue(unknown.getMessage().contains("has unknown encoding 1"), unknown.getMessage());
        // The newer encodings without the encoding byte they come with is no store this genvag wrote.
        java.nio.ByteBuffer.wrap(nowBytes).putInt(12, StoreFormat.FLAG_MORE_ENCODINGS);
        Path odd = dir.resolve("odd.gvs");
        Files.write(odd, nowBytes);
        InputException e = assertThrows(InputException.class, () -> readBack(odd));
        assertTrue(e.getMessage().contains("unknown format flags 2 at byte 12"), e.getMessage());
        assertTrue(Files.size(now) < oldBytes.length, Files.size(now) + " bytes now, " + oldBytes.length + " before");
    }

    /** Random records in the shapes real VCFs take and the shapes a column encoding is most likely to get wrong. */
    static String randomVcf(long seed, int records) {
        Random random = new Random(seed);
        StringBuilder b = new StringBuilder("##fileformat=VCFv4.3\n##contig=<ID=chr1>\n##contig=<ID=chr2>\n"
                + "##INFO=<ID=DP,Number=1,Type=Integer,Description=\"d\">\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\tS2\n");
        String[] numbers = {"0", "7", "-3", "10", "0.5", "0.500", "-1.355", "-0.0", "-0", "+1", "1e-5", "007", "1.",
            ".5", "123456789012345678901", "3.1234567890", "NaN", "Inf", "99999999999999999", "0.000", "12,5", ".",
            ",", "1,,2", "", "rs12", "rs012", "rs", "GT", "0/1", "1|2", "./.", "10/11", "0/1/2", "é", "a=b"};
        String[] alts = {"A", "C", "G", "T", "AT", "<DEL>", "A,T", "*", ".", "N[chr2:100[", "ACGT,<NON_REF>"};
        long pos = 1;
        for (int i = 0; i < records; i++) {
            String chrom = i < records / 2 ? "chr1" : "chr2";
            if (i == records / 2) {
                pos = 1;
            }
            pos += random.nextInt(50);
            String posText = random.nextInt(40) == 0 ? "0" + pos : Long.toString(pos);   // kept verbatim
            StringBuilder info = new StringBuilder();
            int entries = random.nextInt(6);
            for (int e = 0; e < entries; e++) {
                if (e > 0) {
                    info.append(';');
                }
                String key = new String[] {"DP", "AF", "MLEAF", "DB", "X", "DP", ""}[random.nextInt(7)];
                info.append(key);
                if (random.nextInt(4) > 0) {
                    info.append('=').append(numbers[random.nextInt(numbers.length)]);
                }
            }
            if (random.nextInt(10) == 0) {
                info.append(';');
            }
            String infoText = info.length() == 0 ? (random.nextBoolean() ? "." : "") : info.toString();
            String format = new String[] {"GT:AD:DP", "GT", "GT:PL", "."}[random.nextInt(4)];
            b.append(chrom).append('\t').append(posText).append('\t')
                    .append(random.nextBoolean() ? "." : numbers[random.nextInt(numbers.length)].replace(",", ";"))
                    .append('\t').append("ACGTN".charAt(random.nextInt(5)))
                    .append(random.nextInt(5) == 0 ? "TT" : "").append('\t')
                    .append(alts[random.nextInt(alts.length)]).append('\t')
                    .append(numbers[random.nextInt(numbers.length)].replace(",", "")).append('\t')
                    .append(new String[] {"PASS", ".", "q10;s50", "LowQual"}[random.nextInt(4)]).append('\t')
                    .append(infoText);
            // FORMAT and both samples: a record with other columns is refused by the reader before a store sees it.
            int columns = 3;
            {
                b.append('\t').append(format);
                for (int s = 0; s < columns - 1; s++) {
                    b.append('\t');
                    int fields = 1 + random.nextInt(4);   // fewer or more subfields than FORMAT has
                    for (int f = 0; f < fields; f++) {
                        if (f > 0) {
                            b.append(':');
                        }
                        b.append(numbers[random.nextInt(numbers.length)]);
                    }
                }
            }
            b.append('\n');
        }
        return b.toString();
    }

    @Test
    void randomVcfsComeBackByteForByte() throws IOException {
        for (long seed = 1; seed <= 20; seed++) {
            String text = randomVcf(seed, 300);
            Path vcf = dir.resolve("random" + seed + ".vcf");
            Files.writeString(vcf, text, java.nio.charset.StandardCharsets.UTF_8);
            for (int blockRecords : new int[] {1, 17, 4096}) {
                Path store = build(vcf, blockRecords);
                byte[] back = readBack(store);
                assertEquals(text, new String(back, java.nio.charset.StandardCharsets.UTF_8),
                        "seed " + seed + ", " + blockRecords + " records per block");
                assertEquals(variants(vcf), variants(store), "forEachVariant, seed " + seed);
            }
        }
    }

    /** CHROM POS REF ALT of every record, as the VCF reader sees them. */
    static List<String> variants(Path vcf) throws IOException {
        List<String> out = new java.util.ArrayList<>();
        if (vcf.toString().endsWith(".gvs")) {
            org.genvag.core.interval.IntervalIndex everything = org.genvag.core.interval.IntervalIndex.builder()
                    .add(org.genvag.core.genome.ContigNames.canonical("chr1"), 0, 1L << 40, "all")
                    .add(org.genvag.core.genome.ContigNames.canonical("chr2"), 0, 1L << 40, "all").build();
            try (StoreReader r = StoreReader.open(vcf)) {
                r.forEachVariant(new StoreQuery(everything), v -> out.add(v.contig() + " " + v.pos() + " " + v.ref()
                        + " " + v.alt()));
            }
            return out;
        }
        try (VcfReader r = VcfReader.open(vcf.toString(), 1)) {
            org.genvag.io.vcf.VcfRecord rec = new org.genvag.io.vcf.VcfRecord();
            while (r.next(rec)) {
                out.add(rec.contigName() + " " + rec.pos() + " " + rec.ref() + " " + rec.alt());
            }
        }
        return out;
    }

    @Test
    void everyDamagedByteIsReportedNeverReadAsData() throws IOException {
        Path store = build(Fixtures.path("vcf/chr7-sub.vcf.gz"), 100);
        byte[] good = Files.readAllBytes(store);
        byte[] expected = readBack(store);
        Path bad = dir.resolve("bad.gvs");
        int reported = 0;
        // Every byte of the file head, the index and the footer; about 1,500 spread over the blocks.
        Random random = new Random(3);
        int stride = Math.max(2, good.length / 1500);
        for (int i = 0; i < good.length; i += i < 64 || i > good.length - 600 ? 1 : 1 + random.nextInt(stride)) {
            byte[] copy = good.clone();
            copy[i] ^= (byte) (1 + (i % 255));
            Files.write(bad, copy);
            try {
                byte[] back = readBack(bad);
                throw new AssertionError("byte " + i + " of " + good.length + " flipped, and the store read "
                        + (java.util.Arrays.equals(back, expected) ? "the same data" : "other data") + " silently");
            } catch (InputException e) {
                assertTrue(e.getMessage().startsWith(bad.toString()), e.getMessage());
                reported++;
            }
        }
        assertTrue(reported > 1500, "flips tried: " + reported);
    }

    @Test
    void aTruncatedStoreIsNamedAsSuch() throws IOException {
        Path store = build(Fixtures.path("vcf/chr22.vcf.gz"), 500);
        byte[] good = Files.readAllBytes(store);
        Path cut = dir.resolve("cut.gvs");
        for (int length : new int[] {0, 7, 16, 40, good.length / 2, good.length - 1}) {
            Files.write(cut, java.util.Arrays.copyOf(good, length));
            InputException e = assertThrows(InputException.class, () -> readBack(cut), "cut at " + length);
            assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("not a genvag variant store"),
                    length + ": " + e.getMessage());
        }
    }

    @Test
    void theBlockIndexSaysWhatEachBlockHolds() throws IOException {
        Path store = build(Fixtures.path("vcf/chr22.vcf.gz"), 1000);
        try (StoreReader r = StoreReader.open(store); VcfReader vcf = VcfReader.open(
                Fixtures.path("vcf/chr22.vcf.gz").toString(), 1)) {
            long total = 0;
            var rec = new org.genvag.io.vcf.VcfRecord();
            List<long[]> ranges = new ArrayList<>();
            while (vcf.next(rec)) {
                if (total % 1000 == 0) {
                    ranges.add(new long[] {rec.pos(), rec.endPos()});
                }
                long[] last = ranges.get(ranges.size() - 1);
                last[1] = Math.max(last[1], rec.endPos());
                total++;
            }
            assertEquals(total, r.records());
            assertEquals(ranges.size(), r.blocks().size());
            for (int i = 0; i < ranges.size(); i++) {
                assertEquals(ranges.get(i)[0], r.blocks().get(i).minPos(), "block " + i);
                assertEquals(ranges.get(i)[1], r.blocks().get(i).maxEnd(), "block " + i);
            }
        }
    }

    /**
     * Where the bytes go: the columns' sizes add up to the file less its framing, and a column of one repeated
     * byte (the mode column of a VCF whose POS are all canonical) costs its directory entry alone: no LZ4 data,
     * no checksum of its own.
     */
    @Test
    void columnSizesAddUpAndRepeatedBytesCostNoData() throws IOException {
        Path store = build(Fixtures.path("vcf/chr22.vcf.gz"), 1000);
        try (StoreReader r = StoreReader.open(store)) {
            List<StoreReader.ColumnSize> sizes = r.columnSizes();
            long inColumns = sizes.stream().mapToLong(StoreReader.ColumnSize::storedBytes).sum();
            long blockBytes = r.blocks().stream().mapToLong(StoreBlock::length).sum();
            int blocks = r.blocks().size();
            assertTrue(inColumns < blockBytes && blockBytes - inColumns <= blocks * (10L + 2 * sizes.size()),
                    inColumns + " bytes in columns, " + blockBytes + " in blocks");
            StoreReader.ColumnSize mode = sizes.stream().filter(c -> c.name().equals(StoreFormat.MODE)).findFirst()
                    .orElseThrow();
            assertEquals(blocks, mode.blocks());
            assertEquals(r.records(), mode.lz4InputBytes(), "one mode byte per record");
            assertTrue(mode.storedBytes() <= 4L * blocks, mode + ": encoding, length and the byte, per block");
            for (int i = 1; i < sizes.size(); i++) {
                assertTrue(sizes.get(i - 1).storedBytes() >= sizes.get(i).storedBytes(), "largest first");
            }
        }
    }

    /** A malformed record stops the build with the file and line named, and leaves no store behind. */
    /**
     * A store is the same bytes however many workers encoded it: block after block, columns are numbered in the
     * order they first appear, by the one thread that writes blocks in input order (they were numbered first-come
     * by the workers, so two builds of one VCF could differ). Small blocks keep many in flight at once.
     */
    @Test
    void aStoreIsTheSameBytesWhateverTheWorkerCount() throws IOException {
        String vcf = Fixtures.path("vcf/hapmap_exome_chr22.vcf.gz").toString();
        byte[] single = null;
        for (int threads : new int[] {1, 4, 4, 8, 8}) {
            Path store = dir.resolve("w" + threads + ".gvs");
            Files.deleteIfExists(store);
            try (VcfReader r = VcfReader.open(vcf, 1)) {
                StoreWriter.write(r, store, new StoreWriter.Options(32, false, threads));
            }
            byte[] bytes = Files.readAllBytes(store);
            if (single == null) {
                single = bytes;
            } else {
                assertArrayEquals(single, bytes, threads + " workers");
            }
        }
    }

    @Test
    void aMalformedRecordIsNamedAndNoStoreIsLeft() throws IOException {
        String head = "##fileformat=VCFv4.3\n##contig=<ID=chr1>\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n";
        String good = "chr1\t10\t.\tA\tC\t5\tPASS\tDP=3\n".repeat(40);
        String[][] cases = {
            {"chr1\t50\t.\tA\tC\t5\tPASS\n", "8"},                  // 7 columns
            {"chr1\t50\t.\tA\n", "8"},                                // 4 columns
            {"chr1\t5x\t.\tA\tC\t5\tPASS\tDP=3\n", "POS"},
            {"chr1\t50\t.\tA\t<DEL>\t5\tPASS\tSVTYPE=DEL;END=abc\n", "END"},
        };
        for (int threads : new int[] {1, 2}) {
            for (String[] c : cases) {
                Path vcf = dir.resolve("bad.vcf");
                Files.writeString(vcf, head + good + c[0] + good);
                Path store = dir.resolve("bad.gvs");
                InputException e = assertThrows(InputException.class, () -> {
                    try (VcfReader r = VcfReader.open(vcf.toString(), 1)) {
                        StoreWriter.write(r, store, new StoreWriter.Options(16, false, threads));
                    }
                }, c[0]);
                assertTrue(e.getMessage().startsWith(vcf + ":44: ")
                        && e.getMessage().contains(c[1]), e.getMessage());
                assertFalse(Files.exists(store), "no store after " + e.getMessage());
                try (var left = Files.list(dir)) {
                    assertTrue(left.noneMatch(f -> f.getFileName().toString().contains("bad.gvs")), "no temp file");
                }
            }
        }
    }

    private static final List<String> KEYS = List.of("GT", "AD", "DP", "PL", "ZZ");

    /**
     * The record views a store gives from its columns equal the VCF's own fields: contig, POS, END, ID, REF, ALT,
     * QUAL, FILTER and each sample's value of each asked FORMAT key (absent where the sample has fewer subfields or
     * the FORMAT lacks the key), for records kept whole and records split into columns alike.
     */
    @Test
    void recordViewsGiveTheVcfsFieldsFromTheColumns() throws IOException {
        List<Path> vcfs = new ArrayList<>();
        for (long seed = 1; seed <= 8; seed++) {
            Path vcf = dir.resolve("random-view" + seed + ".vcf");
            Files.writeString(vcf, randomVcf(seed, 300), java.nio.charset.StandardCharsets.UTF_8);
            vcfs.add(vcf);
        }
        vcfs.add(Fixtures.path("vcf/hapmap_exome_chr22.vcf.gz"));
        vcfs.add(Fixtures.path("vcf/chr7-sub.vcf.gz"));
        for (Path vcf : vcfs) {
            List<String> expected = fieldsOf(vcf);
            for (int blockRecords : new int[] {1, 17, 4096}) {
                Path store = build(vcf, blockRecords);
                List<String> actual = new ArrayList<>();
                try (StoreReader r = StoreReader.open(store)) {
                    org.genvag.core.interval.IntervalIndex.Builder all = org.genvag.core.interval.IntervalIndex.builder();
                    r.blocks().stream().map(StoreBlock::contig).distinct().forEach(c -> all.add(
                            org.genvag.core.genome.ContigNames.canonical(c), 0, 1L << 40, "all"));
                    long n = r.forEachRecord(new StoreQuery(all.build()), KEYS, v -> actual.add(describe(v)));
                    assertEquals(expected.size(), n);
                }
                assertEquals(expected, actual, vcf + ", " + blockRecords + " records per block");
            }
        }
    }

    private static String describe(StoredRecord v) {
        StringBuilder b = new StringBuilder(v.contig() + " " + v.pos() + " " + v.end());
        for (int f = StoredRecord.ID; f <= StoredRecord.FILTER; f++) {
            b.append(" [").append(v.text(f)).append(']');
        }
        for (int s = 0; s < v.sampleCount(); s++) {
            for (int k = 0; k < KEYS.size(); k++) {
                b.append(' ').append(KEYS.get(k)).append('=').append(v.value(s, k));
            }
        }
        return b.toString();
    }

    /** The same description from the VCF's text, split the plain way. */
    private static List<String> fieldsOf(Path vcf) throws IOException {
        List<String> out = new ArrayList<>();
        try (VcfReader r = VcfReader.open(vcf.toString(), 1)) {
            org.genvag.io.vcf.VcfRecord rec = new org.genvag.io.vcf.VcfRecord();
            while (r.next(rec)) {
                String[] cols = rec.toString().split("\t", -1);
                StringBuilder b = new StringBuilder(rec.contigName() + " " + rec.pos() + " "
                        + Math.max(rec.pos(), rec.endPos()));
                for (int c = 2; c <= 6; c++) {
                    b.append(" [").append(cols[c]).append(']');
                }
                if (cols.length > 9) {
                    List<String> format = List.of(cols[8].split(":", -1));
                    for (int s = 9; s < cols.length; s++) {
                        String[] sub = cols[s].split(":", -1);
                        for (String key : KEYS) {
                            int j = format.indexOf(key);
                            b.append(' ').append(key).append('=').append(j >= 0 && j < sub.length ? sub[j] : null);
                        }
                    }
                }
                out.add(b.toString());
            }
        }
        return out;
    }
}
