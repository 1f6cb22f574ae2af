// SPDX-License-Identifier: Apache-2.0
package org.genvag.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.broadinstitute.gatk.nativebindings.smithwaterman.SWAlignerNativeBinding;
import org.broadinstitute.gatk.nativebindings.smithwaterman.SWOverhangStrategy;
import org.genvag.core.msi.RepeatRealigner;
import org.genvag.pipeline.align.Aligners;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The pure-Java Smith-Waterman against Intel GKL's AVX one, through the same SPI call, on the two shapes genvag
 * aligns: a 150-base read against an MSI site's haplotype (5-base flanks around a 10-60 base repeat; the read holds
 * the site with a unit lost or gained), and a 150-base read against a 300-base reference window (indels and
 * mismatches). Same pairs for both aligners; time per alignment.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SmithWatermanBenchmark {
    private static final int PAIRS = 256;

    @Param({"java", "gkl"})
    String aligner;

    @Param({"msi-site", "read-window"})
    String shape;

    SWAlignerNativeBinding sw;
    byte[][] references = new byte[PAIRS][];
    byte[][] reads = new byte[PAIRS][];

    @Setup
    public void setup() {
        sw = aligner.equals("java") ? Aligners.java().get() : Aligners.gklIfAvailable().get();
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < PAIRS; i++) {
            if (shape.equals("msi-site")) {
                String unit = "ACGTAC".substring(0, 1 + random.nextInt(4));
                int copies = (unit.length() == 1 ? 10 : 5) + random.nextInt(8);
                String left = bases(random, 5);
                String right = bases(random, 5);
                references[i] = (left + unit.repeat(copies) + right).getBytes();
                int readCopies = copies + random.nextInt(3) - 1;
                String core = left + unit.repeat(readCopies) + right;
                int before = random.nextInt(150 - core.length());
                reads[i] = (bases(random, before) + core + bases(random, 150 - core.length() - before)).getBytes();
            } else {
                String window = bases(random, 300);
                references[i] = window.getBytes();
                StringBuilder read = new StringBuilder();
                int at = 20 + random.nextInt(100);
                for (int j = at; read.length() < 150 && j < window.length(); j++) {
                    int roll = random.nextInt(100);
                    if (roll == 0) {
                        continue;                                  // deletion
                    }
                    if (roll == 1) {
                        read.append("ACGT".charAt(random.nextInt(4)));   // insertion
                    }
                    read.append(roll < 4 ? "ACGT".charAt(random.nextInt(4)) : window.charAt(j));
                }
                reads[i] = read.toString().getBytes();
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(PAIRS)
    public void align(Blackhole bh) {
        for (int i = 0; i < PAIRS; i++) {
            bh.consume(sw.align(references[i], reads[i], RepeatRealigner.READ_TO_HAPLOTYPE,
                    SWOverhangStrategy.SOFTCLIP));
        }
    }

    private static String bases(SplittableRandom random, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append("ACGT".charAt(random.nextInt(4)));
        }
        return b.toString();
    }
}
