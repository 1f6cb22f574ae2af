// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.consequence;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntPredicate;

import org.genvag.core.error.InputException;
import org.genvag.core.transcript.TranscriptModels;
import org.genvag.io.Futures;
import org.genvag.io.fasta.IndexedFasta;
import org.genvag.io.gff.GffReader;
import org.genvag.io.vcf.VcfLineBatch;
import org.genvag.io.vcf.VcfOutputType;
import org.genvag.io.vcf.VcfReader;
import org.genvag.io.vcf.VcfRecord;
import org.genvag.io.vcf.VcfWriter;

/**
 * {@code genvag csq}: every record of a VCF written again with the consequences of its ALT alleles on the
 * transcripts of a GFF3/GTF added as VEP's {@code INFO/CSQ} ({@link CsqFormat}), the rest of each line byte-identical.
 * Each record's REF is checked against the reference FASTA first: a mismatch (the VCF and the FASTA are of different
 * builds, or the VCF is broken) is an error naming the line, or with {@code lenient} a warning and the record written
 * without CSQ.
 * <p>
 * Streams: the reading thread copies records into batches, {@code threads} workers annotate them (each with its own
 * {@link RecordAnnotator}), and the batches are written in input order; memory holds the transcript models and at
 * most two batches per worker.
 */
public final class CsqJob {
    private static final int BATCH = 2048;

    /**
     * @param vcf         input VCF (plain, gzip or BGZF), or "-" for standard input
     * @param out         output path, or "-"
     * @param type        output type (null: by the name, as bcftools' -O)
     * @param gff         the transcripts (GENCODE, Ensembl, RefSeq, MANE; GFF3 or GTF, plain or gzip)
     * @param reference   the reference FASTA with its .fai
     * @param transcripts which transcripts get entries
     * @param lenient     a REF that disagrees with the reference is a warning (the record keeps no CSQ), not an error
     * @param threads     threads for BGZF input and output and for annotating
     * @param tag         the INFO key written ("CSQ", VEP's; another beside a VCF's own CSQ)
     */
    public record Request(String vcf, String out, VcfOutputType type, Path gff, Path reference,
                          TranscriptSet transcripts, boolean lenient, int threads, String tag) {
        /** Written as INFO/CSQ. */
        public Request(String vcf, String out, VcfOutputType type, Path gff, Path reference,
                       TranscriptSet transcripts, boolean lenient, int threads) {
            this(vcf, out, type, gff, reference, transcripts, lenient, threads, "CSQ");
        }
    }

    /** What a run did. */
    public record Result(long records, long annotated, long refMismatches, long entries) {
    }

    private CsqJob() {
    }

    public static Result run(Request q, PrintWriter warnings) throws IOException {
        return run(q, GffReader.read(q.gff()), warnings);
    }

