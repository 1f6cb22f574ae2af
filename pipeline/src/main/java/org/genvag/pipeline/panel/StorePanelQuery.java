// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.panel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.genvag.core.error.InputException;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.core.panel.GenePanel;
import org.genvag.core.panel.PanelIntervals;
import org.genvag.io.Futures;
import org.genvag.io.ReadMode;
import org.genvag.io.genes.GeneTableReader;
import org.genvag.io.output.AtomicOutput;
import org.genvag.io.panel.BuildDetector;
import org.genvag.io.panel.PanelReader;
import org.genvag.io.store.StoreQuery;
import org.genvag.io.store.StoreReader;
import org.genvag.io.store.StoredRecord;
import org.genvag.io.variants.VariantSources;
import org.genvag.io.vcf.ContigDictionary;
import org.genvag.io.vcf.VcfReader;

/**
 * A panel asked of many samples' variant stores at once: each store decodes only the blocks the panel touches, the
 * records are kept by the same test {@code genvag filter} uses, and every kept record gives one row per sample. The
 * stores are queried in parallel, each into its own temporary file, and the files joined in store order, so the
 * output does not depend on which store finished first and memory does not grow with the number of rows.
 */
public final class StorePanelQuery {
    public static final String HEADER = "#store\tsample\tchrom\tpos\tid\tref\talt\tqual\tfilter\tgenes\tgt\tdp\tad\n";

    public record Options(List<Path> panels, GenomeBuild build, long padding, boolean strict, int threads) {
        public Options {
            panels = List.copyOf(panels);
        }
    }

    /** Per store: the build used, records kept and rows written, blocks decoded. */
    public record StoreResult(Path store, GenomeBuild build, long recordsKept, long rows, String readPlan) {
    }

    private StorePanelQuery() {
    }

