// SPDX-License-Identifier: Apache-2.0
package org.genvag.testdata;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A contig of genes whose transcripts read as real ones do: a 5' UTR, an ATG, sense codons, one stop codon, a 3' UTR,
 * introns that begin GT and end AG, on both strands; a fifth of the genes non-coding. Written as a FASTA (with .fai),
 * an Ensembl-style GFF3 (gene, mRNA or lnc_RNA, exon, CDS with phase, UTRs: the layout bcftools csq reads) and a
 * sites-only VCF of variants placed where consequences differ: inside exons, across and beside exon edges, in
 * introns, up- and downstream; SNVs, deletions and insertions of 1-9 bases. For differential tests of consequence
 * callers.
 */
public final class CodingGenomeGenerator {
    private static final String BASES = "ACGT";
    private static final List<String> SENSE = senseCodons();

    /** What was written. */
    public record Output(Path fasta, Path gff, Path vcf, int genes, int variants) {
    }

    private record Span(int start, int end) {
    }

    private CodingGenomeGenerator() {
    }

    public static Output write(Path dir, String contig, int genes, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder genome = new StringBuilder();
        List<String> gff = new ArrayList<>();
        List<Span> geneSpans = new ArrayList<>();
        List<List<Span>> geneExons = new ArrayList<>();
        for (int g = 0; g < genes; g++) {
            genome.append(random(r, 2000 + r.nextInt(4000)));
            boolean minus = r.nextInt(2) == 1;
            boolean coding = r.nextInt(5) != 0;
            int exonCount = 1 + r.nextInt(6);
            String mrna = coding ? random(r, r.nextInt(61)) + orf(r, 30 + r.nextInt(270)) + random(r, r.nextInt(81))
                    : random(r, 300 + r.nextInt(1200));
            // Cut the mRNA into exons at random points (each exon at least 20 bases).
            List<Integer> cuts = new ArrayList<>();
            for (int e = 1; e < exonCount && mrna.length() > 40 * exonCount; e++) {
                cuts.add(20 + r.nextInt(mrna.length() - 40));
            }
            cuts.sort(Integer::compare);
            List<String> exons = new ArrayList<>();
            int prev = 0;
            for (int c : cuts) {
                if (c - prev >= 20) {
                    exons.add(mrna.substring(prev, c));
                    prev = c;
                }
            }
            exons.add(mrna.substring(prev));
            StringBuilder gene = new StringBuilder();
            List<int[]> exonOffsets = new ArrayList<>();   // [start, end) in gene (transcript orientation)
            for (int e = 0; e < exons.size(); e++) {
                if (e > 0) {
                    gene.append("GT").append(random(r, 76 + r.nextInt(1500))).append("AG");
                }
                exonOffsets.add(new int[] {gene.length(), gene.length() + exons.get(e).length()});
                gene.append(exons.get(e));
            }
            String geneSeq = minus ? reverseComplement(gene.toString()) : gene.toString();
            int geneStart = genome.length() + 1;
            genome.append(geneSeq);
            int geneEnd = genome.length();
            String id = String.format(Locale.ROOT, "%05d", g + 1);
            String biotype = coding ? "protein_coding" : "lncRNA";
            char strand = minus ? '-' : '+';
            gff.add(line(contig, "gene", geneStart, geneEnd, strand, '.', "ID=gene:ENSGSYN" + id + ";Name=CG" + id
                    + ";biotype=" + biotype));
            gff.add(line(contig, coding ? "mRNA" : "lnc_RNA", geneStart, geneEnd, strand, '.', "ID=transcript:ENSTSYN"
                    + id + ";Parent=gene:ENSGSYN" + id + ";Name=CG" + id + "-201;biotype=" + biotype));
            List<Span> spans = new ArrayList<>();
            for (int[] o : exonOffsets) {
                Span s = genomic(o[0], o[1], geneStart, geneEnd, minus);
                spans.add(s);
                gff.add(line(contig, "exon", s.start, s.end, strand, '.', "Parent=transcript:ENSTSYN" + id));
            }
            if (coding) {
                int[] orf = orfBounds(mrna);
                int before = 0;
                int codingSoFar = 0;
                for (int e = 0; e < exons.size(); e++) {
                    int from = Math.max(orf[0], before);
                    int to = Math.min(orf[1], before + exons.get(e).length());
                    if (from < to) {
                        int[] o = exonOffsets.get(e);
                        int geneFrom = o[0] + (from - before);
                        Span s = genomic(geneFrom, geneFrom + (to - from), geneStart, geneEnd, minus);
                        char phase = (char) ('0' + (3 - codingSoFar % 3) % 3);
                        gff.add(line(contig, "CDS", s.start, s.end, strand, phase, "ID=CDS:ENSPSYN" + id
                                + ";Parent=transcript:ENSTSYN" + id));
                        codingSoFar += to - from;
                    }
                    // UTR features too: bcftools csq builds transcripts from CDS and UTRs, not from exons.
                    int[] o = exonOffsets.get(e);
                    int exonFrom = before;
                    int exonTo = before + exons.get(e).length();
                    if (exonFrom < orf[0]) {
                        int geneFrom = o[0];
                        Span s = genomic(geneFrom, geneFrom + Math.min(exonTo, orf[0]) - exonFrom, geneStart, geneEnd,
                                minus);
                        gff.add(line(contig, "five_prime_UTR", s.start, s.end, strand, '.',
                                "Parent=transcript:ENSTSYN" + id));
                    }
                    if (exonTo > orf[1]) {
                        int utrFrom = Math.max(exonFrom, orf[1]);
                        int geneFrom = o[0] + (utrFrom - exonFrom);
                        Span s = genomic(geneFrom, geneFrom + (exonTo - utrFrom), geneStart, geneEnd, minus);
                        gff.add(line(contig, "three_prime_UTR", s.start, s.end, strand, '.',
                                "Parent=transcript:ENSTSYN" + id));
                    }
                    before += exons.get(e).length();
                }
            }
            geneSpans.add(new Span(geneStart, geneEnd));
            geneExons.add(spans);
        }
        genome.append(random(r, 6000));
        Files.createDirectories(dir);
        Path fasta = dir.resolve(contig + ".fa");
        writeFasta(fasta, contig, genome);
        Path gffPath = dir.resolve(contig + ".gff3");
        List<String> header = new ArrayList<>(List.of("##gff-version 3",
                "##sequence-region " + contig + " 1 " + genome.length()));
        header.addAll(gff);
        Files.write(gffPath, header, StandardCharsets.US_ASCII);
        TreeMap<Integer, String[]> variants = variants(r, genome, geneSpans, geneExons);
        Path vcf = dir.resolve(contig + ".vcf");
        try (BufferedWriter w = Files.newBufferedWriter(vcf, StandardCharsets.US_ASCII)) {
            w.write("##fileformat=VCFv4.2\n##contig=<ID=" + contig + ",length=" + genome.length() + ">\n"
                    + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n");
            for (var v : variants.entrySet()) {
                w.write(contig + "\t" + v.getKey() + "\t.\t" + v.getValue()[0] + "\t" + v.getValue()[1]
                        + "\t.\t.\t.\n");
            }
        }
        return new Output(fasta, gffPath, vcf, genes, variants.size());
    }

    /** Variants by position: REF and ALT as VCF writes them (indels with their padding base). */
    private static TreeMap<Integer, String[]> variants(SplittableRandom r, CharSequence genome, List<Span> genes,
                                                      List<List<Span>> exons) {
        TreeMap<Integer, String[]> out = new TreeMap<>();
        for (int g = 0; g < genes.size(); g++) {
            Span gene = genes.get(g);
            List<Span> ex = exons.get(g);
            for (int k = 0; k < 30; k++) {
                int kind = r.nextInt(20);
                int pos;
                if (kind < 11) {
                    Span e = ex.get(r.nextInt(ex.size()));
                    pos = e.start + r.nextInt(e.end - e.start + 1);
                } else if (kind < 17) {
                    Span e = ex.get(r.nextInt(ex.size()));
                    pos = (r.nextInt(2) == 0 ? e.start : e.end) + r.nextInt(21) - 10;
                } else if (kind < 19) {
                    pos = gene.start + r.nextInt(gene.end - gene.start + 1);
                } else {
                    pos = r.nextInt(2) == 0 ? gene.start - 1 - r.nextInt(3000) : gene.end + 1 + r.nextInt(3000);
                }
                if (pos < 2 || pos + 12 > genome.length() || out.containsKey(pos)) {
                    continue;
                }
                int type = r.nextInt(20);
                String ref;
                String alt;
                if (type < 14) {
                    ref = String.valueOf(genome.charAt(pos - 1));
                    char b;
                    do {
                        b = BASES.charAt(r.nextInt(4));
                    } while (b == ref.charAt(0));
                    alt = String.valueOf(b);
                } else if (type < 17) {
                    int n = 1 + r.nextInt(9);
                    ref = genome.subSequence(pos - 1, pos + n).toString();
                    alt = ref.substring(0, 1);
                } else {
                    ref = String.valueOf(genome.charAt(pos - 1));
                    alt = ref + random(r, 1 + r.nextInt(9));
                }
                out.put(pos, new String[] {ref, alt});
            }
        }
        return out;
    }

    /** ATG, {@code codons} sense codons, a stop. */
    private static String orf(SplittableRandom r, int codons) {
        StringBuilder s = new StringBuilder("ATG");
        for (int i = 0; i < codons; i++) {
            s.append(SENSE.get(r.nextInt(SENSE.size())));
        }
        return s.append(new String[] {"TAA", "TAG", "TGA"}[r.nextInt(3)]).toString();
    }

    /** [start, end) of the ORF written by {@link #orf}: the 5' UTR is random, so it is found by its marker. */
    private static int[] orfBounds(String mrna) {
        // The ORF is the longest stop-free run from an ATG to a stop in frame; the written one is far the longest.
        int best = -1;
        int bestEnd = -1;
        for (int i = mrna.indexOf("ATG"); i >= 0; i = mrna.indexOf("ATG", i + 1)) {
            int j = i + 3;
            while (j + 3 <= mrna.length() && !isStop(mrna, j)) {
                j += 3;
            }
            if (j + 3 <= mrna.length() && j + 3 - i > bestEnd - best) {
                best = i;
                bestEnd = j + 3;
            }
        }
        return new int[] {best, bestEnd};
    }

    private static boolean isStop(String s, int at) {
        String c = s.substring(at, at + 3);
        return c.equals("TAA") || c.equals("TAG") || c.equals("TGA");
    }

    private static Span genomic(int from, int to, int geneStart, int geneEnd, boolean minus) {
        return minus ? new Span(geneEnd - to + 1, geneEnd - from) : new Span(geneStart + from, geneStart + to - 1);
    }

    private static String line(String contig, String type, int start, int end, char strand, char phase,
                               String attributes) {
        return contig + "\tgenvag\t" + type + "\t" + start + "\t" + end + "\t.\t" + strand + "\t" + phase + "\t"
                + attributes;
    }

    private static String random(SplittableRandom r, int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append(BASES.charAt(r.nextInt(4)));
        }
        return s.toString();
    }