    /** As {@link #run(Request, PrintWriter)} on transcript models already read from {@code q.gff()}. */
    public static Result run(Request q, TranscriptModels models, PrintWriter warnings) throws IOException {
        if (!q.tag().matches("[A-Za-z_][0-9A-Za-z_.]*")) {
            throw new InputException("'" + q.tag() + "' is not a VCF INFO key (a letter or _, then letters, digits, "
                    + "_ or .)");
        }
        if (models.transcriptCount() == 0) {
            throw new InputException(q.gff() + ": holds no transcripts (" + models.geneCount() + " genes): nothing "
                    + "to judge variants on");
        }
        IntPredicate keep = q.transcripts().filter(models);
        if (q.transcripts() == TranscriptSet.MANE && !anyKept(models, keep)) {
            throw new InputException(q.gff() + ": no transcript is tagged MANE Select (tag=MANE_Select, GENCODE's "
                    + "and Ensembl's; tag=MANE Select, RefSeq's): --transcripts mane would give no variant an "
                    + "entry; use an annotation with MANE tags, or --transcripts canonical (MANE Select where "
                    + "tagged, else Ensembl canonical, else the longest CDS)");
        }
        List<RecordAnnotator> annotators = Collections.synchronizedList(new ArrayList<>());
        ThreadLocal<RecordAnnotator> perThread = ThreadLocal.withInitial(() -> {
            RecordAnnotator a = new RecordAnnotator(models, q.reference(), keep, q.lenient());
            annotators.add(a);
            return a;
        });
        IndexedFasta.open(q.reference()).close();   // a missing or unindexed FASTA fails before any work
        int workers = Math.max(1, q.threads());
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "genvag-csq");
            t.setDaemon(true);
            return t;
        });
        try (VcfReader reader = VcfReader.open(q.vcf(), q.threads())) {
            if (reader.header().infoIds().contains(q.tag())) {
                throw new InputException(reader.source() + ": already has INFO/" + q.tag() + " (from VEP?); remove it "
                        + "first (bcftools annotate -x INFO/" + q.tag() + "), annotate the original VCF, or write "
                        + "genvag's under another key (--tag)");
            }
            try (VcfWriter writer = VcfWriter.open(q.out(), false, reader.contigs().names(), q.type(), q.threads())) {
                writer.writeHeader(reader.header().linesWith(List.of(CsqFormat.headerLine(q.tag()),
                        "##genvag_csq=<gff=\"" + q.gff().getFileName() + "\",reference=\""
                                + q.reference().getFileName() + "\",transcripts=" + q.transcripts().optionName()
                                + ">")));
                Result r = annotate(reader, writer, pool, workers, perThread, warnings,
                        q.tag().getBytes(StandardCharsets.US_ASCII));
                InputAgreement.contigs(annotators, r.records(), reader.source(), warnings, models);
                InputAgreement.startCodons(annotators, q, warnings);
                writer.commit();
                return r;
            }
        } finally {
            pool.shutdownNow();
            for (RecordAnnotator a : annotators) {
                a.close();
            }
        }
    }


    private static boolean anyKept(TranscriptModels models, IntPredicate keep) {
        for (int t = 0; t < models.transcriptCount(); t++) {
            if (keep.test(t)) {
                return true;
            }
        }
        return false;
    }

    private static Result annotate(VcfReader reader, VcfWriter writer, ExecutorService pool, int workers,
                                   ThreadLocal<RecordAnnotator> perThread, PrintWriter warnings, byte[] key)
            throws IOException {
        ArrayDeque<VcfLineBatch> free = new ArrayDeque<>();
        ArrayDeque<Pending> inFlight = new ArrayDeque<>();
        Totals totals = new Totals();
        VcfRecord r = new VcfRecord();
        VcfLineBatch batch = new VcfLineBatch();
        String source = reader.source();
        String lastContig = "";
        long lastEnd = 0;
        while (reader.next(r)) {
            // A batch ends only where the next record cannot share a codon with the last (phased codons are joined
            // within a batch).
            String contig = r.contigName();
            boolean apart = !contig.equals(lastContig) || r.pos() > lastEnd + 2;
            if (batch.size() >= BATCH && apart) {
                VcfLineBatch full = batch;
                inFlight.add(new Pending(full, pool.submit(() -> perThread.get().annotate(full, source))));
                batch = free.isEmpty() ? new VcfLineBatch() : free.poll();
                batch.clear();
                while (inFlight.size() > 2 * workers) {
                    free.add(write(inFlight.poll(), writer, source, warnings, totals, key));
                }
            }
            batch.add(r);
            lastContig = contig;
            lastEnd = r.pos() + r.refLength() - 1;
        }
        if (batch.size() > 0) {
            VcfLineBatch last = batch;
            inFlight.add(new Pending(last, pool.submit(() -> perThread.get().annotate(last, source))));
        }
        while (!inFlight.isEmpty()) {
            write(inFlight.poll(), writer, source, warnings, totals, key);
        }
        return new Result(totals.records, totals.annotated, totals.mismatches, totals.entries);
    }

    private record Pending(VcfLineBatch batch, Future<RecordAnnotator.Annotated> result) {
    }

    private static final class Totals {
        long records;
        long annotated;
        long mismatches;
        long entries;
    }

    /** Waits for a batch, writes its records in order, and gives the batch back for reuse. */
    private static VcfLineBatch write(Pending p, VcfWriter writer, String source, PrintWriter warnings,
                                      Totals totals, byte[] key) throws IOException {
        RecordAnnotator.Annotated a = Futures.get(p.result());
        a.warnings().forEach(warnings::println);
        VcfRecord view = new VcfRecord();
        VcfLineBatch batch = p.batch();
        ByteBuffer buffer = batch.buffer();
        for (int i = 0; i < batch.size(); i++) {
            batch.view(i, buffer, view, source);
            byte[] value = a.values()[i];
            if (value == null) {
                writer.write(view);
            } else {
                writer.write(view, key, value);
                totals.annotated++;
            }
        }
        totals.records += batch.size();
        totals.mismatches += a.mismatches();
        totals.entries += a.entries();
        return batch;
    }
}
