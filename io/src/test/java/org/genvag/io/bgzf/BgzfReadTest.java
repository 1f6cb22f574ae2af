// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.bgzf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import org.genvag.core.error.InputException;
import org.genvag.testsupport.PeerTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import htsjdk.samtools.util.BlockCompressedInputStream;

class BgzfReadTest {
    private static final byte[] DATA = BgzfTestData.text(3_000_000, 42);

    @ParameterizedTest(name = "threads={0}")
    @ValueSource(ints = {1, 2, 3, 8})
    void roundTripsWithAnyThreadCount(int threads) throws IOException {
        byte[] bgzf = BgzfTestData.bgzf(DATA);
        assertArrayEquals(DATA, BgzfTestData.readAll(new ByteArrayInputStream(bgzf), threads));
    }

    @Test
    void htsjdkReadsWhatWeWriteAndWeReadWhatHtsjdkWrites() throws IOException {
        byte[] ours = BgzfTestData.bgzf(DATA);
        try (var in = new BlockCompressedInputStream(new ByteArrayInputStream(ours))) {
            assertArrayEquals(DATA, in.readAllBytes());
        }
        var theirs = new java.io.ByteArrayOutputStream();
        try (var out = new htsjdk.samtools.util.BlockCompressedOutputStream(theirs, (Path) null)) {
            out.write(DATA);
        }
        assertArrayEquals(DATA, BgzfTestData.readAll(new ByteArrayInputStream(theirs.toByteArray()), 2));
    }

    @Test
    void bgzipAgreesBothWays(@TempDir Path dir) throws IOException {
        PeerTool bgzip = PeerTool.require("bgzip");
        Path ours = dir.resolve("ours.gz");
        Files.write(ours, BgzfTestData.bgzf(DATA));
        assertArrayEquals(DATA, bgzip.run("-dc", ours.toString()));
        Path plain = dir.resolve("plain.txt");
        Files.write(plain, DATA);
        bgzip.run("-f", "-@", "2", plain.toString());
        assertArrayEquals(DATA, BgzfTestData.readAll(ByteSources.open(dir.resolve("plain.txt.gz").toString(), 2)));
    }

    @Test
    void plainGzipAndPlainTextAreReadToo() throws IOException {
        var gz = new java.io.ByteArrayOutputStream();
        try (var out = new GZIPOutputStream(gz)) {
            out.write(DATA);
        }
        assertArrayEquals(DATA, BgzfTestData.readAll(new ByteArrayInputStream(gz.toByteArray()), 2));
        assertArrayEquals(DATA, BgzfTestData.readAll(new ByteArrayInputStream(DATA), 2));
    }

    @Test
    void missingEofBlockIsNamed() throws IOException {
        byte[] bgzf = BgzfTestData.bgzf(DATA);
        byte[] noEof = Arrays.copyOf(bgzf, bgzf.length - Bgzf.EOF_BLOCK.length);
        InputException e = assertThrows(InputException.class,
                () -> BgzfTestData.readAll(new ByteArrayInputStream(noEof), 2));
        assertEquals("test.vcf.gz: missing BGZF EOF block at compressed offset " + noEof.length
                + ": the file is truncated or its writer did not finish", e.getMessage());
        // The parts, for a lab system that shows the problem its own way.
        assertEquals("test.vcf.gz", e.source());
        assertEquals(noEof.length, e.offset());
        assertEquals(InputException.UNKNOWN, e.line());
        assertTrue(e.detail().startsWith("missing BGZF EOF block"), e.detail());
    }

    @ParameterizedTest(name = "threads={0}")
    @ValueSource(ints = {1, 2})
    void truncationInsideABlockIsNamedWithItsOffset(int threads) throws IOException {
        byte[] bgzf = BgzfTestData.bgzf(DATA);
        int cut = bgzf.length / 2;
        byte[] truncated = Arrays.copyOf(bgzf, cut);
        InputException e = assertThrows(InputException.class,
                () -> BgzfTestData.readAll(new ByteArrayInputStream(truncated), threads));
        assertTrue(e.getMessage().matches("test\\.vcf\\.gz: truncated BGZF block at compressed offset \\d+: expected "
                + "\\d+ bytes, the file ends after \\d+"), e.getMessage());
    }

    /**
     * Property: any single truncation or flipped byte is either harmless to the bytes (a flip in MTIME, OS and
     * similar unchecked header fields) or an InputException naming the file; never a crash, a hang or wrong data.
     */
    @Test
    @Timeout(120)   // a guard against hangs, not a speed test
    void randomCorruptionsAreDetectedNeverMisread() throws IOException {
        byte[] data = BgzfTestData.text(400_000, 7);
        byte[] bgzf = BgzfTestData.bgzf(data);
        Random r = new Random(1234);
        int detected = 0;
        for (int trial = 0; trial < 300; trial++) {
            byte[] bad = bgzf.clone();
            if (trial % 3 == 0) {
                bad = Arrays.copyOf(bad, r.nextInt(bad.length));
            } else {
                int at = r.nextInt(bad.length);
                bad[at] ^= (byte) (1 << r.nextInt(8));
            }
            try {
                byte[] back = BgzfTestData.readAll(new ByteArrayInputStream(bad), 1 + trial % 3);
                assertArrayEquals(data, back, "trial " + trial + ": corrupt input must never be misread");
            } catch (InputException e) {
                assertTrue(e.getMessage().startsWith("test.vcf.gz: "), e.getMessage());
                detected++;
            }
        }
        assertTrue(detected > 250, "most corruptions must be detected, got " + detected);
    }
}
