// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

import org.junit.jupiter.api.Test;

class SwarTest {
    @Test
    void indexOfAndCountAgreeWithAPlainLoopOnRandomData() {
        Random r = new Random(3);
        for (int trial = 0; trial < 2_000; trial++) {
            int n = r.nextInt(100);
            ByteBuffer b = ByteBuffer.allocateDirect(n + 16).order(ByteOrder.LITTLE_ENDIAN);
            byte[] alphabet = {'\t', '\n', 'A', (byte) 0x80, (byte) 0x89, 0, (byte) 0xff, ';'};
            for (int i = 0; i < n + 16; i++) {
                b.put(i, alphabet[r.nextInt(alphabet.length)]);
            }
            byte target = alphabet[r.nextInt(alphabet.length)];
            int from = n == 0 ? 0 : r.nextInt(n);
            int expectedIndex = -1;
            int expectedCount = 0;
            for (int i = from; i < n; i++) {
                if (b.get(i) == target) {
                    expectedCount++;
                    if (expectedIndex < 0) {
                        expectedIndex = i;
                    }
                }
            }
            long pattern = Swar.broadcast(target);
            assertEquals(expectedIndex, Swar.indexOf(b, from, n, target, pattern), "trial " + trial);
            assertEquals(expectedCount, Swar.count(b, from, n, target, pattern), "trial " + trial);
        }
    }
}
