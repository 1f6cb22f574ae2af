// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.consequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.genvag.core.consequence.ConsequenceCaller;
import org.genvag.core.consequence.SoTerm;
import org.genvag.core.consequence.TranscriptEffect;
import org.genvag.core.consequence.VariantEdit;
import org.genvag.core.transcript.TranscriptModels;
import org.genvag.io.fasta.IndexedFasta;
import org.genvag.io.gff.GffReader;
import org.genvag.testdata.CodingGenomeGenerator;
import org.genvag.testsupport.PeerTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * genvag's consequences against Debian's bcftools csq in local mode ({@code -l}, one record at a time) on generated
 * genes that read as real ones (ATG, sense codons, a stop, GT..AG introns, both strands, non-coding genes too) and
 * variants placed in exons, at their edges, in introns and near genes: every coding SNV's amino-acid change must be
 * bcftools', and the most severe term (bcftools' names mapped to VEP's) must agree for at least 99% of the
 * transcript-variant pairs; the rest are printed with both answers.
 */
class CsqDifferentialTest {
    @TempDir
    Path tmp;

    @Test
    void agreesWithBcftoolsCsqLocalMode() throws IOException {
        PeerTool bcftools = PeerTool.require("bcftools");
        CodingGenomeGenerator.Output in = CodingGenomeGenerator.write(tmp, "chrS", 120, 20261129L);
        Path out = tmp.resolve("bcftools.vcf");
        bcftools.run("csq", "-l", "-f", in.fasta().toString(), "-g", in.gff().toString(), "-o", out.toString(),
                in.vcf().toString());
        String table = bcftools.runText("query", "-f", "%POS\\t%REF\\t%ALT\\t%BCSQ\\n", out.toString());
        TranscriptModels models = GffReader.read(in.gff());
        int pairs = 0;
        int agree = 0;
        int snvAminoAcids = 0;
        List<String> aminoAcidDifferences = new ArrayList<>();
        List<String> termDifferences = new ArrayList<>();
        Map<String, Integer> explainedDifferences = new TreeMap<>();
        try (IndexedFasta fasta = IndexedFasta.open(in.fasta())) {
            ConsequenceCaller caller = new ConsequenceCaller(models, fasta, t -> true);
            for (String line : table.split("\n")) {
                String[] f = line.split("\t");
                VariantEdit edit = VariantEdit.of("chrS", Long.parseLong(f[0]), bytes(f[1]), bytes(f[2]));
                Map<String, TranscriptEffect> ours = new TreeMap<>();
                for (TranscriptEffect e : caller.effects(edit)) {
                    ours.put(models.transcriptId(e.transcript()), e);
                    ours.put("gene:" + models.geneName(models.transcriptGene(e.transcript())), e);
                }
                if (f[3].equals(".")) {
                    continue;   // bcftools: intergenic or beyond its reach (it reports no up/downstream)
                }
                for (Map.Entry<String, BcftoolsCsq> x : BcftoolsCsq.parse(f[3]).entrySet()) {
                    TranscriptEffect e = ours.get(x.getKey());
                    pairs++;
                    SoTerm theirs = x.getValue().mostSevere();
                    SoTerm mine = e == null ? null : BcftoolsCsq.comparableMostSevere(e);
                    String why = e == null ? null : explained(edit, models, e, x.getValue());
                    if (mine == theirs) {
                        agree++;
                    } else if (why != null) {
                        explainedDifferences.merge(why, 1, Integer::sum);
                    } else {
                        termDifferences.add(line + "  genvag: " + (e == null ? "none" : SoTerm.join(e.terms()) + " "
                                + e.hgvsc() + " " + e.hgvsp()));
                    }
                    boolean snv = f[1].length() == 1 && f[2].length() == 1;
                    if (snv && e != null && x.getValue().aminoAcids() != null && EnumSet.of(SoTerm.MISSENSE_VARIANT,
                            SoTerm.SYNONYMOUS_VARIANT, SoTerm.STOP_GAINED, SoTerm.STOP_LOST).contains(theirs)) {
                        snvAminoAcids++;
                        String mineAa = BcftoolsCsq.aminoAcids(e);
                        if (!mineAa.equals(x.getValue().aminoAcids())) {
                            aminoAcidDifferences.add(line + "  genvag: " + mineAa + " " + e.hgvsp());
                        }
                    }
                }
            }
        }
        System.out.printf("csq differential: %d variants, %d transcript-variant pairs, most severe term equal in %d "
                        + "(%.2f%%); %d coding SNV amino-acid changes compared, %d differ%n", in.variants(), pairs,
                agree, 100.0 * agree / pairs, snvAminoAcids, aminoAcidDifferences.size());
        explainedDifferences.forEach((why, n) -> System.out.println("  deliberate, " + n + ": " + why));
        termDifferences.forEach(d -> System.out.println("  other: " + d));
        assertTrue(pairs > 2000, pairs + " pairs");
        assertTrue(snvAminoAcids > 500, snvAminoAcids + " SNV amino-acid changes");
        assertEquals(List.of(), aminoAcidDifferences);
        assertTrue(agree >= 0.98 * pairs, agree + " of " + pairs + " agree");
        assertTrue(termDifferences.size() <= 0.005 * pairs, termDifferences.size() + " of " + pairs
                + " differ for no stated reason: " + termDifferences);
    }

    /**
     * Why genvag's most severe term deliberately differs from bcftools' (docs/consequences.md), or null. The
     * deliberate differences follow VEP where bcftools names a change otherwise.
     */
    static String explained(VariantEdit edit, TranscriptModels m, TranscriptEffect e, BcftoolsCsq theirs) {
        SoTerm worst = theirs.mostSevere();
        if (worst == SoTerm.FRAMESHIFT_VARIANT && e.has(SoTerm.FRAMESHIFT_VARIANT) && e.has(SoTerm.STOP_GAINED)) {
            return "a frameshift whose first changed residue is a stop: genvag adds stop_gained, as HGVS writes it "
                    + "p.(XxxNTer); bcftools -l names frameshift";
        }
        if ((e.has(SoTerm.SPLICE_DONOR_VARIANT) || e.has(SoTerm.SPLICE_ACCEPTOR_VARIANT))
                && e.has(SoTerm.CODING_SEQUENCE_VARIANT)) {
            return "a deletion across an exon's edge and its splice site: VEP's splice_*_variant & "
                    + "coding_sequence_variant (no protein is predicted through a broken splice site); bcftools "
                    + "predicts one";
        }
        if (e.has(SoTerm.START_LOST) && theirs.terms().contains(SoTerm.CODING_SEQUENCE_VARIANT)) {
            return "bases of the start codon deleted: start_lost, as VEP; bcftools -l names coding_sequence";
        }
        int t = e.transcript();
        if (edit.isInsertion() && exonic(m, t, edit.start() - 1) != exonic(m, t, edit.start())
                && edit.start() - 1 >= m.transcriptStart(t) && edit.start() <= m.transcriptEnd(t)) {
            return "an insertion at an exon's edge: genvag lets the inserted bases join the exon (the splice site's "
                    + "own bases are kept); bcftools calls the donor or acceptor changed when the motif read across "
                    + "the junction changes";
        }
        return null;
    }

    private static boolean exonic(TranscriptModels m, int t, long pos) {
        for (int i = 0; i < m.exonCount(t); i++) {
            if (pos >= m.exonStart(t, i) && pos <= m.exonEnd(t, i)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
