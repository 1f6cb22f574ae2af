// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.bam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.genvag.core.error.InputException;
import org.genvag.io.bgzf.BgzfOutputStream;
import org.genvag.testsupport.Fixtures;
import org.genvag.testsupport.PeerTool;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One field of one record of a real BAM (Rsamtools' ex1.bam, record 122) damaged at a time: each damage is an
 * error naming the record and what is wrong, never an early end of the records. samtools, reading the same bytes,
 * must refuse them too, so the rule is htslib's and not one invented here.
 */
class BamRecordDamageTest {
    private static final int DAMAGED = 122;

    static Stream<Arguments> damages() {
        return Stream.of(
                Arguments.of("reference ID -2^31", (Consumer<ByteBuffer>) r -> r.putInt(4, Integer.MIN_VALUE),
                        "reference ID -2147483648 is neither -1 nor one of the header's 2 references"),
                Arguments.of("reference ID past the header", (Consumer<ByteBuffer>) r -> r.putInt(4, 2),
                        "reference ID 2 is neither -1 nor"),
                Arguments.of("mate reference ID -7", (Consumer<ByteBuffer>) r -> r.putInt(4 + 20, -7),
                        "mate reference ID -7 is neither -1 nor"),
                Arguments.of("sequence length near 2^31", (Consumer<ByteBuffer>) r -> r.putInt(4 + 16, 0x7ffffff0),
                        "bytes, but the record has"),
                Arguments.of("negative sequence length", (Consumer<ByteBuffer>) r -> r.putInt(4 + 16, -5),
                        "negative sequence length -5"),
                Arguments.of("CIGAR count past the record", (Consumer<ByteBuffer>) r -> r.putShort(4 + 12,
                        (short) 60000), "bytes, but the record has"),
                Arguments.of("CIGAR operation 12", (Consumer<ByteBuffer>) r -> {
                    int cigar = 4 + 32 + (r.get(4 + 8) & 0xff);
                    r.putInt(cigar, (r.getInt(cigar) & ~0xf) | 12);
                }, "CIGAR operation 1 has code 12"),
                Arguments.of("CIGAR longer than the sequence", (Consumer<ByteBuffer>) r -> {
                    int cigar = 4 + 32 + (r.get(4 + 8) & 0xff);
                    r.putInt(cigar, r.getInt(cigar) + (1 << 4));
                }, "query bases, but the sequence has"),
                Arguments.of("read name without its NUL", (Consumer<ByteBuffer>) r -> r.put(4 + 32
                        + (r.get(4 + 8) & 0xff) - 1, (byte) 'x'), "the read name is not NUL-terminated"));
    }

    /**
     * The one damage htslib repairs instead of refusing: it overwrites the last name byte with a NUL and reads on.
     * genvag refuses it, as the specification requires the NUL and a changed name would pair mates wrongly.
     */
    private static boolean htslibRefuses(String what) {
        return !what.startsWith("read name");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damages")
    void aDamagedRecordIsAnErrorNamingIt(String what, Consumer<ByteBuffer> damage, String expected,
            @TempDir Path dir) throws IOException {
        byte[] raw = BamReaderTest.inflate(Fixtures.path("bam/rsamtools-ex1.bam"));
        ByteBuffer record = recordAt(raw, DAMAGED);
        damage.accept(record);
        for (int piece : new int[] {3, 500, 70_000}) {
            InputException e = assertThrows(InputException.class, () -> {
                try (BamReader r = new BamReader(BamReaderTest.pieces(raw, piece, piece), "damaged.bam")) {
                    BamReaderTest.genvag(r);
                }
            }, what);
            assertTrue(e.getMessage().startsWith("damaged.bam: corrupt BAM record " + DAMAGED + " (near compressed "
                    + "offset "), e.getMessage());
            assertTrue(e.getMessage().contains(expected), e.getMessage());
        }
        // The same bytes as a BGZF file: samtools refuses them as well (the rule is htslib's).
        Path bam = dir.resolve("damaged.bam");
        try (OutputStream out = new BgzfOutputStream(Files.newOutputStream(bam))) {
            out.write(raw);
        }
        PeerTool samtools = PeerTool.require("samtools");
        if (htslibRefuses(what)) {
            assertNotEquals(0, samtools.tryRun("view", "-c", bam.toString()).exitCode(), what + ": samtools accepted it");
        }
        InputException e = assertThrows(InputException.class, () -> {
            try (BamReader r = BamReader.open(bam.toString(), 2)) {
                BamReaderTest.genvag(r);
            }
        });
        assertTrue(e.getMessage().contains("corrupt BAM record " + DAMAGED + " "), e.getMessage());
    }

    /** A little-endian view of record {@code n} (1-based) of decompressed BAM bytes, from its block_size on. */
    static ByteBuffer recordAt(byte[] raw, int n) {
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        int at = 4;
        at += 4 + b.getInt(at);                 // l_text and the text
        int refs = b.getInt(at);
        at += 4;
        for (int i = 0; i < refs; i++) {
            at += 4 + b.getInt(at) + 4;         // l_name, name, l_ref
        }
        for (int i = 1; i < n; i++) {
            at += 4 + b.getInt(at);
        }
        assertEquals(true, at < raw.length, "record " + n + " exists");
        return b.slice(at, raw.length - at).order(ByteOrder.LITTLE_ENDIAN);
    }
}
