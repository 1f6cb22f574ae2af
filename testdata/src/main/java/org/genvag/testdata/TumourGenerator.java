// SPDX-License-Identifier: Apache-2.0
package org.genvag.testdata;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.genvag.core.genome.Gene;
import org.genvag.core.genome.GeneResolution;
import org.genvag.core.genome.GeneResolver;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.core.kb.Allele;
import org.genvag.core.kb.KnowledgeBase;
import org.genvag.io.genes.GeneTableReader;
import org.genvag.io.output.AtomicOutput;

/**
 * A tumour's calls with known biomarkers planted, for tests and the demo: a Mutect2-like somatic VCF (##tumor_sample,
 * FORMAT GT:AD:AF:DP for NORMAL and TUMOR, FILTERs weak_evidence and germline) with a chosen number of mutations in
 * a callable territory (the spans of the given genes) and, optionally, BRAF V600E in the knowledge base's
 * representation for the build; a Manta-like somatic SV VCF with a chosen fusion oriented as the genes' strands
 * require, plus junctions that make no fusion; and the territory as BED. The counts a correct TMB must find are
 * returned with the files, so tests compare with what was planted, not with a re-derivation.
 */
public final class TumourGenerator {

    /**
     * @param mutations      mutations in the territory, of which {@code eligible} are PASS with VAF and depth above
     *                       genvag's TMB defaults (5%, 25 reads); the rest fail one filter each
     * @param fusion         "ETV6::NTRK3" style, or null for none
     */
    public record Options(GenomeBuild build, boolean chrPrefix, List<String> territoryGenes, int mutations,
                          boolean brafV600e, String fusion, long seed) {
        public Options {
            territoryGenes = List.copyOf(territoryGenes);
        }
    }

    /** What was written and what a correct reader must find in it. */
    public record Outputs(Path somaticVcf, Path svVcf, Path callableBed, long territoryBases, int eligible,
                          int filtered, int lowVaf, int lowDepth) {
    }

    private final Options o;
    private final GeneResolver genes;
    private final KnowledgeBase kb;

    public TumourGenerator(Options options, KnowledgeBase kb) {
        this.o = options;
        this.genes = GeneTableReader.bundled(options.build());
        this.kb = kb;
    }

    public Outputs write(Path somaticVcf, Path svVcf, Path callableBed) throws IOException {
        List<Gene> territory = new ArrayList<>();
        for (String name : o.territoryGenes()) {
            territory.add(gene(name));
        }
        territory.sort(Comparator.comparingInt((Gene g) -> GenomeBuild.PRIMARY_CONTIGS.indexOf(g.contig()))
                .thenComparingInt(Gene::start));
        List<long[]> merged = merge(territory);
        long bases = 0;
        StringBuilder bed = new StringBuilder();
        for (long[] m : merged) {
            bed.append(chrom(GenomeBuild.PRIMARY_CONTIGS.get((int) m[0]))).append('\t').append(m[1] - 1).append('\t')
                    .append(m[2]).append('\n');
            bases += m[2] - m[1] + 1;
        }
        write(callableBed, bed.toString());
        int[] counts = new int[4];
        write(somaticVcf, somatic(merged, counts));
        write(svVcf, structural());
        return new Outputs(somaticVcf, svVcf, callableBed, bases, counts[0], counts[1], counts[2], counts[3]);
    }

    private String somatic(List<long[]> territory, int[] counts) {
        Random random = new Random(o.seed());
        long total = territory.stream().mapToLong(m -> m[2] - m[1] + 1).sum();
        List<String[]> records = new ArrayList<>();   // {contigIndex, pos, line}
        for (int i = 0; i < o.mutations(); i++) {
            long offset = (long) (random.nextDouble() * total);
            long[] region = territory.get(0);
            for (long[] m : territory) {
                if (offset < m[2] - m[1] + 1) {
                    region = m;
                    break;
                }
                offset -= m[2] - m[1] + 1;
            }
            long pos = region[1] + offset;
            char ref = "ACGT".charAt(random.nextInt(4));
            char alt = "ACGT".charAt((("ACGT".indexOf(ref)) + 1 + random.nextInt(3)) % 4);
            int depth = 60 + random.nextInt(90);
            double vaf = 0.15 + random.nextDouble() * 0.3;
            String filter = "PASS";
            int kind = i % 10;   // every tenth filtered, every tenth low VAF, every tenth low depth
            if (kind == 7) {
                filter = "weak_evidence";
                counts[1]++;
            } else if (kind == 8) {
                vaf = 0.02;
                counts[2]++;
            } else if (kind == 9) {
                depth = 12;
                counts[3]++;
            } else {
                counts[0]++;
            }
            String contig = GenomeBuild.PRIMARY_CONTIGS.get((int) region[0]);
            records.add(new String[] {String.valueOf(region[0]), String.valueOf(pos),
                line(contig, pos, String.valueOf(ref), String.valueOf(alt), filter, depth, vaf)});
        }
        if (o.brafV600e()) {
            Allele snv = kb.biomarker("BRAF_V600E").orElseThrow().alleles().get(o.build()).get(0);
            String contig = snv.chrom().startsWith("chr") ? snv.chrom().substring(3) : snv.chrom();
            int index = GenomeBuild.PRIMARY_CONTIGS.indexOf(contig);
            records.add(new String[] {String.valueOf(index), String.valueOf(snv.pos()),
                line(contig, snv.pos(), snv.ref(), snv.alt(), "PASS", 140, 0.38)});
            if (territory.stream().anyMatch(m -> m[0] == index && m[1] <= snv.pos() && snv.pos() <= m[2])) {
                counts[0]++;   // a coding SNV in the territory counts towards TMB like any other
            }
        }
        records.sort(Comparator.comparingInt((String[] r) -> Integer.parseInt(r[0]))
                .thenComparingLong(r -> Long.parseLong(r[1])));
        StringBuilder b = new StringBuilder(header());
        b.append("##tumor_sample=TUMOR\n##normal_sample=NORMAL\n")
                .append("##FILTER=<ID=weak_evidence,Description=\"Mutation does not meet likelihood threshold\">\n")
                .append("##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n")
                .append("##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"Allelic depths\">\n")
                .append("##FORMAT=<ID=AF,Number=A,Type=Float,Description=\"Allele fractions of alternate alleles "
                        + "in the tumor\">\n")
                .append("##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"Approximate read depth\">\n")
                .append("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tNORMAL\tTUMOR\n");
        records.forEach(r -> b.append(r[2]));
        return b.toString();
    }

