// SPDX-License-Identifier: Apache-2.0
package org.genvag.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.genvag.core.genome.GenomeBuild;
import org.genvag.core.panel.PanelIntervals;
import org.genvag.core.panel.PanelResolver;
import org.genvag.io.ReadMode;
import org.genvag.io.genes.GeneTableReader;
import org.genvag.io.panel.PanelReadPlan;
import org.genvag.io.panel.PanelReader;
import org.genvag.io.store.StoreQuery;
import org.genvag.io.store.StoreReader;
import org.genvag.io.store.StoreWriter;
import org.genvag.io.vcf.VcfReader;
import org.genvag.io.vcf.VcfRecord;
import org.genvag.pipeline.panel.PanelVcfFilter;
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
 * A 944-gene panel asked of one WGS-like sample (4.6 M records): from its variant store, from the VCF.gz through
 * the tabix index, and streaming the VCF.gz; JVM start-up and panel resolution excluded (done in setup). Each
 * operation counts the records the panel keeps, by the same filter {@code genvag filter} uses, or, for
 * {@link #storePositions}, by the store's own overlap test on the POS and SPAN columns.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class StoreQueryBenchmark {
    @Param({"4600000"})
    long records;

    @Param({"256", "4096"})
    int blockRecords;

    Path vcf;
    Path store;
    PanelIntervals panel;

    @Setup
    public void setup() throws IOException {
        vcf = BenchInputs.wgsVcf(records);
        store = BenchInputs.dir().resolve("wgs-" + records + "-" + blockRecords + ".gvs");
        if (!Files.exists(store) || Files.getLastModifiedTime(store).compareTo(Files.getLastModifiedTime(vcf)) < 0) {
            try (VcfReader in = VcfReader.open(vcf.toString(), 2)) {
                StoreWriter.write(in, store, new StoreWriter.Options(blockRecords, false, 2));
            }
        }
        if (!Files.exists(Path.of(vcf + ".tbi"))) {
            throw new IllegalStateException("index the VCF first: tabix -p vcf " + vcf);
        }
        panel = PanelIntervals.of(List.of(PanelResolver.resolve(PanelReader.read(BenchInputs.panel944()),
                GeneTableReader.bundled(GenomeBuild.GRCH38), false)), 0);
    }

    @Benchmark
    public long store() throws IOException {
        try (VcfReader reader = new VcfReader(StoreReader.open(store).source(new StoreQuery(panel.index())),
                store.toString())) {
            return count(reader);
        }
    }

    /**
     * The same panel question answered from the columns: which records fall in the panel (contig, POS, end), with
     * no VCF text made or parsed; the count equals {@link #store()}'s (tested in the panel cross-check suite).
     */
    @Benchmark
    public long storePositions(Blackhole bh) throws IOException {
        try (StoreReader reader = StoreReader.open(store)) {
            return reader.forEachPosition(new StoreQuery(panel.index()), (contig, pos, end) -> bh.consume(pos));
        }
    }

    /** The same panel as variants (contig, POS, END, REF, ALT) from the columns that hold them. */
    @Benchmark
    public long storeVariants(Blackhole bh) throws IOException {
        try (StoreReader reader = StoreReader.open(store)) {
            return reader.forEachVariant(new StoreQuery(panel.index()), bh::consume);
        }
    }

    /**
     * The same panel as records: ID, REF, ALT, QUAL, FILTER and each sample's GT, DP and AD from their columns (what
     * {@code genvag store query} writes per row); INFO and the other FORMAT keys are never decompressed.
     */
    @Benchmark
    public long storeRecords(Blackhole bh) throws IOException {
        try (StoreReader reader = StoreReader.open(store)) {
            return reader.forEachRecord(new StoreQuery(panel.index()), RECORD_KEYS, r -> bh.consume(r.valueEnd(0, 0)));
        }
    }

    private static final List<String> RECORD_KEYS = List.of("GT", "DP", "AD");

    @Benchmark
    public long vcfTabix() throws IOException {
        try (VcfReader header = VcfReader.open(vcf.toString(), 1)) {
            PanelReadPlan plan = PanelReadPlan.choose(vcf.toString(), header.header(), panel, ReadMode.INDEX);
            try (VcfReader reader = plan.openIndexed(vcf.toString(), header)) {
                return count(reader);
            }
        }
    }

    @Benchmark
    public long vcfStream() throws IOException {
        try (VcfReader reader = VcfReader.open(vcf.toString(), 2)) {
            return count(reader);
        }
    }

    private long count(VcfReader reader) throws IOException {
        PanelVcfFilter filter = new PanelVcfFilter(panel, reader.contigs(), reader.source());
        VcfRecord r = new VcfRecord();
        long kept = 0;
        while (reader.next(r)) {
            if (filter.test(r)) {
                kept++;
            }
        }
        return kept;
    }
}
