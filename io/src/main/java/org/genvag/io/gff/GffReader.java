// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.gff;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.genvag.core.error.InputException;
import org.genvag.core.transcript.TranscriptModels;
import org.genvag.core.transcript.TranscriptModelsBuilder;
import org.genvag.core.transcript.TranscriptTag;
import org.genvag.io.text.GzipOrPlain;

/**
 * Reads gene models from GFF3 or GTF, gzipped or plain, as Ensembl, GENCODE, RefSeq and MANE ship them: genes,
 * transcripts (biotype; tags MANE Select, Ensembl canonical, basic), exons and CDS with phase. UTRs, start and stop
 * codons are implied by exons and CDS and not kept. The format is told by a {@code ##gff-version 3} line, else by
 * the first feature's attributes ({@code key "value";} is GTF).
 *
 * <p>IDs are read as the projects write them and shown without GFF3's type prefixes ({@code gene:ENSG...},
 * {@code transcript:ENST...}, RefSeq's {@code gene-BRCA1}, {@code rna-NM_007294.4}). A malformed line (not 9
 * columns, bad coordinates, strand or phase, a CDS outside its transcript's exons, a transcript without a gene) is an
 * {@link InputException} naming the file and line.
 */
public final class GffReader {
    /** Files from this size (as stored) are read on several threads; smaller ones on the caller's alone. */
    private static final long THREADED_FROM = 1 << 20;

    private final String source;
    private final TranscriptModelsBuilder models;
    /** GFF3 transcript IDs seen, so that a feature whose parent is a transcript (a mature miRNA) is not a transcript. */
    private final Set<String> transcripts = new HashSet<>();
    private final Map<String, String> gtfGeneNames = new HashMap<>();

    private GffReader(String source) {
        this.source = source;
        this.models = new TranscriptModelsBuilder(source);
    }