    private String line(String contig, long pos, String ref, String alt, String filter, int depth, double vaf) {
        int altReads = (int) Math.round(depth * vaf);
        return chrom(contig) + "\t" + pos + "\t.\t" + ref + "\t" + alt + "\t.\t" + filter + "\t.\tGT:AD:AF:DP\t"
                + "0/0:" + depth + ",0:0.000:" + depth + "\t0/1:" + (depth - altReads) + "," + altReads + ":"
                + String.format(Locale.ROOT, "%.3f", (double) altReads / depth) + ":" + depth + "\n";
    }

    private String structural() {
        StringBuilder b = new StringBuilder(header());
        b.append("##FORMAT=<ID=PR,Number=.,Type=Integer,Description=\"Spanning paired-read support\">\n")
                .append("##FORMAT=<ID=SR,Number=.,Type=Integer,Description=\"Split reads\">\n")
                .append("##INFO=<ID=SVTYPE,Number=1,Type=String,Description=\"Type of structural variant\">\n")
                .append("##INFO=<ID=MATEID,Number=.,Type=String,Description=\"ID of mate breakend\">\n")
                .append("##INFO=<ID=END,Number=1,Type=Integer,Description=\"End position\">\n")
                .append("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tNORMAL\tTUMOR\n");
        if (o.fusion() != null) {
            String[] partners = o.fusion().split("::");
            Gene five = gene(partners[0]);
            Gene three = gene(partners[1]);
            // The 5' gene keeps the side it starts on, the 3' gene the side it ends on.
            boolean fiveKeepsLeft = five.strand() == '+';
            boolean threeKeepsLeft = three.strand() == '-';
            long p5 = five.start() + five.length() / 3;
            long p3 = three.start() + three.length() / 2;
            b.append(bnd(five.contig(), p5, fiveKeepsLeft, three.contig(), p3, threeKeepsLeft, "MantaBND:1:0:1:0:0:0",
                    "0", "1"));
            b.append(bnd(three.contig(), p3, threeKeepsLeft, five.contig(), p5, fiveKeepsLeft, "MantaBND:1:0:1:0:0:0",
                    "1", "0"));
        }
        // A deletion inside one gene: a junction, not a fusion.
        Gene tp53 = gene("TP53");
        b.append(chrom(tp53.contig())).append('\t').append(tp53.start() + 1000).append("\tMantaDEL:2:0:0:0:0:0\tN\t"
                + "<DEL>\t.\tPASS\tSVTYPE=DEL;END=").append(tp53.start() + 2500).append("\tPR:SR\t35,0:30,0\t"
                + "28,9:25,7\n");
        return b.toString();
    }

    private String bnd(String contig, long pos, boolean keepsLeft, String mateContig, long matePos,
                       boolean mateKeepsLeft, String id, String self, String mate) {
        String p = (mateKeepsLeft ? "]" : "[") + chrom(mateContig) + ":" + matePos + (mateKeepsLeft ? "]" : "[");
        String alt = keepsLeft ? "N" + p : p + "N";
        return chrom(contig) + "\t" + pos + "\t" + id + ":" + self + "\tN\t" + alt + "\t.\tPASS\tSVTYPE=BND;MATEID="
                + id + ":" + mate + "\tPR:SR\t40,0:33,0\t31,14:27,11\n";
    }

    private String header() {
        StringBuilder b = new StringBuilder("##fileformat=VCFv4.2\n");
        for (int i = 0; i < 24; i++) {
            String c = GenomeBuild.PRIMARY_CONTIGS.get(i);
            b.append("##contig=<ID=").append(chrom(c)).append(",length=").append(o.build().length(c))
                    .append(">\n");
        }
        return b.toString();
    }

    private String chrom(String contig) {
        return o.chrPrefix() ? "chr" + contig : contig;
    }

    private Gene gene(String name) {
        if (genes.resolve(name) instanceof GeneResolution.Found f) {
            return f.gene();
        }
        throw new IllegalArgumentException("gene " + name + " does not resolve to one gene on " + o.build());
    }

    /** Merged 1-based closed spans as {contigIndex, start, end}, input sorted. */
    private static List<long[]> merge(List<Gene> sorted) {
        List<long[]> out = new ArrayList<>();
        for (Gene g : sorted) {
            long c = GenomeBuild.PRIMARY_CONTIGS.indexOf(g.contig());
            long[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last[0] == c && g.start() <= last[2] + 1) {
                last[2] = Math.max(last[2], g.end());
            } else {
                out.add(new long[] {c, g.start(), g.end()});
            }
        }
        return out;
    }

    private static void write(Path path, String text) throws IOException {
        AtomicOutput.writeString(path, text);   // ASCII only, so UTF-8 is the same bytes
    }
}
