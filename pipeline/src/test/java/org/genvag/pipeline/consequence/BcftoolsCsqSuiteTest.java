// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.consequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.genvag.core.consequence.ConsequenceCaller;
import org.genvag.core.consequence.SoTerm;
import org.genvag.core.consequence.TranscriptEffect;
import org.genvag.core.consequence.VariantEdit;
import org.genvag.core.transcript.TranscriptModels;
import org.genvag.io.fasta.IndexedFasta;
import org.genvag.io.gff.GffReader;
import org.genvag.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * bcftools csq's own test suite (testdata/fixtures/bcftools-csq, MIT; real Ensembl transcripts, their FASTA and GFF3):
 * every expected output of its local mode ({@code .txt-l}, one record at a time, as genvag judges alleles) is read,
 * and for each record and transcript genvag's most severe term must be bcftools' (its names mapped to VEP's), and for
 * a changed amino acid the position and residues must be the same. Where genvag deliberately differs, the case is in
 * {@link #DIFFERENCES} with the reason (also in docs/consequences.md).
 */
class BcftoolsCsqSuiteTest {
    private static final Path SUITE = Fixtures.path("bcftools-csq");

    /** Case (directory/file:POS) -> why genvag's answer differs from bcftools'. */
    static final Map<String, String> DIFFERENCES = Map.ofEntries(
            Map.entry("ENST00000318249/start-lost.txt-l:4959", "the start codon's first base deleted: VEP names "
                    + "both frameshift_variant and start_lost, and ranks frameshift first; bcftools names start_lost; "
                    + "HGVSp p.(Met1?) either way"),
            Map.entry("ENST00000341065/frame3.txt-l:19026", "a deletion in a repeat at an exon's start: bcftools "
                    + "places it 5'-most, over the acceptor's G; genvag where VCF trimming puts it (exonic, as the "
                    + "HGVS 3' rule also does): the acceptor AG is kept"),
            Map.entry("ENST00000341065/splice-acceptor-donor1.txt-l:16255", "a C deleted from a run of five at "
                    + "intronic -9..-5: bcftools places it at -9 (intron); genvag at -8 after trimming (splice region; "
                    + "HGVS c.430-7del after the 3' shift)"),
            Map.entry("ENST00000341065/splice-acceptor-donor5.txt-l:16427", "REF spans the exon's last base but "
                    + "only an intronic G (+9 after trimming) is deleted: genvag judges the trimmed allele (intron), "
                    + "bcftools the REF's span (synonymous, splice region)"),
            Map.entry("ENST00000341065/splice-acceptor-donor7.txt-l:18371", "AA inserted between the acceptor's A "
                    + "and G: genvag judges it where the VCF puts it (splice_acceptor); bcftools sees that the last "
                    + "two intronic bases are still AG (splice_region)"),
            Map.entry("ENST00000423372/insert3.txt-l:2723", "an insertion after the exon's third base: outside the "
                    + "splice region where the VCF puts it; bcftools shifts it into the region"),
            Map.entry("ENST00000573314/incorrect-insertion-overlap.txt-l:32388", "a tandem duplication placed just "
                    + "before the transcript's first base: genvag judges the VCF's placement (upstream); bcftools and "
                    + "the HGVS 3' shift move it into the transcript (frameshift)"));

    @Test
    void localModeCasesAgree() throws IOException {
        List<String> disagreements = new ArrayList<>();
        Set<String> differing = new TreeSet<>();
        int compared = 0;
        int aminoAcidsCompared = 0;
        List<Path> expectations;
        try (Stream<Path> s = Files.walk(SUITE)) {
            // Each .txt-l beside its .vcf (the ascii-art files are another kind of test: bcftools' drawings).
            expectations = s.filter(p -> p.getFileName().toString().endsWith(".txt-l")
                    && Files.exists(p.resolveSibling(p.getFileName().toString().replace(".txt-l", ".vcf"))))
                    .sorted().toList();
        }
        for (Path expected : expectations) {
            Path dir = expected.getParent();
            String name = dir.getFileName().toString();
            Path gff = dir.resolve(name + ".gff");
            Path fa = dir.resolve(name + ".fa");
            TranscriptModels models = GffReader.read(gff);
            try (IndexedFasta fasta = IndexedFasta.open(fa)) {
                ConsequenceCaller caller = new ConsequenceCaller(models, fasta, t -> true);
                String contig = contigOf(fasta, dir.resolve(expected.getFileName().toString()
                        .replace(".txt-l", ".vcf")));
                List<String> lines = Files.readAllLines(expected, StandardCharsets.UTF_8);
                for (int i = 1; i < lines.size(); i += 3) {
                    String[] f = lines.get(i).split("\t");
                    if (f.length < 4 || f[2].contains(",") || f[3].equals(".")) {
                        continue;
                    }
                    String where = dir.getFileName() + "/" + expected.getFileName() + ":" + f[0];
                    VariantEdit edit = VariantEdit.of(contig, Long.parseLong(f[0]), bytes(f[1]), bytes(f[2]));
                    Map<String, TranscriptEffect> ours = new TreeMap<>();
                    for (TranscriptEffect e : caller.effects(edit)) {
                        ours.put(models.transcriptId(e.transcript()), e);
                        // bcftools names no transcript for intron and non_coding: such entries are keyed by gene.
                        ours.merge("gene:" + models.geneName(models.transcriptGene(e.transcript())), e,
                                (x, y) -> x.mostSevere().ordinal() <= y.mostSevere().ordinal() ? x : y);
                    }
                    for (Map.Entry<String, BcftoolsCsq> x : BcftoolsCsq.parse(f[3]).entrySet()) {
                        compared++;
                        TranscriptEffect e = ours.get(x.getKey());
                        String why = DIFFERENCES.get(where);
                        String problem = e == null ? "no effect on " + x.getKey()
                                : compare(x.getValue(), e);
                        if (problem != null) {
                            differing.add(where);
                        }
                        if (problem != null && why == null) {
                            disagreements.add(where + " " + f[1] + ">" + f[2] + " " + x.getKey() + ": " + problem);
                        }
                        if (e != null && x.getValue().aminoAcids() != null) {
                            aminoAcidsCompared++;
                        }
                    }
                }
            }
        }
        assertTrue(compared > 40, "only " + compared + " transcript consequences compared");
        assertTrue(aminoAcidsCompared > 10, "only " + aminoAcidsCompared + " amino-acid changes compared");
        assertEquals(List.of(), disagreements, compared + " compared");
        Set<String> stale = new TreeSet<>(DIFFERENCES.keySet());
        stale.removeAll(differing);
        assertEquals(Set.of(), stale, "listed as differing but agreeing now: remove them from DIFFERENCES");
    }

    /** Null when genvag agrees; else what differs. */
    private static String compare(BcftoolsCsq x, TranscriptEffect e) {
        SoTerm ourWorst = BcftoolsCsq.comparableMostSevere(e);
        SoTerm theirWorst = x.mostSevere();
        if (theirWorst != ourWorst) {
            return "most severe " + ourWorst.term() + " (all: " + SoTerm.join(e.terms()) + "), bcftools "
                    + x.terms() + " " + (x.aminoAcids() == null ? "" : x.aminoAcids()) + " ours " + e.hgvsc() + " "
                    + e.hgvsp();
        }
        if (x.aminoAcids() != null && (ourWorst == SoTerm.MISSENSE_VARIANT || ourWorst == SoTerm.SYNONYMOUS_VARIANT
                || ourWorst == SoTerm.STOP_GAINED && !e.has(SoTerm.FRAMESHIFT_VARIANT))) {
            String ours = BcftoolsCsq.aminoAcids(e);
            if (!ours.equals(x.aminoAcids())) {
                return "amino acids " + ours + ", bcftools " + x.aminoAcids();
            }
        }
        return null;
    }

    /** The VCF's contig (its first record's CHROM), which the FASTA must have. */
    private static String contigOf(IndexedFasta fasta, Path vcf) throws IOException {
        for (String line : Files.readAllLines(vcf, StandardCharsets.UTF_8)) {
            if (!line.startsWith("#")) {
                String contig = line.substring(0, line.indexOf('\t'));
                assertTrue(fasta.length(contig) > 0, vcf + ": contig " + contig + " not in the FASTA");
                return contig;
            }
        }
        throw new AssertionError(vcf + " has no records");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
