// SPDX-License-Identifier: Apache-2.0
package org.genvag.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.genvag.core.genome.Gene;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.core.interval.ContigSegments;
import org.genvag.core.interval.IntervalIndex;
import org.genvag.core.interval.SegmentCursor;
import org.genvag.io.genes.GeneTableReader;
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

import htsjdk.samtools.util.Interval;
import htsjdk.samtools.util.OverlapDetector;

/**
 * Cost of asking "which panel genes does this variant overlap?" per record, for panels of 10, 944 and 5,000 real
 * GRCh38 genes, over 1 M variant positions spread like a WGS call set over all chromosomes (by length): genvag's
 * cursor on a sorted stream (reset at each contig, as the filter does), genvag's binary search in random order, and
 * htsjdk's OverlapDetector (an interval tree) in both orders.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PanelLookupBenchmark {
    private static final int QUERIES = 1 << 20;

    @Param({"10", "944", "5000"})
    int genes;

    ContigSegments[] segments;
    OverlapDetector<String> detector;
    int[] sortedContigs = new int[QUERIES];
    int[] randomContigs = new int[QUERIES];
    long[] sortedStarts = new long[QUERIES];
    long[] sortedEnds = new long[QUERIES];
    long[] randomStarts = new long[QUERIES];
    long[] randomEnds = new long[QUERIES];

    @Setup
    public void setup() {
        // Every gene with an Entrez ID, then the first `genes` of them by Entrez ID: spread over the genome.
        List<Gene> all = new ArrayList<>();
        for (Gene g : GeneTableReader.bundled(GenomeBuild.GRCH38).genes()) {
            if (!g.entrezIds().isEmpty()) {
                all.add(g);
            }
        }
        all.sort((a, b) -> Long.compare(Long.parseLong(a.entrezIds().get(0)), Long.parseLong(b.entrezIds().get(0))));
        IntervalIndex.Builder b = IntervalIndex.builder();
        List<Interval> intervals = new ArrayList<>();
        for (Gene g : all.subList(0, Math.min(genes, all.size()))) {
            b.add(g.contig(), g.start() - 1L, g.end(), g.symbol());
            intervals.add(new Interval(g.contig(), g.start(), g.end(), false, g.symbol()));
        }
        IntervalIndex index = b.build();
        List<String> contigs = GenomeBuild.PRIMARY_CONTIGS;
        segments = new ContigSegments[contigs.size()];
        for (int c = 0; c < contigs.size(); c++) {
            segments[c] = index.contig(contigs.get(c));
        }
        detector = new OverlapDetector<>(0, 0);
        for (Interval i : intervals) {
            detector.addLhs(i.getName(), i);
        }
        Random r = new Random(42);
        long genome = 0;
        for (String c : contigs) {
            genome += GenomeBuild.GRCH38.length(c);
        }
        double gap = genome / (double) QUERIES;
        int c = 0;
        long pos = 0;
        for (int i = 0; i < QUERIES; i++) {
            pos += 1 + (long) (-Math.log(1 - r.nextDouble()) * gap);
            while (c < contigs.size() - 1 && pos >= GenomeBuild.GRCH38.length(contigs.get(c)) - 10) {
                pos -= GenomeBuild.GRCH38.length(contigs.get(c)) - 10;
                c++;
            }
            sortedContigs[i] = c;
            sortedStarts[i] = Math.min(pos, GenomeBuild.GRCH38.length(contigs.get(c)) - 10);
            sortedEnds[i] = sortedStarts[i] + (r.nextInt(10) == 0 ? 1 + r.nextInt(8) : 1);
        }
        int[] order = new int[QUERIES];
        for (int i = 0; i < QUERIES; i++) {
            order[i] = i;
        }
        for (int i = QUERIES - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        for (int i = 0; i < QUERIES; i++) {
            randomContigs[i] = sortedContigs[order[i]];
            randomStarts[i] = sortedStarts[order[i]];
            randomEnds[i] = sortedEnds[order[i]];
        }
    }

    private static long run(ContigSegments[] segments, int[] contigs, long[] starts, long[] ends) {
        SegmentCursor cursor = new SegmentCursor();
        int current = -1;
        long hits = 0;
        for (int i = 0; i < starts.length; i++) {
            if (contigs[i] != current) {
                current = contigs[i];
                cursor.reset(segments[current]);
            }
            hits += cursor.overlaps(starts[i], ends[i]);
        }
        return hits;
    }

    @Benchmark
    @OperationsPerInvocation(QUERIES)
    public long genvagSortedCursor() {
        return run(segments, sortedContigs, sortedStarts, sortedEnds);
    }

    @Benchmark
    @OperationsPerInvocation(QUERIES)
    public long genvagRandomBinarySearch() {
        return run(segments, randomContigs, randomStarts, randomEnds);
    }

    private long detect(int[] contigs, long[] starts, long[] ends) {
        List<String> names = GenomeBuild.PRIMARY_CONTIGS;
        long hits = 0;
        for (int i = 0; i < starts.length; i++) {
            hits += detector.getOverlaps(new Interval(names.get(contigs[i]), (int) starts[i] + 1, (int) ends[i])).size();
        }
        return hits;
    }

    @Benchmark
    @OperationsPerInvocation(QUERIES)
    public long htsjdkOverlapDetectorSorted() {
        return detect(sortedContigs, sortedStarts, sortedEnds);
    }

    @Benchmark
    @OperationsPerInvocation(QUERIES)
    public long htsjdkOverlapDetectorRandom() {
        return detect(randomContigs, randomStarts, randomEnds);
    }
}
