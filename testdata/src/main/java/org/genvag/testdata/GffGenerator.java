// SPDX-License-Identifier: Apache-2.0
package org.genvag.testdata;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * A GENCODE-style GFF3 of whole-genome size for load benchmarks: genes spread over the contigs, about four
 * transcripts each (a third of genes non-coding), about 6.5 exons a transcript, CDS with phases, UTRs and start and
 * stop codons, GENCODE's attribute layout and tags (one transcript of each gene Ensembl canonical, most coding genes'
 * also MANE Select). 62,000 genes give about 250,000 transcripts and 3.4 M lines, as GENCODE 44's annotation has.
 * Deterministic for a seed. Models are well formed: what genvag's reader checks holds.
 */
public final class GffGenerator {
    private final List<Contig> contigs;
    private final long seed;

    public GffGenerator(List<Contig> contigs, long seed) {
        this.contigs = contigs;
        this.seed = seed;
    }

    /** Writes {@code genes} genes; gzip when the name ends in .gz. Returns the number of feature lines. */
    public long write(int genes, Path out) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        long genomeLength = contigs.stream().mapToLong(Contig::length).sum();
        long lines = 0;
        try (OutputStream raw = Files.newOutputStream(out);
             OutputStream o = new BufferedOutputStream(out.toString().endsWith(".gz")
                     ? new GZIPOutputStream(raw, 1 << 16) : raw, 1 << 16)) {
            StringBuilder b = new StringBuilder(1 << 16);
            b.append("##gff-version 3\n#description: synthetic GENCODE-style annotation (genvag generate gff)\n");
            int gene = 0;
            for (int c = 0; c < contigs.size(); c++) {
                Contig contig = contigs.get(c);
                int here = (int) Math.round((double) genes * contig.length() / genomeLength);
                if (c == contigs.size() - 1) {
                    here = genes - gene;
                }
                long slot = Math.max(1, contig.length() / Math.max(1, here + 1));
                for (int i = 0; i < here; i++, gene++) {
                    long start = 1 + slot * i + rnd.nextLong(Math.max(1, slot / 4));
                    long span = Math.min(slot - slot / 4 - 10, 2_000 + rnd.nextLong(Math.max(1, Math.min(slot / 2,
                            150_000))));
                    lines += gene(b, rnd, contig.name(), gene, start, Math.max(600, span));
                    if (b.length() > 1 << 15) {
                        o.write(b.toString().getBytes(StandardCharsets.US_ASCII));
                        b.setLength(0);
                    }
                }
            }
            o.write(b.toString().getBytes(StandardCharsets.US_ASCII));
        }
        return lines;
    }

    private static long gene(StringBuilder b, SplittableRandom rnd, String contig, int g, long start, long span) {
        char strand = rnd.nextBoolean() ? '+' : '-';
        boolean coding = rnd.nextInt(3) != 0;
        String id = String.format("ENSG%011d.%d", 100_000 + g, 1 + rnd.nextInt(20));
        String name = "SYNG" + g;
        String type = coding ? "protein_coding" : "lncRNA";
        long end = start + span - 1;
        long lines = 1;
        line(b, contig, "gene", start, end, strand, '.').append("ID=").append(id).append(";gene_id=").append(id)
                .append(";gene_type=").append(type).append(";gene_name=").append(name)
                .append(";level=2;hgnc_id=HGNC:").append(10_000 + g).append(";havana_gene=OTTHUMG")
                .append(String.format("%011d", g)).append(".1\n");
        int transcripts = 1 + rnd.nextInt(7);
        for (int t = 0; t < transcripts; t++) {
            String tx = String.format("ENST%011d.%d", 100_000 + g * 8L + t, 1 + rnd.nextInt(9));
            int exons = 1 + rnd.nextInt(12);
            long[] es = new long[exons];
            long[] ee = new long[exons];
            long step = span / exons;
            for (int e = 0; e < exons; e++) {
                long s = start + step * e + (e == 0 ? 0 : rnd.nextLong(Math.max(1, step / 3)));
                long len = 60 + rnd.nextLong(Math.max(1, Math.min(step / 2, 400)));
                es[e] = s;
                ee[e] = Math.min(start + step * (e + 1) - 2, s + len);
                if (e == exons - 1) {
                    ee[e] = Math.max(ee[e], Math.min(end, es[e] + 60));
                }
            }
            boolean txCoding = coding && (t == 0 || rnd.nextInt(3) != 0);
            String tags = t == 0 ? (coding ? "basic,Ensembl_canonical,MANE_Select" : "basic,Ensembl_canonical")
                    : "basic";
            line(b, contig, "transcript", es[0], ee[exons - 1], strand, '.').append("ID=").append(tx)
                    .append(";Parent=").append(id).append(";gene_id=").append(id).append(";transcript_id=").append(tx)
                    .append(";gene_type=").append(type).append(";gene_name=").append(name).append(";transcript_type=")
                    .append(txCoding ? "protein_coding" : coding ? "retained_intron" : "lncRNA")
                    .append(";transcript_name=").append(name).append('-').append(201 + t)
                    .append(";level=2;transcript_support_level=1;tag=").append(tags).append('\n');
            lines++;
            // Coding: the CDS runs from 30 bases into the first exon to 30 bases before the end of the last.
            long cdsStart = Math.min(ee[0], es[0] + 30);
            long cdsEnd = Math.max(es[exons - 1], ee[exons - 1] - 30);
            int phase = 0;
            for (int x = 0; x < exons; x++) {
                int e = strand == '+' ? x : exons - 1 - x;
                line(b, contig, "exon", es[e], ee[e], strand, '.').append("ID=exon:").append(tx).append(':')
                        .append(x + 1).append(";Parent=").append(tx).append(";gene_id=").append(id)
                        .append(";transcript_id=").append(tx).append(";gene_type=").append(type)
                        .append(";gene_name=").append(name).append(";exon_number=").append(x + 1)
                        .append(";exon_id=ENSE").append(String.format("%011d", g * 97L + t * 13L + x)).append(".1\n");
                lines++;
                if (!txCoding) {
                    continue;
                }
                long s = Math.max(es[e], cdsStart);
                long f = Math.min(ee[e], cdsEnd);
                if (s > f) {
                    continue;
                }
                line(b, contig, "CDS", s, f, strand, (char) ('0' + phase)).append("ID=CDS:").append(tx)
                        .append(";Parent=").append(tx).append(";gene_id=").append(id).append(";transcript_id=")
                        .append(tx).append(";exon_number=").append(x + 1).append(";protein_id=ENSP")
                        .append(String.format("%011d", g * 8L + t)).append(".1\n");
                lines++;
                phase = (int) ((3 - ((f - s + 1 - phase) % 3)) % 3);
                if (s > es[e]) {
                    line(b, contig, strand == '+' ? "five_prime_UTR" : "three_prime_UTR", es[e], s - 1, strand, '.')
                            .append("ID=UTR:").append(tx).append(";Parent=").append(tx).append('\n');
                    lines++;
                }
                if (f < ee[e]) {
                    line(b, contig, strand == '+' ? "three_prime_UTR" : "five_prime_UTR", f + 1, ee[e], strand, '.')
                            .append("ID=UTR:").append(tx).append(";Parent=").append(tx).append('\n');
                    lines++;
                }
            }
            if (txCoding) {
                line(b, contig, "start_codon", strand == '+' ? cdsStart : cdsEnd - 2, strand == '+' ? cdsStart + 2
                        : cdsEnd, strand, '0').append("ID=start_codon:").append(tx).append(";Parent=").append(tx)
                        .append('\n');
                line(b, contig, "stop_codon", strand == '+' ? cdsEnd - 2 : cdsStart, strand == '+' ? cdsEnd
                        : cdsStart + 2, strand, '0').append("ID=stop_codon:").append(tx).append(";Parent=").append(tx)
                        .append('\n');
                lines += 2;
            }
        }
        return lines;
    }

    private static StringBuilder line(StringBuilder b, String contig, String type, long start, long end, char strand,
                                      char phase) {
        return b.append(contig).append("\tHAVANA\t").append(type).append('\t').append(start).append('\t')
                .append(end).append("\t.\t").append(strand).append('\t').append(phase).append('\t');
    }
}