    public static TranscriptModels read(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            throw new InputException(path + ": is a folder, not a GFF3 or GTF file");
        }
        checkEndsWithNewline(path);
        try (InputStream in = Files.newInputStream(path)) {
            String name = path.getFileName().toString();
            Boolean gtf = name.contains(".gtf") ? Boolean.TRUE : name.contains(".gff") ? Boolean.FALSE : null;
            return read(in, path.toString(), gtf, Files.size(path) >= THREADED_FROM);
        }
    }

    /**
     * A plain file cut short mid-line (a copy that stopped) would still parse, its last feature cut: every GFF3 and
     * GTF writer ends its lines with a newline, so a last line without one is refused. A gzipped file's own trailer
     * catches its truncation.
     */
    private static void checkEndsWithNewline(Path path) throws IOException {
        try (FileChannel c = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = c.size();
            if (size < 2) {
                return;
            }
            ByteBuffer head = ByteBuffer.allocate(2);
            c.read(head, 0);
            if ((head.get(0) & 0xFF) == 0x1f && (head.get(1) & 0xFF) == 0x8b) {
                return;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            c.read(last, size - 1);
            if (last.get(0) != '\n') {
                throw new InputException(path + ": the last line has no newline: the file looks cut short (a copy "
                        + "that stopped?); a GFF3/GTF writer ends every line");
            }
        }
    }

    /**
     * {@code gtf}: true or false when the caller knows the format, null to tell it from the content.
     * <p>
     * The lines are read and cut into features ahead, on other threads ({@link GffBatches}); the features are
     * applied to the models here, in file order, so the models and the first error reported (with its line) are
     * those of reading the file line by line.
     */
    public static TranscriptModels read(InputStream in, String source, Boolean gtf) throws IOException {
        return read(in, source, gtf, true);
    }

    /** {@code threads}: false reads on the calling thread alone (a small file: threads would cost more). */
    private static TranscriptModels read(InputStream in, String source, Boolean gtf, boolean threads)
            throws IOException {
        GffReader r = new GffReader(source);
        BufferedReader lines = GzipOrPlain.open(in, source, StandardCharsets.UTF_8);
        try (GffBatches batches = threads ? GffBatches.start(lines, source, gtf)
                : GffBatches.inline(lines, source, gtf)) {
            for (GffBatches.Parsed p = batches.next(); p != null; p = batches.next()) {
                r.apply(p);
            }
            if (!batches.any()) {
                throw new InputException(source + ": no features: expected GFF3 or GTF lines");
            }
            if (batches.gtf()) {
                r.models.geneSpansFromTranscripts();
                r.gtfGeneNames.forEach(r.models::nameGene);
            }
        }
        return r.models.build();
    }

    /** Applies a batch's features in order; a malformed line is reported after the lines before it were applied. */
    private void apply(GffBatches.Parsed p) {
        for (GffFeature f : p.features()) {
            if (p.gtf()) {
                gtfFeature(f);
            } else {
                gff3Feature(f);
            }
        }
        if (p.error() != null) {
            throw p.error();
        }
    }

    private void gff3Feature(GffFeature f) {
        String type = f.type();
        long n = f.line();
        if (type.equals("exon") || type.equals("CDS")) {
            childFeature(f);
            if (f.proteinId() != null) {
                for (String tx : f.parents()) {
                    models.proteinId(tx, f.proteinId(), n);
                }
            }
            return;
        }
        Map<String, List<String>> a = f.attributes();
        String id = GffAttributes.first(a, "ID");
        List<String> parents = a.get("Parent");
        if (id == null) {
            return;   // a feature nothing refers to (a repeat, a region without ID): not a gene model
        }
        if (parents == null) {
            if (type.contains("gene")) {
                checkStrand(f.strand(), type, n);
                String name = firstOf(a, "Name", "gene_name", "gene");
                models.gene(GffLineParser.stripGene(id), name, f.contig(), f.strand(), f.start(), f.end(), n);
            }
            return;
        }
        if (transcripts.contains(GffLineParser.stripTranscript(parents.get(0)))) {
            return;   // a product of a transcript (RefSeq's miRNA of a primary transcript), not a transcript
        }
        checkStrand(f.strand(), type, n);
        transcripts.add(GffLineParser.stripTranscript(id));
        String biotype = firstOf(a, "biotype", "transcript_type", "transcript_biotype");
        models.transcript(GffLineParser.stripTranscript(id), GffLineParser.stripGene(parents.get(0)), biotype != null ? biotype : type,
                tags(a.get("tag")), f.contig(), f.strand(), f.start(), f.end(), n);
    }

    private void childFeature(GffFeature f) {
        String type = f.type();
        long n = f.line();
        List<String> parents = f.parents();
        if (parents == null || parents.isEmpty()) {
            throw InputException.at(source, n, type + " has no Parent");
        }
        checkStrand(f.strand(), type, n);
        int phase = type.equals("CDS") ? phase(f.phaseText(), n) : 0;
        for (String tx : parents) {
            if (type.equals("exon")) {
                models.exon(tx, f.contig(), f.strand(), f.start(), f.end(), n);
            } else {
                models.cds(tx, f.contig(), f.strand(), f.start(), f.end(), phase, n);
            }
        }
    }

    private void gtfFeature(GffFeature f) {
        String type = f.type();
        long n = f.line();
        char strand = f.strand();
        Map<String, List<String>> a = f.attributes();
        String gene = GffAttributes.first(a, "gene_id");
        if (gene == null) {
            throw InputException.at(source, n, "GTF feature has no gene_id");
        }
        String name = GffAttributes.first(a, "gene_name");
        if (name != null) {
            gtfGeneNames.putIfAbsent(gene, name);
        }
        if (type.equals("gene")) {
            checkStrand(strand, type, n);
            models.gene(gene, name, f.contig(), strand, f.start(), f.end(), n);
            return;
        }
        String tx = GffAttributes.first(a, "transcript_id");
        boolean child = type.equals("exon") || type.equals("CDS");
        if (!type.equals("transcript") && !child) {
            return;
        }
        if (tx == null) {
            throw InputException.at(source, n, "GTF " + type + " has no transcript_id");
        }
        checkStrand(strand, type, n);
        String biotype = firstOf(a, "transcript_type", "transcript_biotype");
        if (type.equals("transcript")) {
            models.transcript(tx, gene, biotype != null ? biotype : "transcript", tags(a.get("tag")), f.contig(),
                    strand, f.start(), f.end(), n);
            return;
        }
        if (!models.hasTranscript(tx)) {
            // GTF 2.2 has no transcript lines: the first exon or CDS defines the transcript, its exons its span.
            models.transcript(tx, gene, biotype != null ? biotype : "transcript", tags(a.get("tag")), f.contig(),
                    strand, 0, 0, n);
        }
        if (type.equals("exon")) {
            models.exon(tx, f.contig(), strand, f.start(), f.end(), n);
        } else {
            models.cds(tx, f.contig(), strand, f.start(), f.end(), phase(f.phaseText(), n), n);
            models.proteinId(tx, GffAttributes.first(a, "protein_id"), n);
        }
    }

    private static int tags(List<String> values) {
        int bits = 0;
        if (values != null) {
            for (String v : values) {
                TranscriptTag t = TranscriptTag.parse(v);
                if (t != null) {
                    bits |= t.bit();
                }
            }
        }
        return bits;
    }

    private static String firstOf(Map<String, List<String>> a, String... keys) {
        for (String k : keys) {
            String v = GffAttributes.first(a, k);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private void checkStrand(char strand, String type, long n) {
        if (strand != '+' && strand != '-') {
            throw InputException.at(source, n, type + " strand must be + or -, found '" + strand + "'");
        }
    }

    /**
     * A CDS's phase: 0, 1 or 2; '.' (which custom bacterial GFFs write, and bcftools reads) is -1, "not given": the
     * phase then follows from the CDS before it.
     */
    private int phase(String text, long n) {
        if (text.equals(".")) {
            return -1;
        }
        if (text.length() != 1 || text.charAt(0) < '0' || text.charAt(0) > '2') {
            throw InputException.at(source, n, "CDS phase must be 0, 1, 2 or '.', found '" + text + "'");
        }
        return text.charAt(0) - '0';
    }
}
