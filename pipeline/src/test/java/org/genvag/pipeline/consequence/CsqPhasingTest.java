// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.consequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.genvag.core.consequence.ConsequenceCaller;
import org.genvag.core.consequence.TranscriptEffect;
import org.genvag.core.consequence.VariantEdit;
import org.genvag.core.transcript.TranscriptModels;
import org.genvag.io.fasta.IndexedFasta;
import org.genvag.io.gff.GffReader;
import org.genvag.testdata.CodingGenomeGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two substitutions in one codon: in cis on a phased haplotype they are one change (each record's CSQ gives the
 * protein change of the two-base substitution); in trans, unphased, or in different phase sets each is judged alone.
 * Mutect2's physical phasing (GT unphased, PGT and PID) counts as phasing: one PID joins, two PIDs do not.
 */
class CsqPhasingTest {
    @TempDir
    Path dir;

    @Test
    void substitutionsInOneCodonOnOneHaplotypeAreJudgedTogether() throws IOException {
        CodingGenomeGenerator.Output g = CodingGenomeGenerator.write(dir, "chrS", 24, 11L);
        TranscriptModels models = GffReader.read(g.gff());
        List<long[]> codons = codonStarts(models, 6);
        try (IndexedFasta fasta = IndexedFasta.open(g.fasta())) {
            ConsequenceCaller caller = new ConsequenceCaller(models, fasta, t -> true);
            String[] genotypes = {"0|1", "0|1", "0|1", "1|0", "0/1", "0/1", "0|1:5", "0|1:9",
                "0/1:0|1:100_A_C", "0/1:0|1:100_A_C", "0/1:0|1:100_A_C", "0/1:0|1:200_G_T"};
            StringBuilder vcf = new StringBuilder("##fileformat=VCFv4.2\n##contig=<ID=chrS>\n"
                    + "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n"
                    + "##FORMAT=<ID=PS,Number=1,Type=Integer,Description=\"Phase set\">\n"
                    + "##FORMAT=<ID=PGT,Number=1,Type=String,Description=\"Physical phasing haplotype\">\n"
                    + "##FORMAT=<ID=PID,Number=1,Type=String,Description=\"Physical phasing ID\">\n"
                    + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\n");
            List<String[]> pairs = new ArrayList<>();
            for (int k = 0; k < 6; k++) {
                long p = codons.get(k)[0];
                byte[] refs = fasta.bases("chrS", p, p + 1);
                String a1 = other(refs[0]);
                String a2 = other(refs[1]);
                String format = k == 3 ? "GT:PS" : k >= 4 ? "GT:PGT:PID" : "GT";
                vcf.append("chrS\t").append(p).append("\t.\t").append((char) refs[0]).append('\t').append(a1)
                        .append("\t.\t.\t.\t").append(format).append('\t').append(genotypes[2 * k]).append('\n');
                vcf.append("chrS\t").append(p + 1).append("\t.\t").append((char) refs[1]).append('\t').append(a2)
                        .append("\t.\t.\t.\t").append(format).append('\t').append(genotypes[2 * k + 1]).append('\n');
                pairs.add(new String[] {String.valueOf(p), "" + (char) refs[0] + (char) refs[1], a1 + a2,
                    String.valueOf(codons.get(k)[1])});
            }
            Path in = Files.writeString(dir.resolve("phased.vcf"), vcf);
            Path out = dir.resolve("out.vcf");
            CsqJob.run(new CsqJob.Request(in.toString(), out.toString(), null, g.gff(), g.fasta(), TranscriptSet.ALL,
                    false, 2), new PrintWriter(Writer.nullWriter()));
            List<String> records = Files.readAllLines(out).stream().filter(l -> !l.startsWith("#")).toList();
            assertEquals(12, records.size());
            for (int k = 0; k < 6; k++) {
                String[] pair = pairs.get(k);
                long p = Long.parseLong(pair[0]);
                String tx = models.transcriptId(Integer.parseInt(pair[3]));
                String joint = hgvsp(caller.effects(VariantEdit.of("chrS", p, bytes(pair[1]), bytes(pair[2]))),
                        models, tx);
                String first = hgvsp(caller.effects(VariantEdit.of("chrS", p, bytes(pair[1].substring(0, 1)),
                        bytes(pair[2].substring(0, 1)))), models, tx);
                String second = hgvsp(caller.effects(VariantEdit.of("chrS", p + 1, bytes(pair[1].substring(1)),
                        bytes(pair[2].substring(1)))), models, tx);
                assertNotEquals("", joint, "the codon's change has a protein description");
                String got1 = csqHgvsp(records.get(2 * k), tx);
                String got2 = csqHgvsp(records.get(2 * k + 1), tx);
                if (k == 0 || k == 4) {
                    assertTrue(!joint.equals(first) || !joint.equals(second), "the joint change is another change");
                    assertEquals(joint, got1, "case " + k + ", cis: the first record takes the codon's joint change");
                    assertEquals(joint, got2, "case " + k + ", cis: the second record too");
                } else {
                    assertEquals(first, got1, "case " + k + ": judged alone");
                    assertEquals(second, got2, "case " + k + ": judged alone");
                }
            }
        }
    }

    /** The first {@code n} whole codons (genome position of their first two bases in genome order, transcript). */
    private static List<long[]> codonStarts(TranscriptModels m, int n) {
        List<long[]> out = new ArrayList<>();
        for (int t = 0; t < m.transcriptCount() && out.size() < n; t++) {
            if (m.cdsCount(t) == 0 || m.geneStrand(m.transcriptGene(t)) != '+') {
                continue;
            }
            int s = m.cdsStart(t, 0);
            int e = m.cdsEnd(t, 0);
            if (m.cdsPhase(t, 0) == 0 && e - s > 12) {
                out.add(new long[] {s + 6, t});   // codon 3: both changed bases in one codon, not the start
            }
        }
        assertTrue(out.size() == n, "found " + out.size() + " plus-strand transcripts");
        return out;
    }

    private static String hgvsp(List<TranscriptEffect> effects, TranscriptModels m, String tx) {
        for (TranscriptEffect e : effects) {
            if (m.transcriptId(e.transcript()).equals(tx)) {
                return e.hgvsp();
            }
        }
        return "";
    }

    /** The HGVSp field of the record's CSQ entry on {@code tx}, without the transcript prefix. */
    private static String csqHgvsp(String record, String tx) {
        String info = record.split("\t")[7];
        String csq = info.substring(info.indexOf("CSQ=") + 4);
        for (String entry : csq.split(",")) {
            String[] f = entry.split("\\|", -1);
            if (f[6].equals(tx)) {
                return f[11].isEmpty() ? "" : f[11].substring(f[11].indexOf(':') + 1);
            }
        }
        return "";
    }

    private static String other(byte b) {
        return b == 'A' ? "C" : b == 'C' ? "G" : b == 'G' ? "T" : "A";
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
