// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Numbers stored as tags and varints come back as the exact text they were, decimals' leading zeros included. */
class ValueColumnTest {
    @Test
    void decimalsAndIntegersComeBackAsWritten() {
        SplittableRandom random = new SplittableRandom(21);
        StringBuilder values = new StringBuilder();
        ValueColumn column = new ValueColumn("x");
        String[] texts = new String[50_000];
        for (int i = 0; i < texts.length; i++) {
            int digits = random.nextInt(10);   // 0: an integer
            long whole = random.nextInt(4) == 0 ? 0 : random.nextLong(1_000_000L);
            StringBuilder t = new StringBuilder();
            if (random.nextInt(5) == 0) {
                t.append('-');
            }
            t.append(whole);
            if (digits > 0) {
                t.append('.');
                for (int d = 0; d < digits; d++) {
                    t.append((char) ('0' + (random.nextInt(3) == 0 ? 0 : random.nextInt(10))));
                }
            }
            texts[i] = t.toString();
            values.append(texts[i]).append(';');
        }
        byte[] b = values.toString().getBytes(StandardCharsets.US_ASCII);
        int at = 0;
        for (int i = 0; i < texts.length; i++) {
            at = column.add(b, at, b.length, (byte) ';', (byte) '\t') + 1;
        }
        ValueColumn.Reader reader = new ValueColumn.Reader(cursor(column.tags), cursor(column.numbers),
                cursor(column.text));
        ByteSink out = new ByteSink(16);
        for (String expected : texts) {
            out.clear();
            reader.copy(out, null);
            assertEquals(expected, new String(out.bytes, 0, out.length, StandardCharsets.US_ASCII));
        }
    }

    private static ByteCursor cursor(ByteSink s) {
        return new ByteCursor(s.bytes, s.length);
    }
}