    /** The stores in a directory: every file whose name ends in .gvs, sorted by name. */
    public static List<Path> storesIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir + ": not a directory");
        }
        try (var files = Files.list(dir)) {
            List<Path> out = files.filter(p -> p.getFileName().toString().endsWith(".gvs")).sorted().toList();
            if (out.isEmpty()) {
                throw new InputException(dir + ": no .gvs stores in it");
            }
            return out;
        }
    }

    public static List<StoreResult> run(List<Path> stores, Path out, Options o) throws IOException {
        Map<GenomeBuild, PanelIntervals> panels = new HashMap<>();
        List<Path> parts = new ArrayList<>();
        for (int i = 0; i < stores.size(); i++) {
            parts.add(AtomicOutput.tempSibling(out.toAbsolutePath(), ".part" + i));
        }
        try {
            List<StoreResult> results = eachStore(stores, o.threads(), (i, store) -> one(store, parts.get(i), o,
                    panels));
            try (AtomicOutput atomic = new AtomicOutput(out)) {
                OutputStream os = atomic.stream();
                os.write(HEADER.getBytes(StandardCharsets.US_ASCII));
                for (Path part : parts) {
                    Files.copy(part, os);
                }
                os.flush();
                atomic.commit();
            }
            return results;
        } finally {
            for (Path part : parts) {
                Files.deleteIfExists(part);
            }
        }
    }

    /**
     * The panel asked of each store as a VCF of its own: {@code dir/NAME.vcf.gz} (BGZF, tabix-indexed), what
     * {@code genvag filter --in NAME.gvs} writes, byte for byte (kept records with GENVAG_GENES and GENVAG_PANELS),
     * stores in parallel, the panels resolved once per build. Each file is written whole or not at all.
     */
    public static List<StoreResult> runVcf(List<Path> stores, Path dir, Options o) throws IOException {
        Files.createDirectories(dir);
        Map<GenomeBuild, PanelIntervals> panels = new HashMap<>();
        return eachStore(stores, o.threads(), (i, store) -> {
            PanelFiltering.Result r = PanelFiltering.run(store.toString(),
                    dir.resolve(sampleName(store) + ".vcf.gz").toString(), new PanelFiltering.Options(o.panels(),
                            o.build(), o.padding(), o.strict(), ReadMode.AUTO, 1, true),
                    build -> intervals(panels, build, o).panels());
            return new StoreResult(store, r.build(), r.recordsKept(), r.recordsKept(), r.readPlan());
        });
    }

    /** One store's part of a query: {@code i} is its place in the list. */
    @FunctionalInterface
    private interface StoreTask {
        StoreResult run(int i, Path store) throws IOException;
    }

    /** Runs the task for every store on {@code threads} threads; the results in store order. */
    private static List<StoreResult> eachStore(List<Path> stores, int threads, StoreTask task) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, stores.size())));
        try {
            List<Future<StoreResult>> futures = new ArrayList<>();
            for (int i = 0; i < stores.size(); i++) {
                int index = i;
                Path store = stores.get(i);
                futures.add(pool.submit(() -> task.run(index, store)));
            }
            List<StoreResult> results = new ArrayList<>();
            for (Future<StoreResult> f : futures) {
                results.add(Futures.get(f));   // an InputException about a store stays one
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String sampleName(Path store) {
        return store.getFileName().toString().replaceFirst("\\.gvs$", "");
    }

    private static PanelIntervals intervals(Map<GenomeBuild, PanelIntervals> cache, GenomeBuild build, Options o)
            throws IOException {
        synchronized (cache) {
            PanelIntervals p = cache.get(build);
            if (p == null) {
                List<GenePanel> resolved = PanelReader.resolveAll(o.panels(), build,
                        () -> GeneTableReader.bundled(build), o.strict());
                p = PanelIntervals.of(resolved, o.padding());
                cache.put(build, p);
            }
            return p;
        }
    }

    private static StoreResult one(Path store, Path part, Options o, Map<GenomeBuild, PanelIntervals> cache)
            throws IOException {
        GenomeBuild build;
        List<String> samples;
        ContigDictionary contigs;
        try (VcfReader header = VariantSources.open(store.toString(), 1)) {
            samples = header.samples();
            contigs = header.contigs();
            Optional<BuildDetector.Detected> d = BuildDetector.detect(header.header());
            build = GenomeBuild.reconcile(o.build(), d.map(BuildDetector.Detected::build).orElse(null),
                    d.map(BuildDetector.Detected::evidence).orElse(null), store.toString());
        }
        PanelIntervals intervals = intervals(cache, build, o);
        StoreQuery query = new StoreQuery(intervals.index());
        byte[] name = sampleName(store).getBytes(StandardCharsets.UTF_8);
        try (StoreReader reader = StoreReader.open(store);
             OutputStream os = Files.newOutputStream(part)) {
            PanelVcfFilter filter = new PanelVcfFilter(intervals, contigs, store.toString());
            Rows rows = new Rows(os, name, samples, contigs, filter);
            // The fields of each record from the columns that hold them: INFO and other FORMAT keys stay packed.
            reader.forEachRecord(query, KEYS, rows);
            rows.drain();
            if (rows.failure != null) {
                throw rows.failure;
            }
            return new StoreResult(store, build, filter.recordsKept(), rows.written, query.summary());
        }
    }

    private static final List<String> KEYS = List.of("GT", "DP", "AD");

    /**
     * Writes one row per sample of each record the panel keeps, as bytes into a buffer of its own that goes to the
     * file 64 KB at a time: nothing per row is made a String, and no stream call is made per field.
     */
    private static final class Rows implements Consumer<StoredRecord> {
        private final OutputStream os;
        private final byte[] name;
        private final List<byte[]> sampleNames = new ArrayList<>();
        private final ContigDictionary contigs;
        private final PanelVcfFilter filter;
        private byte[] buf = new byte[1 << 16];
        private int length;
        private String lastContig;
        private int contigIndex;
        private byte[] contigBytes;
        long written;
        IOException failure;

        Rows(OutputStream os, byte[] name, List<String> samples, ContigDictionary contigs, PanelVcfFilter filter) {
            this.os = os;
            this.name = name;
            this.contigs = contigs;
            this.filter = filter;
            for (String s : samples) {
                sampleNames.add(s.getBytes(StandardCharsets.UTF_8));
            }
        }

        @Override
        public void accept(StoredRecord v) {
            if (failure != null) {
                return;
            }
            if (!v.contig().equals(lastContig)) {
                lastContig = v.contig();
                contigIndex = contigs.intern(lastContig);
                contigBytes = lastContig.getBytes(StandardCharsets.UTF_8);
            }
            if (!filter.test(contigIndex, v.pos(), v.end())) {
                return;
            }
            int n = sampleNames.isEmpty() ? 1 : sampleNames.size();
            for (int s = 0; s < n; s++) {
                put(name, 0, name.length);
                tab();
                if (sampleNames.isEmpty()) {
                    put('.');
                } else {
                    byte[] sample = sampleNames.get(s);
                    put(sample, 0, sample.length);
                }
                tab();
                put(contigBytes, 0, contigBytes.length);
                tab();
                decimal(v.pos());
                for (int f = StoredRecord.ID; f <= StoredRecord.FILTER; f++) {
                    tab();
                    put(v.buffer(), v.start(f), v.end(f) - v.start(f));
                }
                tab();
                put(filter.genesBuffer(), 0, filter.genesLength());
                for (int k = 0; k < KEYS.size(); k++) {
                    tab();
                    int start = sampleNames.isEmpty() || s >= v.sampleCount() ? -1 : v.valueStart(s, k);
                    int len = start < 0 ? 0 : v.valueEnd(s, k) - start;
                    if (len == 0) {
                        put('.');
                    } else {
                        put(v.buffer(), start, len);
                    }
                }
                put('\n');
                written++;
            }
            if (length > buf.length / 2) {
                drain();
            }
        }

        private void tab() {
            put('\t');
        }

        private void put(int b) {
            if (length == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            buf[length++] = (byte) b;
        }

        private void put(byte[] src, int from, int len) {
            if (length + len > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + len));
            }
            System.arraycopy(src, from, buf, length, len);
            length += len;
        }

        private void decimal(long value) {
            int digits = 1;
            for (long x = value / 10; x > 0; x /= 10) {
                digits++;
            }
            if (length + digits > buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2 + digits);
            }
            long x = value;
            for (int p = length + digits - 1; p >= length; p--) {
                buf[p] = (byte) ('0' + x % 10);
                x /= 10;
            }
            length += digits;
        }

        /** Hands the buffered rows to the file; a write error is kept and rethrown when the store is done. */
        void drain() {
            if (failure != null || length == 0) {
                return;
            }
            try {
                os.write(buf, 0, length);
            } catch (IOException e) {
                failure = e;
            }
            length = 0;
        }
    }
}
