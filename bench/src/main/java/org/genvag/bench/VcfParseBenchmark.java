// SPDX-License-Identifier: Apache-2.0
package org.genvag.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

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

import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFFileReader;

/**
 * Parse a WGS-like VCF.gz and touch CHROM, POS, REF and ALT of every record: genvag's streaming views against
 * htsjdk's VCFFileReader (which decodes every site field into a VariantContext, genotypes lazily), same file, same
 * run. One operation is one whole file.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class VcfParseBenchmark {
    @Param({"500000"})
    long records;

    @Param({"1", "2"})
    int threads;

    Path vcf;

    @Setup
    public void setup() throws IOException {
        vcf = BenchInputs.wgsVcf(records);
    }

    @Benchmark
    public long genvag(Blackhole bh) throws IOException {
        try (VcfReader reader = VcfReader.open(vcf.toString(), threads)) {
            return VcfTouch.touchAll(reader, bh);
        }
    }

    /** htsjdk reads on one thread whatever {@code threads} says; it is measured at both for a like-for-like table. */
    @Benchmark
    public long htsjdk(Blackhole bh) {
        long n = 0;
        try (VCFFileReader reader = new VCFFileReader(vcf, false)) {
            for (VariantContext vc : reader) {
                bh.consume(vc.getContig());
                bh.consume(vc.getStart());
                bh.consume(vc.getReference());
                bh.consume(vc.getAlternateAlleles());
                n++;
            }
        }
        return n;
    }
}
