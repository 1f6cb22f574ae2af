// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.consequence;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

import org.genvag.core.consequence.ConsequenceCaller;
import org.genvag.core.consequence.TranscriptEffect;
import org.genvag.core.consequence.VariantEdit;
import org.genvag.core.error.InputException;
import org.genvag.core.transcript.TranscriptModels;
import org.genvag.io.fasta.IndexedFasta;
import org.genvag.io.gff.GffReader;
import org.genvag.io.vcf.VcfOutputType;
import org.genvag.io.vcf.VcfReader;
import org.genvag.io.vcf.VcfRecord;
import org.genvag.io.vcf.VcfWriter;

/**
 * {@code genvag csq}: every record of a VCF written again with the consequences of its ALT alleles on the
 * transcripts of a GFF3/GTF added as VEP's {@code INFO/CSQ} ({@link CsqFormat}), the rest of each line byte-identical.
 * Each record's REF is checked against the reference FASTA first: a mismatch (the VCF and the FASTA are of different
 * builds, or the VCF is broken) is an error naming the line, or with {@code lenient} a warning and the record written
 * without CSQ. Streams: memory holds the transcript models and the transcripts near the current record.
 */
public final class CsqJob {
    private static final byte[] KEY = "CSQ".getBytes(StandardCharsets.US_ASCII);

    /**
     * @param vcf         input VCF (plain, gzip or BGZF), or "-" for standard input
     * @param out         output path, or "-"
     * @param type        output type (null: by the name, as bcftools' -O)
     * @param gff         the transcripts (GENCODE, Ensembl, RefSeq, MANE; GFF3 or GTF, plain or gzip)
     * @param reference   the reference FASTA with its .fai
     * @param transcripts which transcripts get entries
     * @param lenient     a REF that disagrees with the reference is a warning (the record keeps no CSQ), not an error
     * @param threads     threads for BGZF input and output
     */
    public record Request(String vcf, String out, VcfOutputType type, Path gff, Path reference,
                          TranscriptSet transcripts, boolean lenient, int threads) {
    }

    /** What a run did. */
    public record Result(long records, long annotated, long refMismatches, long entries) {
    }

    private CsqJob() {
    }

    public static Result run(Request q, PrintWriter warnings) throws IOException {
        TranscriptModels models = GffReader.read(q.gff());
        try (IndexedFasta fasta = IndexedFasta.open(q.reference());
             VcfReader reader = VcfReader.open(q.vcf(), q.threads())) {
            if (reader.header().infoIds().contains("CSQ")) {
                throw new InputException(reader.source() + ": already has INFO/CSQ (from VEP?); remove it first "
                        + "(bcftools annotate -x INFO/CSQ) or annotate the original VCF");
            }
            IntPredicate keep = q.transcripts().filter(models);
            ConsequenceCaller caller = new ConsequenceCaller(models, fasta, keep);
            try (VcfWriter writer = VcfWriter.open(q.out(), false, reader.contigs().names(), q.type(), q.threads())) {
                writer.writeHeader(reader.header().linesWith(List.of(CsqFormat.headerLine(),
                        "##genvag_csq=<gff=\"" + q.gff().getFileName() + "\",reference=\""
                                + q.reference().getFileName() + "\",transcripts=" + q.transcripts().optionName()
                                + ">")));
                Result r = annotate(reader, writer, caller, q.lenient(), warnings);
                writer.commit();
                return r;
            }
        }
    }

    private static Result annotate(VcfReader reader, VcfWriter writer, ConsequenceCaller caller, boolean lenient,
                                   PrintWriter warnings) throws IOException {
        VcfRecord r = new VcfRecord();
        CsqFormat format = new CsqFormat(caller.models());
        long records = 0;
        long annotated = 0;
        long mismatches = 0;
        long entries = 0;
        while (reader.next(r)) {
            records++;
            String contig = r.contigName();
            byte[] ref = bytes(r.buffer(), r.refStart(), r.refEnd());
            if (!refMatches(caller, contig, r.pos(), ref)) {
                mismatches++;
                String message = "REF " + new String(ref, StandardCharsets.US_ASCII) + " at " + contig + ":"
                        + r.pos() + " is not the reference's "
                        + new String(caller.referenceBases(contig, r.pos(), r.pos() + ref.length - 1),
                        StandardCharsets.US_ASCII);
                if (!lenient) {
                    throw r.error(message + " (the VCF and the FASTA are of different builds?); --lenient writes "
                            + "such records without CSQ");
                }
                warnings.println("genvag csq: warning: " + reader.source() + " line " + r.lineNumber() + ": "
                        + message + "; written without CSQ");
                writer.write(r);
                continue;
            }
            format.startRecord();
            List<byte[]> alts = alts(r);
            for (byte[] alt : alts) {
                format.allele(ref, alts, alt);
                if (!plainBases(alt)) {
                    continue;   // symbolic (<DEL>, <*>), breakend or '*': no sequence to place on a transcript
                }
                VariantEdit edit = VariantEdit.of(contig, r.pos(), ref, alt);
                if (edit.isEmpty()) {
                    continue;
                }
                List<TranscriptEffect> effects = caller.effects(edit);
                if (effects.isEmpty()) {
                    format.intergenic();
                } else {
                    for (TranscriptEffect e : effects) {
                        format.effect(e);
                    }
                }
            }
            if (format.entries() == 0) {
                writer.write(r);
            } else {
                writer.write(r, KEY, format.value());
                annotated++;
                entries += format.entries();
            }
        }
        return new Result(records, annotated, mismatches, entries);
    }

    private static boolean refMatches(ConsequenceCaller caller, String contig, long pos, byte[] ref) {
        byte[] genome = caller.referenceBases(contig, pos, pos + ref.length - 1);
        for (int i = 0; i < ref.length; i++) {
            byte b = ref[i];
            byte u = b >= 'a' && b <= 'z' ? (byte) (b - 32) : b;
            if (u != genome[i] && u != 'N' && genome[i] != 'N') {
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
}
