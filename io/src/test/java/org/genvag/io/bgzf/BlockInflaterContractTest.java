// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.bgzf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.DataFormatException;

import org.genvag.testsupport.RawDeflate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every BlockInflater passes the same suite: the JDK's always, GKL's where its native code loads. */
class BlockInflaterContractTest {

    static Stream<Arguments> inflaters() {
        List<Arguments> all = new ArrayList<>();
        all.add(Arguments.of("jdk", BlockInflaters.jdk()));
        Supplier<BlockInflater> gkl = BlockInflaters.gklIfAvailable();
        all.add(Arguments.of("gkl", gkl));
        return all.stream();
    }

    private static Supplier<BlockInflater> available(String name, Supplier<BlockInflater> s) {
        boolean x86Linux = System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64");
        if (s == null) {
            // GKL ships x86-64 Linux code: there it must load, elsewhere its absence is expected.
            if (x86Linux) {
                throw new AssertionError("Intel GKL's inflater should load on x86-64 Linux");
            }
            Assumptions.abort(name + " does not load on this platform");
        }
        return s;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inflaters")
    void inflatesWhatDeflaterWrote(String name, Supplier<BlockInflater> supplier) throws DataFormatException {
        try (BlockInflater inflater = available(name, supplier).get()) {
            for (int level : new int[] {0, 1, 6, 9}) {
                for (int size : new int[] {0, 1, 100, 65_280}) {
                    byte[] data = BgzfTestData.text(size, size + level);
                    byte[] packed = RawDeflate.of(data, level);
                    ByteBuffer dst = ByteBuffer.allocateDirect(Bgzf.MAX_BLOCK_SIZE);
                    dst.position(7);   // the destination's position is honoured
                    int n = inflater.inflate(packed, 0, packed.length, dst.slice(7, size));
                    assertEquals(size, n);
                    byte[] back = new byte[size];
                    dst.get(7, back);
                    assertArrayEquals(data, back, name + " level " + level + " size " + size);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inflaters")
    void rejectsDataThatDoesNotFitOrIsNotDeflate(String name, Supplier<BlockInflater> supplier) {
        try (BlockInflater inflater = available(name, supplier).get()) {
            byte[] data = BgzfTestData.text(5_000, 1);
            byte[] packed = RawDeflate.of(data, 6);
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
}
