// SPDX-License-Identifier: Apache-2.0
package org.genvag.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.genvag.core.biomarker.Threshold;
import org.genvag.core.biomarker.TmbCalculator;
import org.genvag.core.biomarker.TmbMode;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.core.kb.KnowledgeBase;
import org.genvag.io.kb.KnowledgeBaseReader;
import org.genvag.io.vcf.AnnotationLayout;
import org.genvag.io.vcf.VcfReader;
import org.genvag.pipeline.biomarker.SomaticVcfScan;
import org.genvag.pipeline.biomarker.TmbScanner;
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
 * Biomarker matching must not be the slow step: the somatic scan (BRAF codon check, annotation pre-check, TMB with
 * every PASS record's AD/DP decoded, as in a stated-size territory, the worst case) against {@code genvag view}'s
 * per-record work ({@link VcfTouch}), same WGS-like file, same run. Target: within 1.5x.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class BiomarkerScanBenchmark {
    @Param({"500000"})
    long records;

    @Param({"1"})
    int threads;

    Path vcf;
    KnowledgeBase kb;
    Threshold cutoff;

    @Setup
    public void setup() throws IOException {
        vcf = BenchInputs.wgsVcf(records);
        kb = KnowledgeBaseReader.bundled();
        cutoff = kb.biomarker("TMB_H").orElseThrow().threshold();
    }

    @Benchmark
    public long view(Blackhole bh) throws IOException {
        try (VcfReader reader = VcfReader.open(vcf.toString(), threads)) {
            return VcfTouch.touchAll(reader, bh);
        }
    }

    @Benchmark
    public long biomarkerScan(Blackhole bh) throws IOException {
        try (VcfReader reader = VcfReader.open(vcf.toString(), threads)) {
            AnnotationLayout layout = AnnotationLayout.of(reader);
            TmbScanner tmb = new TmbScanner(TmbCalculator.Options.defaults(cutoff), null, 3_000_000_000L,
                    "stated size", layout, TmbMode.CODING, 0, reader.header().infoIds());
            SomaticVcfScan scan = new SomaticVcfScan(kb, GenomeBuild.GRCH38, 0, layout, tmb);
            long n = scan.readAll(reader);
            bh.consume(tmb.report());
            return n;
        }
    }
}
