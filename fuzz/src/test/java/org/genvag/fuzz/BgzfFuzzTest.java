// SPDX-License-Identifier: Apache-2.0
package org.genvag.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;

import org.genvag.io.bgzf.ByteSource;
import org.genvag.io.bgzf.ByteSources;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * BGZF, gzip and plain bytes through genvag's sniffing reader on two threads. What genvag decodes must equal what
 * the JDK's gzip reader decodes of the same bytes: a damaged block is an error, never different content.
 */
class BgzfFuzzTest {
    @FuzzTest(maxDuration = FuzzBudget.DURATION)
    void decodesAsTheJdkDoesOrRefuses(byte[] data) throws IOException {
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        boolean[] decoded = {false};
        Inputs.parsesOrNamesTheSource("fuzz.gz", () -> {
            try (ByteSource s = ByteSources.open(new ByteArrayInputStream(data), "fuzz.gz", 2)) {
                for (ByteBuffer b = s.next(); b != null; b = s.next()) {
                    byte[] chunk = new byte[b.remaining()];
                    b.get(b.position(), chunk);
                    ours.write(chunk);
                }
            }
            decoded[0] = true;
        });
        boolean gzip = data.length > 2 && data[0] == 0x1f && (data[1] & 0xff) == 0x8b;
        if (decoded[0] && gzip) {
            byte[] jdk;
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
                jdk = in.readAllBytes();
            }
            assertArrayEquals(jdk, ours.toByteArray(), "genvag and the JDK decode the same gzip bytes alike");
        }
    }
}
