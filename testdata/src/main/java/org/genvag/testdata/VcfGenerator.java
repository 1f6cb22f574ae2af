// SPDX-License-Identifier: Apache-2.0
package org.genvag.testdata;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

import org.genvag.io.output.AtomicOutput;
import org.genvag.io.bgzf.BgzfOutputStream;

/**
 * Writes a WGS-like, coordinate-sorted VCF 4.2 modelled on GATK HaplotypeCaller joint-called output: the same
 * header lines, INFO annotations (AC, AF, AN, BaseQRankSum, DP, ExcessHet, FS, MLEAC, MLEAF, MQ, MQRankSum, QD,
 * ReadPosRankSum, SOR) and FORMAT fields (GT:AD:DP:GQ:PL), and the human germline mix of about 83% SNVs, 7%
 * deletions, 7% insertions and 3% multi-allelic sites. REF alleles are the {@link SyntheticGenome}'s bases.
 * Records are spread over contigs by length with exponential gaps; everything follows from the seed.
 */
public final class VcfGenerator {
    private static final char[] BASES = {'A', 'C', 'G', 'T'};

    private final SyntheticGenome genome;
    private final List<Contig> contigs;
    private final int samples;
    private final long seed;

    public VcfGenerator(SyntheticGenome genome, List<Contig> contigs, int samples, long seed) {
        if (samples < 0) {
            throw new IllegalArgumentException("sample count must be >= 0");
        }
        this.genome = genome;
        this.contigs = List.copyOf(contigs);
        this.samples = samples;
        this.seed = seed;
    }

    /** Writes {@code records} records to {@code path}; BGZF-compressed when the name ends in ".gz". */
    public long write(long records, Path path) throws IOException {
        try (AtomicOutput out = new AtomicOutput(path)) {
            boolean gz = path.getFileName().toString().endsWith(".gz");
            OutputStream os = gz ? new BgzfOutputStream(out.stream()) : out.stream();
            long written = write(records, os);
            os.flush();
            if (gz) {
                os.close();
            }
            out.commit();
            return written;
        }
    }

    public long write(long records, OutputStream os) throws IOException {
        AsciiBuilder b = new AsciiBuilder();
        header(b);
        b.writeTo(os);
        long total = 0;
        for (Contig c : contigs) {
            total += c.length();
        }
        byte[] ref = new byte[16];
        long written = 0;
        long index = 0;
        for (int ci = 0; ci < contigs.size() && written < records; ci++) {
            Contig contig = contigs.get(ci);
            long quota = ci == contigs.size() - 1 ? records - written
                    : Math.round((double) records * contig.length() / total);
            double meanGap = Math.max(2.0, (double) contig.length() / Math.max(1, quota));
            long pos = 0;
            for (long k = 0; k < quota && written < records; k++) {
                long h = SplitMix.mix(seed, ci, index++);
                // Exponential gaps: a Poisson process of variant sites, as in a real genome at first approximation.
                double u = ((h >>> 11) + 1) * 0x1.0p-53;
                pos += 1 + (long) (-Math.log(u) * (meanGap - 1));
                if (pos + 16 >= contig.length()) {
                    break;
                }
                record(b, contig.name(), ci, pos, h, ref);
                written++;
                if (b.length() > (1 << 20)) {
                    b.writeTo(os);
                }
            }
        }
        b.writeTo(os);
        return written;
    }

