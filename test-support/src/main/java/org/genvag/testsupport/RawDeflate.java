// SPDX-License-Identifier: Apache-2.0
package org.genvag.testsupport;

import java.util.Arrays;
import java.util.zip.Deflater;

/** Raw deflate data (no zlib or gzip framing), as a BGZF block carries it, made by the JDK's zlib. */
public final class RawDeflate {
    private RawDeflate() {
    }

    public static byte[] of(byte[] data, int level) {
        Deflater d = new Deflater(level, true);
        d.setInput(data);
        d.finish();
        byte[] out = new byte[data.length + 1024];
        int n = d.deflate(out);
        d.end();
        return Arrays.copyOf(out, n);
    }
}
