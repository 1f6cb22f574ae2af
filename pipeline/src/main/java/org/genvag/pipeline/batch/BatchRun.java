// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.genvag.core.error.InputException;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.core.transcript.TranscriptModels;
import org.genvag.io.Futures;
import org.genvag.io.genes.GeneTableReader;
import org.genvag.io.gff.GffReader;
import org.genvag.io.msi.SiteList;
import org.genvag.io.output.AtomicOutput;
import org.genvag.io.output.JsonFiles;
import org.genvag.io.panel.PanelReader;
import org.genvag.pipeline.msi.MsiBaseline;
import org.genvag.pipeline.schema.OutputSchema;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A batch: the manifest's samples run in parallel, one sample per thread, each independent of the others (one
 * failing never stops the rest). A sample whose output directory holds {@code sample.json} was finished by an
 * earlier run and is skipped unless {@code force}. The run ends with {@code summary.tsv} and {@code summary.json}
 * in the output directory, written atomically, one row per sample in manifest order.
 *
 * <p>Thread-safe in the sense that runs into different output directories may go in parallel; two runs into one
 * directory at once are not supported (they would each run its samples).
 */
public final class BatchRun {
    /** The status of a sample an earlier run finished. */
    public static final String SKIPPED = "skipped (done earlier)";

    /** Told as samples finish, from the worker threads, in completion order. */
    public interface Progress {
        void finished(SampleOutcome outcome, int done, int total);
    }

    private BatchRun() {
    }

    /**
     * Runs the batch on genvag's own pool of {@code o.threads()} threads, shut down before returning.
     *
     * @param samples  the manifest's rows ({@link ManifestReader#read})
     * @param outDir   created if missing; one directory per sample, then {@code summary.tsv} and
     *                 {@code summary.json}
     * @param progress told as each sample finishes, or null
     * @return one outcome per sample, in manifest order; a failed sample is an outcome with its error, not an
     *         exception
     * @throws org.genvag.core.error.InputException a panel gene that does not resolve (unless allowed), before any
     *                                              sample runs
     * @throws IOException                          the output directory or the summaries cannot be written
     */
    public static List<SampleOutcome> run(List<SampleEntry> samples, Path outDir, BatchOptions o, Progress progress)
            throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(o.threads(), Math.max(1, samples.size())), r -> {
            Thread t = new Thread(r, "genvag-sample");
            t.setDaemon(true);
            return t;
        });
        try {
            return run(samples, outDir, o, progress, pool);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Runs the batch with each sample a task on the caller's executor (a lab system's own pool, or a virtual-thread
     * executor), which is not shut down; {@code o.threads()} is then ignored and the executor decides how many run
     * at once. Blocks until every sample has finished.
     */
    public static List<SampleOutcome> run(List<SampleEntry> samples, Path outDir, BatchOptions o, Progress progress,
                                          Executor executor) throws IOException {
        checkPanels(samples, o);
        Files.createDirectories(outDir);
        // The transcripts are read once for the batch: a GENCODE file takes seconds, every sample uses them.
        TranscriptModels models = o.reference() == null ? null : GffReader.read(o.gff());
        List<SampleOutcome> outcomes = new ArrayList<>();
        List<Future<SampleOutcome>> futures = new ArrayList<>();
        int[] done = {0};
        for (SampleEntry e : samples) {
            Path finished = outDir.resolve(e.id()).resolve(SampleRun.DONE);
            SampleOutcome earlier = o.force() ? null : readFinished(finished);
            if (earlier != null) {
                futures.add(CompletableFuture.completedFuture(earlier));
                report(progress, earlier, done, samples.size());
                continue;
            }
            futures.add(CompletableFuture.supplyAsync(() -> {
                SampleOutcome out = SampleRun.run(e, outDir, o, models);
                report(progress, out, done, samples.size());
                return out;
            }, executor));
        }
        for (Future<SampleOutcome> f : futures) {
            outcomes.add(Futures.get(f));
        }
        summaries(outcomes, outDir);
        return outcomes;
    }

    /**
     * Checks what would fail every sample before any runs: consequences without transcripts, an MSI baseline without
     * its site list or built with another one.
     */
    public static void checkOptions(BatchOptions o) throws IOException {
        if (o.reference() != null && o.gff() == null) {
            throw new InputException("--reference is for consequences, which need the transcripts: give --gff too");
        }
        if (o.msiBaseline() != null) {
            if (o.msiSites() == null) {
                throw new InputException("--msi-baseline needs --msi-sites, the site list it was built with");
            }
            MsiBaseline.read(o.msiBaseline(), SiteList.read(o.msiSites()));
        }
    }

    /**
     * Runs one sample as a batch runs each (a distributed batch's task): its outputs under {@code outDir/id}, whole
     * or not at all; a failure is an outcome with its error, never an exception.
     *
     * @param models the transcripts of {@code o.gff()} when the batch adds consequences ({@code o.reference()})
     */
    public static SampleOutcome runSample(SampleEntry e, Path outDir, BatchOptions o, TranscriptModels models) {
        return SampleRun.run(e, outDir, o, models);
    }

    /** As {@link #runSample(SampleEntry, Path, BatchOptions, TranscriptModels)}, naming inputs by {@code names}. */
    public static SampleOutcome runSample(SampleEntry e, Path outDir, BatchOptions o, TranscriptModels models,
            InputNames names) {
        return SampleRun.run(e, outDir, o, models, names);
    }

    /**
     * The outcome recorded in a finished sample's {@code sample.json}, marked skipped, or null when it is of a
     * major version this genvag does not read (the sample then runs again).
     */
    public static SampleOutcome finished(InputStream sampleJson) throws IOException {
        Map<?, ?> json = new ObjectMapper().readValue(sampleJson, Map.class);
        return OutputSchema.SAMPLE.isReadable(json) ? SampleOutcome.fromMap(json).withStatus(SKIPPED) : null;
    }

    /**
     * Resolves the panels on every build the manifest names before any sample runs: a panel gene that does not
     * resolve would fail every sample of that build, so it is one error up front, listing every name, unless the
     * options allow unresolved genes.
     */
    public static void checkPanels(List<SampleEntry> samples, BatchOptions o) throws IOException {
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

    /**
     * The outcome an earlier run recorded (marked skipped), or null when there is none, or it is a {@code sample.json}
     * of a major version this genvag does not read (a sample finished by an older genvag is run again, not misread).
     */
    private static SampleOutcome readFinished(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return finished(in);
        }
    }

    /** {@code summary.tsv} and {@code summary.json}: one row per sample, in the order given. */
    public static void summaries(List<SampleOutcome> outcomes, Path outDir) throws IOException {
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
            json.add(s.fields());
        }
        AtomicOutput.writeString(outDir.resolve("summary.tsv"), tsv);
        Map<String, Object> top = OutputSchema.BATCH_SUMMARY.newObject();
        top.put("samples", json);
        top.put("failed", outcomes.stream().filter(s -> s.status().equals("failed")).map(SampleOutcome::id).toList());
        JsonFiles.write(outDir.resolve("summary.json"), top);
    }
}
