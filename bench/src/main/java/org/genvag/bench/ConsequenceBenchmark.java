// SPDX-License-Identifier: Apache-2.0
package org.genvag.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.genvag.core.consequence.ConsequenceCaller;
import org.genvag.core.consequence.TranscriptEffect;
import org.genvag.core.consequence.VariantEdit;
import org.genvag.core.transcript.TranscriptModels;
import org.genvag.io.fasta.IndexedFasta;
import org.genvag.io.gff.GffReader;
import org.genvag.testdata.CodingGenomeGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The consequence engine's cost per variant, beside {@link VcfParseBenchmark}'s per record: every variant of a
 * generated contig of 3,000 genes (real ORFs, both strands; variants in exons, at their edges, in introns and near
 * genes, about 87,000) judged on every transcript near it, HGVS included. One operation is all the variants; the
 * transcripts are spliced once, in the first operation, as a sorted VCF meets them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class ConsequenceBenchmark {
    List<VariantEdit> edits;
    ConsequenceCaller caller;
    IndexedFasta fasta;

    @Setup
    public void setup() throws IOException {
        Path dir = BenchInputs.dir().resolve("csq-3000");
        CodingGenomeGenerator.Output in = Files.exists(dir.resolve("chrS.vcf"))
                ? new CodingGenomeGenerator.Output(dir.resolve("chrS.fa"), dir.resolve("chrS.gff3"),
                dir.resolve("chrS.vcf"), 3000, -1)
                : CodingGenomeGenerator.write(dir, "chrS", 3000, 42);
        TranscriptModels models = GffReader.read(in.gff());
        fasta = IndexedFasta.open(in.fasta());
        caller = new ConsequenceCaller(models, fasta, t -> true);
        edits = new ArrayList<>();
        for (String line : Files.readAllLines(in.vcf(), StandardCharsets.US_ASCII)) {
            if (!line.startsWith("#")) {
                String[] f = line.split("\t");
                edits.add(VariantEdit.of(f[0], Long.parseLong(f[1]), f[3].getBytes(StandardCharsets.US_ASCII),
                        f[4].getBytes(StandardCharsets.US_ASCII)));
            }
        }
    }

    @TearDown
    public void close() throws IOException {
        fasta.close();
    }

    /** Effects of every variant; returns the number of transcript effects (about 1.6 per variant). */
    @Benchmark
    public long effects() {
        long n = 0;
        for (VariantEdit e : edits) {
            List<TranscriptEffect> effects = caller.effects(e);
            n += effects.size();
        }
        return n;
    }
}
