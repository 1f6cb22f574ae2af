// SPDX-License-Identifier: Apache-2.0
// Deflate speed and ratio per 64 KiB BGZF block of a VCF's text: the JDK's zlib and Intel GKL's deflater at levels
// 1, 5 and 6, and on Java 22+ libdeflate's at level 6 (genvag-libdeflate). Run as a single-file program with
// genvag's jar on the class path (GKL and genvag-libdeflate are in it):
//   /usr/lib/jvm/temurin-25-jdk-amd64/bin/java --enable-native-access=ALL-UNNAMED -cp app/target/genvag.jar \
//       bench/scripts/DeflateLevels.java /tmp/genvag-bench/wgs-500000.vcf.gz
import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.InputStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;

import org.broadinstitute.gatk.nativebindings.NativeLibrary;
import org.genvag.io.bgzf.BlockCompressor;
import org.genvag.io.bgzf.LibDeflate;

public class DeflateLevels {
    public static void main(String[] args) throws Exception {
        byte[] data;
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(new FileInputStream(args[0])))) {
            data = in.readAllBytes();
        }
        System.out.println("bytes " + data.length);
        for (int round = 0; round < 2; round++) {
            for (String kind : new String[] {"jdk", "gkl"}) {
                for (int level : new int[] {1, 5, 6}) {
                    Deflater d;
                    if (kind.equals("jdk")) {
                        d = new Deflater(level, true);
                    } else {
                        Class<?> c = Class.forName("com.intel.gkl.compression.IntelDeflater");
                        d = (Deflater) c.getConstructor(int.class, boolean.class).newInstance(level, true);
                        ((NativeLibrary) d).load(null);
                    }
                    byte[] out = new byte[70_000];
                    long total = 0;
                    long t0 = System.nanoTime();
                    for (int off = 0; off < data.length; off += 65_280) {
                        int n = Math.min(65_280, data.length - off);
                        d.reset();
                        d.setInput(data, off, n);
                        d.finish();
                        total += d.deflate(out, 0, out.length);
                    }
                    long t = System.nanoTime() - t0;
                    System.out.printf("%s level %d: %.1f MB/s, ratio %.3f%n", kind, level, data.length / (t / 1e3),
                            (double) total / data.length);
                    d.end();
                }
            }
            if (LibDeflate.compressorsIfAvailable() != null) {
                try (BlockCompressor c = LibDeflate.compressorsIfAvailable().get()) {
                    byte[] out = new byte[70_000];
                    long total = 0;
                    long t0 = System.nanoTime();
                    for (int off = 0; off < data.length; off += 65_280) {
                        total += c.compress(data, off, Math.min(65_280, data.length - off), out, 0, out.length);
                    }
                    long t = System.nanoTime() - t0;
                    System.out.printf("libdeflate level 6: %.1f MB/s, ratio %.3f%n", data.length / (t / 1e3),
                            (double) total / data.length);
                }
            }
        }
    }
}
