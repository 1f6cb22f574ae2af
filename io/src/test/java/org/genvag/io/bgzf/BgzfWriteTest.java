// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.bgzf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

import org.genvag.testsupport.PeerTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BGZF written on one thread or several is the same bytes, decompresses to the input (as gzip members and by
 * htslib's bgzip), reports each block's offset in order, and leaves no thread behind when abandoned.
 */
class BgzfWriteTest {
    /** About 90 blocks of text that compresses like VCF: repeated columns, varying numbers. */
    static byte[] input() {
        SplittableRandom random = new SplittableRandom(7);
        StringBuilder b = new StringBuilder();
        while (b.length() < 5_800_000) {
            b.append("chr1\t").append(random.nextInt(1, 250_000_000)).append("\t.\tA\tG\t")
                    .append(random.nextInt(10, 99)).append("\tPASS\tDP=").append(random.nextInt(200)).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] write(byte[] data, int threads, List<long[]> blocks) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (BgzfOutputStream out = new BgzfOutputStream(sink, threads)) {
            out.setBlockListener((block, offset) -> blocks.add(new long[] {block, offset}));
            // Uneven writes, so blocks end inside a write.
            for (int at = 0, step = 1; at < data.length; at += step, step = step * 7 % 100_003 + 1) {
                out.write(data, at, Math.min(step, data.length - at));
            }
        }
        return sink.toByteArray();
    }

    @Test
    void threadsChangeNothingButSpeed(@TempDir Path dir) throws IOException {
        byte[] data = input();
        List<long[]> serialBlocks = new ArrayList<>();
        byte[] serial = write(data, 1, serialBlocks);
        for (int threads : new int[] {2, 4}) {
            List<long[]> blocks = new ArrayList<>();
            assertArrayEquals(serial, write(data, threads, blocks), threads + " threads");
            assertEquals(serialBlocks.size(), blocks.size());
            for (int i = 0; i < blocks.size(); i++) {
                assertEquals(i, blocks.get(i)[0], "blocks are reported in order");
                assertEquals(serialBlocks.get(i)[1], blocks.get(i)[1]);
            }
        }
        assertTrue(serialBlocks.size() > 80, "blocks: " + serialBlocks.size());
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(serial))) {
            assertArrayEquals(data, in.readAllBytes());
        }
        Path file = dir.resolve("x.gz");
        Files.write(file, serial);
        PeerTool bgzip = PeerTool.require("bgzip");
        bgzip.run("-t", file.toString());
        assertArrayEquals(data, bgzip.run("-d", "-c", file.toString()), "htslib reads it back");
    }

    @Test
    void anAbandonedStreamStopsItsThreads() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        BgzfOutputStream out = new BgzfOutputStream(sink, 3);
        out.write(input(), 0, 1_000_000);
        out.abandon();
        long alive = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("genvag-deflate") && t.isAlive()).count();
        assertEquals(0, alive);
    }
}