    private void header(AsciiBuilder b) {
        b.append("##fileformat=VCFv4.2\n");
        b.append("##FILTER=<ID=PASS,Description=\"All filters passed\">\n");
        b.append("##FILTER=<ID=LowQual,Description=\"Low quality\">\n");
        b.append("##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"Allelic depths for the ref and alt alleles in the order listed\">\n");
        b.append("##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"Approximate read depth (reads with MQ=255 or with bad mates are filtered)\">\n");
        b.append("##FORMAT=<ID=GQ,Number=1,Type=Integer,Description=\"Genotype Quality\">\n");
        b.append("##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n");
        b.append("##FORMAT=<ID=PL,Number=G,Type=Integer,Description=\"Normalized, Phred-scaled likelihoods for genotypes as defined in the VCF specification\">\n");
        b.append("##GATKCommandLine=<ID=HaplotypeCaller,CommandLine=\"synthetic: genvag generate vcf\",Version=\"4.2.6.1\">\n");
        b.append("##INFO=<ID=AC,Number=A,Type=Integer,Description=\"Allele count in genotypes, for each ALT allele, in the same order as listed\">\n");
        b.append("##INFO=<ID=AF,Number=A,Type=Float,Description=\"Allele Frequency, for each ALT allele, in the same order as listed\">\n");
        b.append("##INFO=<ID=AN,Number=1,Type=Integer,Description=\"Total number of alleles in called genotypes\">\n");
        b.append("##INFO=<ID=BaseQRankSum,Number=1,Type=Float,Description=\"Z-score from Wilcoxon rank sum test of Alt Vs. Ref base qualities\">\n");
        b.append("##INFO=<ID=DP,Number=1,Type=Integer,Description=\"Approximate read depth; some reads may have been filtered\">\n");
        b.append("##INFO=<ID=ExcessHet,Number=1,Type=Float,Description=\"Phred-scaled p-value for exact test of excess heterozygosity\">\n");
        b.append("##INFO=<ID=FS,Number=1,Type=Float,Description=\"Phred-scaled p-value using Fisher's exact test to detect strand bias\">\n");
        b.append("##INFO=<ID=MLEAC,Number=A,Type=Integer,Description=\"Maximum likelihood expectation (MLE) for the allele counts (not necessarily the same as the AC), for each ALT allele, in the same order as listed\">\n");
        b.append("##INFO=<ID=MLEAF,Number=A,Type=Float,Description=\"Maximum likelihood expectation (MLE) for the allele frequency (not necessarily the same as the AF), for each ALT allele, in the same order as listed\">\n");
        b.append("##INFO=<ID=MQ,Number=1,Type=Float,Description=\"RMS Mapping Quality\">\n");
        b.append("##INFO=<ID=MQRankSum,Number=1,Type=Float,Description=\"Z-score From Wilcoxon rank sum test of Alt vs. Ref read mapping qualities\">\n");
        b.append("##INFO=<ID=QD,Number=1,Type=Float,Description=\"Variant Confidence/Quality by Depth\">\n");
        b.append("##INFO=<ID=ReadPosRankSum,Number=1,Type=Float,Description=\"Z-score from Wilcoxon rank sum test of Alt vs. Ref read position bias\">\n");
        b.append("##INFO=<ID=SOR,Number=1,Type=Float,Description=\"Symmetric Odds Ratio of 2x2 contingency table to detect strand bias\">\n");
        for (Contig c : contigs) {
            b.append("##contig=<ID=").append(c.name()).append(",length=").append(c.length()).append(">\n");
        }
        b.append("##source=HaplotypeCaller\n");
        b.append("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO");
        if (samples > 0) {
            b.append("\tFORMAT");
            for (int s = 1; s <= samples; s++) {
                b.append("\tSAMPLE").append(s);
            }
        }
        b.append('\n');
    }

    private void record(AsciiBuilder b, String chrom, int contigIndex, long pos0, long h, byte[] ref) {
        long h2 = SplitMix.mix(h);
        int kind = (int) Long.remainderUnsigned(h2, 100);
        int altCount = kind >= 97 ? 2 : 1;
        int refLen = 1;
        if (kind >= 83 && kind < 90) {
            refLen = 2 + (int) ((h2 >>> 8) & 7);   // deletion of 1-8 bases
        }
        genome.bases(contigIndex, pos0, ref, 0, refLen);
        b.append(chrom).append('\t').append(pos0 + 1).append('\t');
        if (((h2 >>> 16) & 0xff) < 100) {
            b.append("rs").append(1_000 + Long.remainderUnsigned(h2 >>> 20, 900_000_000L));
        } else {
            b.append('.');
        }
        b.append('\t').append(ref, 0, refLen).append('\t');
        for (int a = 0; a < altCount; a++) {
            if (a > 0) {
                b.append(',');
            }
            long ha = SplitMix.mix(h2 + a);
            if (kind >= 83 && kind < 90 && a == 0) {
                b.append((char) ref[0]);
            } else if (kind >= 90 && kind < 97 && a == 0) {
                b.append((char) ref[0]);
                int ins = 1 + (int) (ha & 7);
                for (int i = 0; i < ins; i++) {
                    b.append(BASES[(int) (ha >>> (8 + 2 * i)) & 3]);
                }
            } else {
                // An SNV allele different from REF and from the other ALT.
                int r = baseIndex(ref[0]);
                b.append(BASES[(r + 1 + a + (int) (ha & 1) * (altCount == 1 ? 1 : 0)) & 3]);
            }
        }
        long qualTimes100 = 3_000 + Long.remainderUnsigned(h2 >>> 24, 200_000);
        b.append('\t').appendFixed(qualTimes100, 2).append('\t');
        b.append(((h2 >>> 40) & 0xff) < 8 ? "LowQual" : "PASS").append('\t');
        info(b, h2, altCount, qualTimes100);
        if (samples > 0) {
            formatAndSamples(b, h2, altCount);
        }
        b.append('\n');
    }

