// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.consequence;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;

import org.genvag.core.consequence.ConsequenceCaller;
import org.genvag.core.consequence.TranscriptEffect;
import org.genvag.core.consequence.VariantEdit;
import org.genvag.core.genome.NucleotideCodes;
import org.genvag.core.transcript.TranscriptModels;
import org.genvag.io.fasta.IndexedFasta;
import org.genvag.io.vcf.VcfLineBatch;
import org.genvag.io.vcf.VcfRecord;

/**
 * One annotating thread's state (its own FASTA reader, consequence caller and the transcripts it has spliced, which
 * are not thread-safe) and the work per record: REF checked against the reference, each ALT allele's effects, the
 * CSQ value. A batch's values come back in order for the writing thread.
 */
final class RecordAnnotator implements Closeable {
    private final IndexedFasta fasta;
    private final ConsequenceCaller caller;
    private final CsqFormat format;
    private final boolean lenient;
    private final VcfRecord view = new VcfRecord();
    /** VCF contigs whose transcripts the annotation names the other way ("chr4" to "4"), for the run's report. */
    private final Map<String, String> renamed = new TreeMap<>();
    /** Records on contigs the annotation has no transcript on, by contig, for the run's report. */
    private final Map<String, Long> noTranscripts = new TreeMap<>();
    private String lastChrom;
    private byte[] lastChromBytes = new byte[0];

    /** A batch's CSQ values (null: the record is written as it was), with what the writer reports. */
    record Annotated(byte[][] values, List<String> warnings, long mismatches, long entries) {
    }

    RecordAnnotator(TranscriptModels models, Path reference, IntPredicate transcripts, boolean lenient) {
        this.fasta = IndexedFasta.open(reference);
        this.caller = new ConsequenceCaller(models, fasta, transcripts);
        this.format = new CsqFormat(models);
        this.lenient = lenient;
    }

    Annotated annotate(VcfLineBatch batch, String source) {
        byte[][] values = new byte[batch.size()][];
        List<String> warnings = new ArrayList<>(0);
        long mismatches = 0;
        long entries = 0;
        ByteBuffer buffer = batch.buffer();
        List<PhasedCodons.Called> calls = new ArrayList<>(batch.size());
        List<List<byte[]>> altsOf = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            batch.view(i, buffer, view, source);
            String contig = chrom(view);
            if (fasta.length(contig) < 0) {
                throw view.error("contig '" + contig + "' is not in the reference FASTA: the VCF and the FASTA are "
                        + "of different builds, or name contigs differently (chr1 and 1)");
            }
            String annotated = caller.annotationContig(contig);
            if (annotated == null) {
                noTranscripts.merge(contig, 1L, Long::sum);
            } else if (!annotated.equals(contig)) {
                renamed.putIfAbsent(contig, annotated);
            }
            byte[] ref = bytes(view.buffer(), view.refStart(), view.refEnd());
            List<byte[]> alts = alts(view);
            altsOf.add(alts);
            if (!refMatches(contig, view.pos(), ref)) {
                mismatches++;
                String message = "REF " + new String(ref, StandardCharsets.US_ASCII) + " at " + contig + ":"
                        + view.pos() + " is not the reference's "
                        + new String(caller.referenceBases(contig, view.pos(), view.pos() + ref.length - 1),
                        StandardCharsets.US_ASCII);
                if (!lenient) {
                    throw view.error(message + " (the VCF and the FASTA are of different builds?); --lenient "
                            + "writes such records without CSQ");
                }
                warnings.add("genvag csq: warning: " + source + " line " + view.lineNumber() + ": " + message
                        + "; written without CSQ");
                calls.add(null);
                continue;
            }
            PhasedCodons.Called c = new PhasedCodons.Called(contig, view.pos(), ref);
            for (byte[] alt : alts) {
                // Symbolic (<DEL>, <*>), breakend or '*': no sequence to place on a transcript.
                VariantEdit edit = plainBases(alt) ? VariantEdit.of(contig, view.pos(), ref, alt) : null;
                c.edits.add(edit == null || edit.isEmpty() ? null : edit);
                c.effects.add(edit == null || edit.isEmpty() ? null : new ArrayList<>(caller.effects(edit)));
            }
            calls.add(c);
        }
        PhasedCodons.join(calls, i -> {
            batch.view(i, buffer, view, source);
            return SamplePhase.of(view);
        }, caller);
        for (int i = 0; i < calls.size(); i++) {
            PhasedCodons.Called c = calls.get(i);
            if (c == null) {
                continue;
            }
            format.startRecord();
            List<byte[]> alts = altsOf.get(i);
            for (int a = 0; a < alts.size(); a++) {
                format.allele(c.ref, alts, alts.get(a));
                List<TranscriptEffect> effects = c.effects.get(a);
                if (effects == null) {
                    continue;
                }
                if (effects.isEmpty()) {
                    // Intergenic only when no transcript at all is near: near only the transcripts --transcripts
                    // left out, the allele gets no entry (calling it intergenic would be wrong).
                    if (!caller.nearAnyTranscript(c.edits.get(a))) {
                        format.intergenic();
                    }
                } else {
                    for (TranscriptEffect e : effects) {
                        format.effect(e);
                    }
                }
            }
            if (format.entries() > 0) {
                values[i] = format.value();
                entries += format.entries();
            }
        }
        return new Annotated(values, warnings, mismatches, entries);
    }

    /** CHROM of a detached line (no contig dictionary): the previous record's name when the bytes are the same. */
    private String chrom(VcfRecord r) {
        ByteBuffer b = r.buffer();
        int s = r.fieldStart(0);
        int n = r.fieldEnd(0) - s;
        boolean same = lastChrom != null && n == lastChromBytes.length;
        for (int i = 0; same && i < n; i++) {
            same = b.get(s + i) == lastChromBytes[i];
        }
        if (!same) {
            lastChromBytes = bytes(b, s, s + n);
            lastChrom = new String(lastChromBytes, StandardCharsets.US_ASCII);
        }
        return lastChrom;
    }

    private boolean refMatches(String contig, long pos, byte[] ref) {
        byte[] genome = caller.referenceBases(contig, pos, pos + ref.length - 1);
        for (int i = 0; i < ref.length; i++) {
            if (!NucleotideCodes.compatible(ref[i], genome[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean plainBases(byte[] alt) {
        for (byte b : alt) {
            switch (b) {
                case 'A', 'C', 'G', 'T', 'N', 'a', 'c', 'g', 't', 'n' -> { }
                default -> {
                    return false;
                }
            }
        }
        return alt.length > 0;
    }

    private static List<byte[]> alts(VcfRecord r) {
        ByteBuffer b = r.buffer();
        int s = r.altStart();
        int e = r.altEnd();
        List<byte[]> out = new ArrayList<>(2);
        int from = s;
        for (int i = s; i <= e; i++) {
            if (i == e || b.get(i) == ',') {
                out.add(bytes(b, from, i));
                from = i + 1;
            }
        }
        return out;
    }

    private static byte[] bytes(ByteBuffer b, int from, int to) {
        byte[] out = new byte[to - from];
        b.get(from, out);
        return out;
    }

    Map<String, String> renamed() {
        return renamed;
    }

    Map<String, Long> noTranscripts() {
        return noTranscripts;
    }

    /** Coding transcripts spliced by this thread, and how many begin with ATG ({@link CsqJob}'s build check). */
    long codingSpliced() {
        return caller.codingSpliced();
    }

    long atgStarts() {
        return caller.atgStarts();
    }

    @Override
    public void close() throws IOException {
        fasta.close();
    }
}