    private static String reverseComplement(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = s.length() - 1; i >= 0; i--) {
            char c = s.charAt(i);
            out.append(c == 'A' ? 'T' : c == 'C' ? 'G' : c == 'G' ? 'C' : 'A');
        }
        return out.toString();
    }

    private static List<String> senseCodons() {
        List<String> out = new ArrayList<>();
        for (char a : BASES.toCharArray()) {
            for (char b : BASES.toCharArray()) {
                for (char c : BASES.toCharArray()) {
                    String codon = "" + a + b + c;
                    if (!codon.equals("TAA") && !codon.equals("TAG") && !codon.equals("TGA")) {
                        out.add(codon);
                    }
                }
            }
        }
        return out;
    }

    private static void writeFasta(Path fasta, String contig, CharSequence genome) throws IOException {
        int width = 60;
        try (BufferedWriter w = Files.newBufferedWriter(fasta, StandardCharsets.US_ASCII)) {
            w.write(">" + contig + "\n");
            for (int i = 0; i < genome.length(); i += width) {
                w.append(genome, i, Math.min(genome.length(), i + width)).write('\n');
            }
        }
        long offset = contig.length() + 2;
        Files.writeString(fasta.resolveSibling(fasta.getFileName() + ".fai"), contig + "\t" + genome.length() + "\t"
                + offset + "\t" + width + "\t" + (width + 1) + "\n", StandardCharsets.US_ASCII);
    }
}