    private void info(AsciiBuilder b, long h, int altCount, long qualTimes100) {
        boolean homAlt = (h & 0x3) == 0;
        int an = 2 * Math.max(1, samples);
        int ac = homAlt ? Math.min(an, 2) : 1;
        int dp = 20 + (int) ((h >>> 5) % 25) * Math.max(1, samples);
        b.append("AC=");
        for (int a = 0; a < altCount; a++) {
            b.append(a > 0 ? "," : "").append(a == 0 ? ac : 1);
        }
        b.append(";AF=");
        for (int a = 0; a < altCount; a++) {
            b.append(a > 0 ? "," : "").appendFixed((a == 0 ? ac : 1) * 1000L / an, 3);
        }
        b.append(";AN=").append(an);
        if (!homAlt) {
            b.append(";BaseQRankSum=").appendFixed(((h >>> 13) % 4000) - 2000, 3);
        }
        b.append(";DP=").append(dp);
        b.append(";ExcessHet=3.0103;FS=").appendFixed((h >>> 17) % 12000, 3);
        b.append(";MLEAC=");
        for (int a = 0; a < altCount; a++) {
            b.append(a > 0 ? "," : "").append(a == 0 ? ac : 1);
        }
        b.append(";MLEAF=");
        for (int a = 0; a < altCount; a++) {
            b.append(a > 0 ? "," : "").appendFixed((a == 0 ? ac : 1) * 1000L / an, 3);
        }
        b.append(";MQ=").appendFixed(5_500 + (h >>> 21) % 500, 2);
        if (!homAlt) {
            b.append(";MQRankSum=").appendFixed(((h >>> 29) % 2000) - 1000, 3);
        }
        b.append(";QD=").appendFixed(qualTimes100 / dp, 2);
        if (!homAlt) {
            b.append(";ReadPosRankSum=").appendFixed(((h >>> 33) % 3000) - 1500, 3);
        }
        b.append(";SOR=").appendFixed(100 + (h >>> 37) % 3000, 3);
    }

    private void formatAndSamples(AsciiBuilder b, long h, int altCount) {
        b.append("\tGT:AD:DP:GQ:PL");
        int genotypes = (altCount + 1) * (altCount + 2) / 2;
        for (int s = 0; s < samples; s++) {
            long hs = SplitMix.mix(h ^ (s * 0x9E3779B97F4A7C15L));
            int call = (int) (hs & 7);    // 0-1: hom ref, 2-5: het, 6-7: hom alt, as in a cohort
            int dp = 15 + (int) ((hs >>> 4) % 30);
            int altReads = call < 2 ? (int) ((hs >>> 10) & 1) : call < 6 ? dp / 2 - 2 + (int) ((hs >>> 10) & 3) : dp;
            b.append('\t').append(call < 2 ? "0/0" : call < 6 ? "0/1" : "1/1");
            b.append(':').append(dp - altReads).append(',').append(altReads);
            for (int a = 1; a < altCount; a++) {
                b.append(",0");
            }
            int gq = 20 + (int) ((hs >>> 16) % 80);
            b.append(':').append(dp).append(':').append(gq).append(':');
            for (int g = 0; g < genotypes; g++) {
                int called = call < 2 ? 0 : call < 6 ? 1 : 2;
                b.append(g > 0 ? "," : "").append(g == called ? 0 : gq + 30L * Math.abs(g - called) + ((hs >>> (20 + g)) & 31));
            }
        }
    }

    private static int baseIndex(byte b) {
        switch (b) {
            case 'A': return 0;
            case 'C': return 1;
            case 'G': return 2;
            default: return 3;
        }
    }
}
