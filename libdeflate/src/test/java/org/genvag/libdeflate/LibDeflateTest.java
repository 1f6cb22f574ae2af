// SPDX-License-Identifier: Apache-2.0
package org.genvag.libdeflate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.genvag.core.error.InputException;
import org.genvag.io.bgzf.BgzfOutputStream;
import org.genvag.io.bgzf.BlockCompressor;
import org.genvag.io.bgzf.BlockCompressors;
import org.genvag.io.bgzf.BlockInflater;
import org.genvag.io.bgzf.BlockInflaters;
import org.genvag.io.bgzf.ByteSource;
import org.genvag.io.bgzf.ByteSources;
import org.genvag.io.bgzf.LibDeflate;
import org.genvag.testsupport.PeerTool;
import org.genvag.testsupport.RawDeflate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * libdeflate through the Foreign Function API (run on Java 22+): it loads where it is installed, keeps the
 * inflater contract genvag's other inflaters keep, its deflate data is read by the JDK's zlib and by bgzip, and
 * genvag-io picks it for BGZF when it loads.
 */
class LibDeflateTest {
    static Supplier<BlockInflater> inflaters;
    static Supplier<BlockCompressor> compressors;

    @BeforeAll
    static void load() {
        inflaters = LibDeflateProvider.inflaters();
        compressors = LibDeflateProvider.compressors();
        // CI installs htslib, which needs libdeflate: there it must load; a machine without it is not this test's.
        assertNotNull(inflaters, "libdeflate.so.0 should load (installed with htslib)");
        assertNotNull(compressors);
    }

    static byte[] text(int size, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder();
        while (b.length() < size) {
            b.append("chr").append(r.nextInt(1, 23)).append('\t').append(r.nextInt(1, 1 << 28)).append("\t.\tC\tT\t")
                    .append(r.nextInt(100)).append("\tPASS\tDP=").append(r.nextInt(300)).append('\n');
        }
        return Arrays.copyOf(b.toString().getBytes(StandardCharsets.US_ASCII), size);
    }

    @Test
    void inflatesWhatZlibWroteIntoExactlyTheBytesAsked() throws DataFormatException {
        try (BlockInflater inflater = inflaters.get()) {
            assertTrue(inflater.name().startsWith("libdeflate"), inflater.name());
            for (int level : new int[] {0, 1, 6, 9}) {
                for (int size : new int[] {0, 1, 100, 65_280}) {
                    byte[] data = text(size, size + level);
                    byte[] packed = RawDeflate.of(data, level);
                    ByteBuffer dst = ByteBuffer.allocateDirect(65_536);
                    int n = inflater.inflate(packed, 0, packed.length, dst.slice(7, size));
                    assertEquals(size, n);
                    byte[] back = new byte[size];
                    dst.get(7, back);
                    assertArrayEquals(data, back, "level " + level + " size " + size);
                    // From inside a larger array, into a heap buffer too.
                    byte[] framed = new byte[packed.length + 20];
                    System.arraycopy(packed, 0, framed, 11, packed.length);
                    ByteBuffer heap = ByteBuffer.allocate(size);
                    inflater.inflate(framed, 11, packed.length, heap);
                    assertArrayEquals(data, heap.array());
                    assertEquals(size, heap.position(), "the destination advances");
                }
            }
        }
    }

    @Test
    void rejectsDataThatDoesNotFitOrIsNotDeflate() {
        try (BlockInflater inflater = inflaters.get()) {
            byte[] packed = RawDeflate.of(text(5_000, 1), 6);
            assertThrows(DataFormatException.class,
                    () -> inflater.inflate(packed, 0, packed.length, ByteBuffer.allocateDirect(4_999)));
            assertThrows(DataFormatException.class,
                    () -> inflater.inflate(packed, 0, packed.length, ByteBuffer.allocateDirect(5_001)));
            byte[] cut = Arrays.copyOf(packed, packed.length / 2);
            assertThrows(DataFormatException.class,
                    () -> inflater.inflate(cut, 0, cut.length, ByteBuffer.allocateDirect(5_000)));
            byte[] garbage = {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x12, 0x34};
            assertThrows(DataFormatException.class,
                    () -> inflater.inflate(garbage, 0, garbage.length, ByteBuffer.allocateDirect(5_000)));
        }
    }

    @Test
    void whatItDeflatesZlibInflatesAndATooSmallOutputIsSaid() throws DataFormatException {
        try (BlockCompressor compressor = compressors.get()) {
            for (int size : new int[] {0, 1, 100, 65_280}) {
                byte[] data = text(size, size);
                byte[] out = new byte[70_000];
                int n = compressor.compress(data, 0, data.length, out, 18, out.length - 26);
                assertTrue(n >= 0, "size " + size);
                Inflater zlib = new Inflater(true);
                zlib.setInput(out, 18, n);
                byte[] back = new byte[size];
                assertEquals(size, size == 0 ? 0 : zlib.inflate(back));
                zlib.end();
                assertArrayEquals(data, back);
            }
            byte[] random = new byte[10_000];
            new SplittableRandom(3).nextBytes(random);
            assertEquals(-1, compressor.compress(random, 0, random.length, new byte[200], 0, 200));
        }
    }

    @Test
    void genvagPicksItForBgzfAndBgzipReadsWhatItWrites(@TempDir Path dir) throws IOException {
        assertNotNull(LibDeflate.inflatersIfAvailable(), "genvag-io finds the provider by name");
        try (BlockCompressor c = BlockCompressors.best().get()) {
            assertTrue(c.name().startsWith("libdeflate"), c.name());
        }
        BlockInflaters.prefer("libdeflate");   // GKL comes first where it loads; this reads back through libdeflate
        byte[] data = text(3_000_000, 9);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (BgzfOutputStream out = new BgzfOutputStream(sink, 2)) {
            out.write(data);
        }
        Path file = Files.write(dir.resolve("x.vcf.gz"), sink.toByteArray());
        PeerTool bgzip = PeerTool.require("bgzip");
        bgzip.run("-t", file.toString());
        assertArrayEquals(data, bgzip.run("-d", "-c", file.toString()));
        for (int threads : new int[] {1, 2}) {
            try (ByteSource source = ByteSources.open(new ByteArrayInputStream(sink.toByteArray()), "x.vcf.gz",
                    threads)) {
                ByteArrayOutputStream back = new ByteArrayOutputStream();
                for (ByteBuffer b; (b = source.next()) != null; ) {
                    byte[] chunk = new byte[b.remaining()];
                    b.get(chunk);
                    back.write(chunk);
                }
                assertArrayEquals(data, back.toByteArray(), threads + " threads");
            }
        }
        // A damaged block is named by its offset, as with the other inflaters.
        byte[] damaged = sink.toByteArray().clone();
        damaged[40] ^= 0x55;
        InputException e = assertThrows(InputException.class, () -> {
            try (ByteSource source = ByteSources.open(new ByteArrayInputStream(damaged), "x.vcf.gz", 1)) {
                while (source.next() != null) {
                    // read to the damage
                }
            }
        });
        assertEquals(0, e.offset(), e.getMessage());
        BlockInflaters.prefer("auto");
    }
}
