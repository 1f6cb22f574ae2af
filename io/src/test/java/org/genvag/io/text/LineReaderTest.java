// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.genvag.io.bgzf.ByteSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LineReaderTest {

    /** Serves bytes in pieces of random size (1 to maxPiece), so lines straddle pieces in every way. */
    static ByteSource pieces(byte[] data, int maxPiece, long seed) {
        Random r = new Random(seed);
        return new ByteSource() {
            int at;
            final ByteBuffer buf = ByteBuffer.allocateDirect(maxPiece + 8).order(ByteOrder.LITTLE_ENDIAN);

            @Override
            public ByteBuffer next() {
                if (at >= data.length) {
                    return null;
                }
                int n = Math.min(data.length - at, 1 + r.nextInt(maxPiece));
                buf.clear();
                buf.put(data, at, n).flip();
                at += n;
                return buf;
            }

            @Override
            public long compressedOffset() {
                return at;
            }

            @Override
            public void close() {
            }
        };
    }

    static List<String> readLines(ByteSource source) throws IOException {
        List<String> out = new ArrayList<>();
        try (LineReader lines = new LineReader(source)) {
            while (lines.next()) {
                out.add(lines.lineAsString());
                assertEquals(out.size(), lines.lineNumber());
            }
        }
        return out;
    }

    @ParameterizedTest(name = "pieces of up to {0} bytes")
    @ValueSource(ints = {1, 3, 8, 17, 100, 5000})
    void linesSurvivePiecesOfAnySize(int maxPiece) throws IOException {
        Random r = new Random(maxPiece);
        StringBuilder text = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            // Lines from empty to longer than the carry buffer's initial 64 KiB.
            int len = i == 150 ? 200_000 : r.nextInt(120);
            StringBuilder line = new StringBuilder();
            for (int k = 0; k < len; k++) {
                line.append((char) ('a' + r.nextInt(26)));
            }
            expected.add(line.toString());
            text.append(line).append(i % 7 == 0 ? "\r\n" : "\n");
        }
        byte[] data = text.toString().getBytes(StandardCharsets.US_ASCII);
        assertEquals(expected, readLines(pieces(data, maxPiece, 9)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\nb", "a\nb\n", "\n\nx", "only"})
    void lastLineNeedsNoNewline(String text) throws IOException {
        List<String> expected = new ArrayList<>(List.of(text.split("\n", -1)));
        if (text.endsWith("\n")) {
            expected.remove(expected.size() - 1);
        }
        assertEquals(expected, readLines(pieces(text.getBytes(StandardCharsets.US_ASCII), 2, 1)));
    }
}
