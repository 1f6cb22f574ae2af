// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.gff;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.genvag.core.error.InputException;

/**
 * Cuts GFF3 or GTF lines into {@link GffFeature}s: the 9 columns, the coordinates, and the attributes the gene models
 * read. Stateless but for a reused column list: one parser per thread. Lines that are not part of a gene model (UTR,
 * start and stop codon lines, which exons and CDS imply; a GFF3 chromosome or repeat line) give null. A malformed
 * line is an {@link InputException} naming the file and line.
 */
final class GffLineParser {
    static final Set<String> IGNORED = Set.of("five_prime_UTR", "three_prime_UTR", "UTR", "start_codon",
            "stop_codon", "Selenocysteine", "stop_codon_redefined_as_selenocysteine");

    private final String source;
    private final boolean gtf;
    private final List<String> columns = new ArrayList<>(9);

    GffLineParser(String source, boolean gtf) {
        this.source = source;
        this.gtf = gtf;
    }

    /** The feature of a data line (not a comment or blank), or null when the gene models do not read it. */
    GffFeature parse(String line, long n) {
        List<String> f = fields(line, n);
        String type = f.get(2);
        if (IGNORED.contains(type)) {
            return null;
        }
        String attributes = f.get(8);
        if (!gtf && !modelFeature(type, attributes)) {
            return null;   // a chromosome, region or repeat line: not part of a gene model, and not read
        }
        int start = coordinate(f.get(3), "start", n);
        int end = coordinate(f.get(4), "end", n);
        if (end < start) {
            throw InputException.at(source, n, "end " + end + " is before start " + start);
        }
        String strandText = f.get(6);
        char strand = strandText.length() == 1 ? strandText.charAt(0) : '?';
        if (gtf) {
            return new GffFeature(n, type, f.get(0), start, end, strand, f.get(7), null, null,
                    GffAttributes.gtf(attributes, source, n));
        }
        if (type.equals("exon") || type.equals("CDS")) {
            // Only the parents (and a CDS's protein) matter: read without building the attribute map.
            List<String> parents = transcriptIds(GffAttributes.gff3Values(attributes, "Parent", source, n));
            List<String> protein = type.equals("CDS")
                    ? GffAttributes.gff3Values(attributes, "protein_id", source, n) : null;
            return new GffFeature(n, type, f.get(0), start, end, strand, f.get(7), parents,
                    protein == null ? null : protein.get(0), null);
        }
        return new GffFeature(n, type, f.get(0), start, end, strand, f.get(7), null, null,
                GffAttributes.gff3(attributes, source, n));
    }

    /**
     * Parent IDs as transcript IDs, prefixes stripped, each with its hash computed here: the thread that applies the
     * features looks every exon's and CDS's transcript up by ID, the most frequent work it does.
     */
    private static List<String> transcriptIds(List<String> parents) {
        if (parents == null) {
            return null;
        }
        List<String> out = new ArrayList<>(parents.size());
        for (String p : parents) {
            String id = stripTranscript(p);
            id.hashCode();
            out.add(id);
        }
        return out;
    }

    /** A gene ID as the projects show it: without GFF3's {@code gene:} (Ensembl) or {@code gene-} (RefSeq). */
    static String stripGene(String id) {
        return id.startsWith("gene:") ? id.substring(5) : id.startsWith("gene-") ? id.substring(5) : id;
    }

    /** A transcript ID without {@code transcript:} (Ensembl) or {@code rna-} (RefSeq). */
    static String stripTranscript(String id) {
        return id.startsWith("transcript:") ? id.substring(11) : id.startsWith("rna-") ? id.substring(4) : id;
    }

    /** Whether the first feature line of a file is GTF ({@code key "value";} attributes). */
    static boolean looksLikeGtf(String line) {
        int tab = 0;
        int from = 0;
        while (tab < 8) {
            int i = line.indexOf('\t', from);
            if (i < 0) {
                return false;
            }
            from = i + 1;
            tab++;
        }
        return line.indexOf("gene_id \"", from) >= 0;
    }

    /** The type column of a data line, or null when it has fewer than three columns. */
    static String type(String line) {
        int a = line.indexOf('\t');
        int b = a < 0 ? -1 : line.indexOf('\t', a + 1);
        if (b < 0) {
            return null;
        }
        int c = line.indexOf('\t', b + 1);
        return line.substring(b + 1, c < 0 ? line.length() : c);
    }

    /**
     * The 9 columns of a line. Exons and CDS are most of a GENCODE file's 3 million lines: their columns are cut out
     * once, into a list reused line after line (the feature copies what it keeps).
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
}
