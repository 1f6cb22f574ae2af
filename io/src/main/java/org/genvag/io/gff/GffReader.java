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
import java.util.ArrayList;
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
    private static final Set<String> IGNORED = Set.of("five_prime_UTR", "three_prime_UTR", "UTR", "start_codon",
            "stop_codon", "Selenocysteine", "stop_codon_redefined_as_selenocysteine");

    private final String source;
    private final TranscriptModelsBuilder models;
    private final List<String> columns = new ArrayList<>(9);
    private Boolean gtf;
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
            return read(in, path.toString(), gtf);
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

    /** {@code gtf}: true or false when the caller knows the format, null to tell it from the content. */
    public static TranscriptModels read(InputStream in, String source, Boolean gtf) throws IOException {
        GffReader r = new GffReader(source);
        r.gtf = gtf;
        BufferedReader lines = GzipOrPlain.open(in, source, StandardCharsets.UTF_8);
        long n = 0;
        boolean any = false;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            n++;
            if (line.startsWith("#")) {
                if (line.startsWith("##gff-version")) {
                    r.gtf = Boolean.FALSE;
                } else if (line.startsWith("##FASTA")) {
                    break;   // GFF3: sequences follow, no more features
                }
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            r.feature(line, n);
            any = true;
        }
        if (!any) {
            throw new InputException(source + ": no features: expected GFF3 or GTF lines");
        }
        if (Boolean.TRUE.equals(r.gtf)) {
            r.models.geneSpansFromTranscripts();
            r.gtfGeneNames.forEach(r.models::nameGene);
        }
        return r.models.build();
    }

    private void feature(String line, long n) {
        List<String> f = fields(line, n);
        String type = f.get(2);
        if (IGNORED.contains(type)) {
            return;
        }
        if (gtf == null) {
            gtf = f.get(8).contains("gene_id \"");
        }
        if (!gtf && !modelFeature(type, f.get(8))) {
            return;   // a chromosome, region or repeat line: not part of a gene model, and not read
        }
        String contig = f.get(0);
        int start = coordinate(f.get(3), "start", n);
        int end = coordinate(f.get(4), "end", n);
        if (end < start) {
            throw InputException.at(source, n, "end " + end + " is before start " + start);
        }
        String strandText = f.get(6);
        char strand = strandText.length() == 1 ? strandText.charAt(0) : '?';
        if (gtf) {
            gtfFeature(type, contig, start, end, strand, f, n);
        } else {
            gff3Feature(type, contig, start, end, strand, f, n);
        }
    }

    /**
     * The 9 columns of a line. Exons and CDS are most of a GENCODE file's 3 million lines: their columns are cut out
     * once, into a list reused line after line (the builder copies what it keeps).
     */
    private List<String> fields(String line, long n) {
        columns.clear();
        int from = 0;
        for (int i = line.indexOf('\t'); i >= 0; i = line.indexOf('\t', from)) {
            columns.add(line.substring(from, i));
            from = i + 1;
        }
        columns.add(line.substring(from));
        if (columns.size() != 9) {
            throw InputException.at(source, n, "expected 9 tab-separated columns (seqid, source, type, start, end, "
                    + "score, strand, phase, attributes), found " + columns.size());
        }
        return columns;
    }

    /**
     * Whether a GFF3 line can be part of a gene model: an exon or CDS, a gene, or a feature with an ID and a Parent
     * (a transcript of any type). Only these are checked and read; bcftools' own test files, for one, carry
     * {@code chromosome} lines with negative starts.
     */
    private static boolean modelFeature(String type, String attributes) {
        return type.equals("exon") || type.equals("CDS") || type.contains("gene") || attributes.contains("Parent=");
    }

    private void gff3Feature(String type, String contig, int start, int end, char strand, List<String> f, long n) {
        if (type.equals("exon") || type.equals("CDS")) {
            // Only the parents matter: read without building the attribute map (most lines of a file).
            List<String> parents = GffAttributes.gff3Values(f.get(8), "Parent", source, n);
            childFeature(type, contig, start, end, strand, f.get(7), parents, n);
            if (type.equals("CDS")) {
                List<String> protein = GffAttributes.gff3Values(f.get(8), "protein_id", source, n);
                if (protein != null) {
                    for (String parent : parents) {
                        models.proteinId(stripTranscript(parent), protein.get(0), n);
                    }
                }
            }
            return;
        }
        Map<String, List<String>> a = GffAttributes.gff3(f.get(8), source, n);
        String id = GffAttributes.first(a, "ID");
        List<String> parents = a.get("Parent");
        if (id == null) {
            return;   // a feature nothing refers to (a repeat, a region without ID): not a gene model
        }
        if (parents == null) {
            if (type.contains("gene")) {
                checkStrand(strand, type, n);
                String name = firstOf(a, "Name", "gene_name", "gene");
                models.gene(stripGene(id), name, contig, strand, start, end, n);
            }
            return;
        }
        if (transcripts.contains(stripTranscript(parents.get(0)))) {
            return;   // a product of a transcript (RefSeq's miRNA of a primary transcript), not a transcript
        }
        checkStrand(strand, type, n);
        transcripts.add(stripTranscript(id));
        String biotype = firstOf(a, "biotype", "transcript_type", "transcript_biotype");
        models.transcript(stripTranscript(id), stripGene(parents.get(0)), biotype != null ? biotype : type,
                tags(a.get("tag")), contig, strand, start, end, n);
    }

    private void childFeature(String type, String contig, int start, int end, char strand, String phaseText,
                              List<String> parents, long n) {
        if (parents == null || parents.isEmpty()) {
            throw InputException.at(source, n, type + " has no Parent");
        }
        checkStrand(strand, type, n);
        int phase = type.equals("CDS") ? phase(phaseText, n) : 0;
        for (String parent : parents) {
            String tx = stripTranscript(parent);
            if (type.equals("exon")) {
                models.exon(tx, contig, strand, start, end, n);
            } else {
                models.cds(tx, contig, strand, start, end, phase, n);
            }
        }
    }

    private void gtfFeature(String type, String contig, int start, int end, char strand, List<String> f, long n) {
        Map<String, List<String>> a = GffAttributes.gtf(f.get(8), source, n);
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
            models.gene(gene, name, contig, strand, start, end, n);
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
            models.transcript(tx, gene, biotype != null ? biotype : "transcript", tags(a.get("tag")), contig,
                    strand, start, end, n);
            return;
        }
        if (!models.hasTranscript(tx)) {
            // GTF 2.2 has no transcript lines: the first exon or CDS defines the transcript, its exons its span.
            models.transcript(tx, gene, biotype != null ? biotype : "transcript", tags(a.get("tag")), contig, strand,
                    0, 0, n);
        }
        if (type.equals("exon")) {
            models.exon(tx, contig, strand, start, end, n);
        } else {
            models.cds(tx, contig, strand, start, end, phase(f.get(7), n), n);
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

    private static String stripGene(String id) {
        return id.startsWith("gene:") ? id.substring(5) : id.startsWith("gene-") ? id.substring(5) : id;
    }

    private static String stripTranscript(String id) {
        return id.startsWith("transcript:") ? id.substring(11) : id.startsWith("rna-") ? id.substring(4) : id;
    }

    private int coordinate(String text, String what, long n) {
        try {
            int v = Integer.parseInt(text);
            if (v < 1) {
                throw InputException.at(source, n, what + " must be 1 or more (GFF is 1-based), found " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw InputException.at(source, n, what + " must be a whole number, found '" + text + "'");
        }
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
