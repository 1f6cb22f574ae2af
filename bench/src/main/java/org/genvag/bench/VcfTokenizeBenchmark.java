// SPDX-License-Identifier: Apache-2.0
package org.genvag.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import org.genvag.io.bgzf.ByteSource;
import org.genvag.io.vcf.VcfReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Single-thread tokenising of already-decompressed VCF text held off-heap: genvag's reader finding lines and
 * decoding CHROM, POS, REF and ALT, against the floor of any tokeniser, a plain loop that only counts newlines.
 * One operation is one pass over {@link #bytes} bytes: throughput = bytes / time.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-XX:MaxDirectMemorySize=1g"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class VcfTokenizeBenchmark {
    private static final int CHUNK = 1 << 20;

    @Param({"500000"})
    long records;

    ByteBuffer text;
    public long bytes;

    @Setup
    public void setup() throws IOException {
        byte[] all;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(BenchInputs.wgsVcf(records)), 1 << 16)) {
            all = in.readAllBytes();
        }
        text = ByteBuffer.allocateDirect(all.length).order(ByteOrder.LITTLE_ENDIAN);
        text.put(all).flip();
        bytes = all.length;
        System.out.printf("%n[VcfTokenizeBenchmark] %d bytes of VCF text%n", bytes);
    }

    /** Serves the in-memory text in 1 MiB slices, as the BGZF source serves batches. */
    private ByteSource inMemory() {
        return new ByteSource() {
            int at;

            @Override
            public ByteBuffer next() {
                if (at >= text.limit()) {
                    return null;
                }
                int n = Math.min(CHUNK, text.limit() - at);
                ByteBuffer slice = text.slice(at, n).order(ByteOrder.LITTLE_ENDIAN);
                at += n;
                return slice;
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

    @Benchmark
    public long genvagTokenise(Blackhole bh) throws IOException {
        try (VcfReader reader = new VcfReader(inMemory(), "memory")) {
            return VcfTouch.touchAll(reader, bh);
        }
    }

    /** The floor: read every byte once and count newlines, nothing else. */
    @Benchmark
    public long newlineCountFloor() {
        long n = 0;
        ByteBuffer b = text;
        int limit = b.limit();
        for (int i = 0; i < limit; i++) {
            if (b.get(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
