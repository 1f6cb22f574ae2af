package org.genvag.pipeline.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.genvag.core.genome.GenomeBuild;
import org.genvag.io.Futures;
import org.genvag.io.genes.GeneTableReader;
import org.genvag.io.output.AtomicOutput;
import org.genvag.io.output.JsonFiles;
import org.genvag.io.panel.PanelReader;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A batch: the manifest's samples run in parallel, one sample per thread, each independent of the others (one
 * failing never stops the rest). A sample whose output directory holds {@code sample.json} was finished by an
 * earlier run and is skipped unless {@code force}. The run ends with {@code summary.tsv} and {@code summary.json}
 * in the output directory, written atomically, one row per sample in manifest order.
 */
public final class BatchRun {

    /** Told as samples finish, from the worker threads, in completion order. */
    public interface Progress {
        void finished(SampleOutcome outcome, int done, int total);
    }

    private BatchRun() {
    }

    public static List<SampleOutcome> run(List<SampleEntry> samples, Path outDir, BatchOptions o, Progress progress)
            throws IOException {
        checkPanels(samples, o);
        Files.createDirectories(outDir);
        List<SampleOutcome> outcomes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(o.threads(), Math.max(1, samples.size())), r -> {
            Thread t = new Thread(r, "genvag-sample");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<SampleOutcome>> futures = new ArrayList<>();
            int[] done = {0};
            for (SampleEntry e : samples) {
                Path finished = outDir.resolve(e.id()).resolve(SampleRun.DONE);
                if (!o.force() && Files.isRegularFile(finished)) {
                    SampleOutcome earlier = read(finished).withStatus("skipped (done earlier)");
                    futures.add(CompletableFuture.completedFuture(earlier));
                    report(progress, earlier, done, samples.size());
                    continue;
                }
                futures.add(pool.submit(() -> {
                    SampleOutcome out = SampleRun.run(e, outDir, o);
                    report(progress, out, done, samples.size());
                    return out;
                }));
            }
            for (Future<SampleOutcome> f : futures) {
                outcomes.add(Futures.get(f));
            }
        } finally {
            pool.shutdownNow();
        }
        summaries(outcomes, outDir);
        return outcomes;
    }

    /**
     * Resolves the panels on every build the manifest names before any sample runs: a panel gene that does not
     * resolve would fail every sample of that build, so it is one error up front, listing every name, unless the
     * options allow unresolved genes.
     */
    private static void checkPanels(List<SampleEntry> samples, BatchOptions o) throws IOException {
        if (o.panels().isEmpty() || o.allowUnresolved()) {
            return;
        }
        Set<GenomeBuild> builds = EnumSet.noneOf(GenomeBuild.class);
        for (SampleEntry e : samples) {
            if (e.build() != null && e.vcf() != null) {
                builds.add(e.build());
            }
        }
        for (GenomeBuild build : builds) {
            PanelReader.resolveAll(o.panels(), build, () -> GeneTableReader.bundled(build), true);
        }
    }

    private static void report(Progress progress, SampleOutcome outcome, int[] done, int total) {
        synchronized (done) {
            done[0]++;
            if (progress != null) {
                progress.finished(outcome, done[0], total);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static SampleOutcome read(Path file) throws IOException {
        return SampleOutcome.fromMap(new ObjectMapper().readValue(file.toFile(), Map.class));
    }

    static void summaries(List<SampleOutcome> outcomes, Path outDir) throws IOException {
        StringBuilder tsv = new StringBuilder("#sample\ttype\tstatus\tpanel_variants\tgenes_failing_coverage\t"
                + "genes_assessed\tbiomarkers\ttmb\tmsi\tseconds\terror\n");
        List<Map<String, Object>> json = new ArrayList<>();
        for (SampleOutcome s : outcomes) {
            tsv.append(s.id()).append('\t').append(s.type()).append('\t').append(s.status()).append('\t')
                    .append(s.panelVariants() < 0 ? "." : s.panelVariants()).append('\t')
                    .append(s.genesFailing() < 0 ? "." : s.genesFailing()).append('\t')
                    .append(s.genesAssessed() < 0 ? "." : s.genesAssessed()).append('\t')
                    .append(s.biomarkers().isEmpty() ? "." : String.join(";", s.biomarkers())).append('\t')
                    .append(s.tmb() == null ? "." : String.format(Locale.ROOT, "%.2f", s.tmb())).append('\t')
                    .append(s.msi() == null ? "." : s.msi().replace('\t', ' ')).append('\t')
                    .append(String.format(Locale.ROOT, "%.1f", s.seconds())).append('\t')
                    .append(s.error() == null ? "." : s.error().replace('\t', ' ').replace('\n', ' ')).append('\n');
            json.add(s.toMap());
        }
        AtomicOutput.writeString(outDir.resolve("summary.tsv"), tsv);
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("samples", json);
        top.put("failed", outcomes.stream().filter(s -> s.status().equals("failed")).map(SampleOutcome::id).toList());
        JsonFiles.write(outDir.resolve("summary.json"), top);
    }
}
