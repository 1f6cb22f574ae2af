package org.genvag.io.panel;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.genvag.core.error.InputException;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.core.panel.GenePanel;
import org.genvag.core.panel.PanelIntervals;
import org.genvag.io.AtomicOutput;
import org.genvag.io.Futures;
import org.genvag.io.genes.GeneTableReader;
import org.genvag.io.store.StoreQuery;
import org.genvag.io.store.StoreReader;
import org.genvag.io.vcf.FieldKey;
import org.genvag.io.vcf.VcfReader;
import org.genvag.io.vcf.VcfRecord;

/**
 * A panel asked of many samples' variant stores at once: each store decodes only the blocks the panel touches, the
 * records are kept by the same test {@code genvag filter} uses, and every kept record gives one row per sample. The
 * stores are queried in parallel, each into its own temporary file, and the files joined in store order, so the
 * output does not depend on which store finished first and memory does not grow with the number of rows.
 */
public final class StorePanelQuery {
    public static final String HEADER = "#store\tsample\tchrom\tpos\tid\tref\talt\tqual\tfilter\tgenes\tgt\tdp\tad\n";
    private static final FieldKey GT = FieldKey.of("GT");
    private static final FieldKey DP = FieldKey.of("DP");
    private static final FieldKey AD = FieldKey.of("AD");

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
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(o.threads(), stores.size())));
        List<Path> parts = new ArrayList<>();
        try {
            List<Future<StoreResult>> futures = new ArrayList<>();
            for (Path store : stores) {
                Path part = AtomicOutput.tempSibling(out.toAbsolutePath(), ".part" + parts.size());
                parts.add(part);
                futures.add(pool.submit(() -> one(store, part, o, panels)));
            }
            List<StoreResult> results = new ArrayList<>();
            for (Future<StoreResult> f : futures) {
                results.add(Futures.get(f));
            }
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
            pool.shutdownNow();
            for (Path part : parts) {
                Files.deleteIfExists(part);
            }
        }
    }

    private static PanelIntervals intervals(Map<GenomeBuild, PanelIntervals> cache, GenomeBuild build, Options o)
            throws IOException {
        synchronized (cache) {
            PanelIntervals p = cache.get(build);
            if (p == null) {
                List<GenePanel> resolved = PanelReader.resolveAll(o.panels(), GeneTableReader.bundled(build),
                        o.strict());
                p = PanelIntervals.of(resolved, o.padding());
                cache.put(build, p);
            }
            return p;
        }
    }

    private static StoreResult one(Path store, Path part, Options o, Map<GenomeBuild, PanelIntervals> cache)
            throws IOException {
        GenomeBuild build;
        try (VcfReader header = VcfReader.open(store.toString(), 1)) {
            Optional<BuildDetector.Detected> d = BuildDetector.detect(header.header());
            build = GenomeBuild.reconcile(o.build(), d.map(BuildDetector.Detected::build).orElse(null),
                    d.map(BuildDetector.Detected::evidence).orElse(null), store.toString());
        }
        PanelIntervals intervals = intervals(cache, build, o);
        StoreQuery query = new StoreQuery(intervals.index());
        String name = store.getFileName().toString().replaceFirst("\\.gvs$", "");
        long rows = 0;
        try (VcfReader reader = new VcfReader(StoreReader.open(store).source(query), store.toString());
             OutputStream os = new BufferedOutputStream(Files.newOutputStream(part), 1 << 16)) {
            PanelVcfFilter filter = new PanelVcfFilter(intervals, reader.contigs(), reader.source());
            List<String> samples = reader.samples();
            VcfRecord r = new VcfRecord();
            StringBuilder row = new StringBuilder(256);
            while (reader.next(r)) {
                if (!filter.test(r)) {
                    continue;
                }
                String site = r.contigName() + "\t" + r.pos() + "\t" + r.id() + "\t" + r.ref() + "\t" + r.alt() + "\t"
                        + r.column(5) + "\t" + r.filter() + "\t"
                        + new String(filter.genesValue(), StandardCharsets.US_ASCII);
                int n = samples.isEmpty() ? 1 : samples.size();
                int gt = r.formatIndex(GT);
                int dp = r.formatIndex(DP);
                int ad = r.formatIndex(AD);
                for (int s = 0; s < n; s++) {
                    row.setLength(0);
                    row.append(name).append('\t').append(samples.isEmpty() ? "." : samples.get(s)).append('\t')
                            .append(site).append('\t').append(value(r, s, gt, samples.isEmpty())).append('\t')
                            .append(value(r, s, dp, samples.isEmpty())).append('\t')
                            .append(value(r, s, ad, samples.isEmpty())).append('\n');
                    os.write(row.toString().getBytes(StandardCharsets.UTF_8));
                    rows++;
                }
            }
            return new StoreResult(store, build, filter.recordsKept(), rows, query.summary());
        }
    }

    private static String value(VcfRecord r, int sample, int index, boolean sitesOnly) {
        if (sitesOnly || index < 0) {
            return ".";
        }
        String v = r.text(r.sampleValue(sample, index));
        return v == null || v.isEmpty() ? "." : v;
    }
}
