// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.bgzf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Random;

/** VCF-like bytes of a given size and helpers to read a source to the end. */
final class BgzfTestData {
    private BgzfTestData() {
    }

    /** Compressible, text-like data: tab-separated lines with numbers, as in VCF. */
    static byte[] text(int size, long seed) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder(size + 200);
        long pos = 10_000;
        while (sb.length() < size) {
            pos += 1 + r.nextInt(2_000);
            sb.append("chr").append(1 + r.nextInt(22)).append('\t').append(pos).append("\t.\t")
                    .append("ACGT".charAt(r.nextInt(4))).append('\t').append("ACGT".charAt(r.nextInt(4)))
                    .append('\t').append(r.nextInt(1000)).append("\tPASS\tDP=").append(r.nextInt(90)).append('\n');
        }
        sb.setLength(size);
        return sb.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    static byte[] bgzf(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BgzfOutputStream bgzf = new BgzfOutputStream(out)) {
            bgzf.write(data);
        }
        return out.toByteArray();
    }

    static byte[] readAll(ByteSource source) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (source) {
            for (ByteBuffer b = source.next(); b != null; b = source.next()) {
                byte[] chunk = new byte[b.remaining()];
                b.get(b.position(), chunk);
                out.write(chunk);
            }
        }
        return out.toByteArray();
    }

    static byte[] readAll(InputStream in, int threads) throws IOException {
        return readAll(ByteSources.open(in, "test.vcf.gz", threads));
    }
}
