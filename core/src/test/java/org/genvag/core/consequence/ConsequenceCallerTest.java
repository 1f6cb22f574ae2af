// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.consequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.genvag.core.transcript.TranscriptModels;
import org.genvag.core.transcript.TranscriptModelsBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * HGVS and SO terms on a two-exon transcript whose every codon is known, checked by hand, and checked again on the
 * mirror image of the same contig with the transcript on the minus strand: every description must come out the same,
 * so intronic offsets, UTR positions and the 3' shift are tested on both strands.
 */
class ConsequenceCallerTest {
    /** Codons: Met Ala Val Lys Leu Arg Gly(split by the intron) Gln Phe Glu Gly Ser Lys Trp Leu Ter. */
    private static final String CDS = "ATGGCCGTGAAACTGCGTGGTCAGTTCGAAGGCAGCAAATGGCTGTAA";
    /** 1-10 upstream, 11-20 5' UTR, 21-40 CDS, 41-60 intron (GT..AG), 61-88 CDS, 89-100 3' UTR, 101-150 after. */
    private static final String GENOME = "TTTTTTTTTT" + "ACGTACGTAC" + CDS.substring(0, 20) + "GTAAGTCCCCCCCCCCTTAG"
            + CDS.substring(20) + "GCGCGCAAAAAA" + "T".repeat(50);
    private static final int N = GENOME.length();

    static List<Arguments> cases() {
        return List.of(
            // pos, REF, ALT, terms, HGVSc, HGVSp
            Arguments.of(28, "T", "A", "missense_variant", "c.8T>A", "p.(Val3Glu)"),
            Arguments.of(35, "G", "A", "synonymous_variant", "c.15G>A", "p.(Leu5=)"),
            Arguments.of(81, "G", "A", "stop_gained", "c.41G>A", "p.(Trp14Ter)"),
            Arguments.of(22, "T", "C", "start_lost", "c.2T>C", "p.(Met1?)"),
            Arguments.of(86, "T", "C", "stop_lost", "c.46T>C", "p.(Ter16Glnext*?)"),
            Arguments.of(50, "C", "T", "splice_polypyrimidine_tract_variant&intron_variant", "c.20+10C>T", ""),
            Arguments.of(51, "C", "T", "splice_polypyrimidine_tract_variant&intron_variant", "c.21-10C>T", ""),
            Arguments.of(41, "G", "A", "splice_donor_variant", "c.20+1G>A", ""),
            Arguments.of(60, "G", "C", "splice_acceptor_variant", "c.21-1G>C", ""),
            Arguments.of(45, "G", "C",
                    "splice_donor_5th_base_variant&splice_region_variant&splice_donor_region_variant"
                            + "&splice_polypyrimidine_tract_variant&intron_variant",
                    "c.20+5G>C", ""),
            Arguments.of(61, "T", "C", "splice_region_variant&synonymous_variant", "c.21T>C", "p.(Gly7=)"),
            Arguments.of(40, "G", "A", "missense_variant&splice_region_variant", "c.20G>A", "p.(Gly7Asp)"),
            Arguments.of(15, "A", "G", "5_prime_UTR_variant", "c.-6A>G", ""),
            Arguments.of(90, "C", "T", "3_prime_UTR_variant", "c.*2C>T", ""),
            Arguments.of(5, "T", "C", "upstream_gene_variant", "", ""),
            Arguments.of(120, "T", "C", "downstream_gene_variant", "", ""),
            // In-frame deletion of Lys13 (AAA), and its duplication.
            Arguments.of(76, "CAAA", "C", "inframe_deletion", "c.37_39del", "p.(Lys13del)"),
            Arguments.of(79, "A", "AAAA", "inframe_insertion", "c.37_39dup", "p.(Lys13dup)"),
            // Deleting one A of AAA (Lys4) anywhere in the run is c.12del: the 3' rule.
            Arguments.of(29, "GA", "G", "frameshift_variant", "c.12del", "p.(Lys4Asnfs*?)"),
            Arguments.of(31, "AA", "A", "frameshift_variant", "c.12del", "p.(Lys4Asnfs*?)"),
            // Insertion of T between c.9 and c.10: GTG|AAA -> GTG T AAA: Lys4 becomes Stop.
            Arguments.of(29, "G", "GT", "stop_gained&frameshift_variant", "c.9_10insT", "p.(Lys4Ter)"),
            // Two bases changed in one codon (Val3: GTG -> GCC = Ala).
            Arguments.of(28, "TG", "CC", "missense_variant", "c.8_9delinsCC", "p.(Val3Ala)"),
            // Insertion of one codon between codons 10 and 11 (GAA|GGC + TGG = Trp).
            Arguments.of(70, "A", "ATGG", "inframe_insertion", "c.30_31insTGG", "p.(Glu10_Gly11insTrp)"));
    }

    @ParameterizedTest(name = "{0} {1}>{2}")
    @MethodSource("cases")
    void plusStrand(int pos, String ref, String alt, String terms, String hgvsc, String hgvsp) {
        assertDescribed(only(caller('+', GENOME), VariantEdit.of("chrT", pos, bytes(ref), bytes(alt))), terms, hgvsc,
                hgvsp);
    }

    /** The same contig reversed and complemented, the transcript on the minus strand: the same descriptions. */
    @ParameterizedTest(name = "{0} {1}>{2}")
    @MethodSource("cases")
    void minusStrandMirror(int pos, String ref, String alt, String terms, String hgvsc, String hgvsp) {
        String mirror = reverseComplement(GENOME);
        VariantEdit plus = VariantEdit.of("chrT", pos, bytes(ref), bytes(alt));
        // The plus strand's edit [start, end] is [N + 1 - end, N + 1 - start] on the mirror, its bases complemented.
        long start = N + 1 - plus.end();
        String insertedOrAlt = reverseComplement(new String(plus.alt(), StandardCharsets.US_ASCII));
        VariantEdit minus;
        if (plus.isInsertion()) {
            // Inserted between plus's start - 1 and start: on the mirror between N + 1 - start and N + 2 - start.
            long anchor = N + 1 - plus.start();
            String a = String.valueOf(mirror.charAt((int) anchor - 1));
            minus = VariantEdit.of("chrT", anchor, bytes(a), bytes(a + insertedOrAlt));
        } else {
            String deleted = reverseComplement(new String(plus.ref(), StandardCharsets.US_ASCII));
            minus = VariantEdit.of("chrT", start, bytes(deleted), bytes(insertedOrAlt.isEmpty()
                    ? "" : insertedOrAlt));
            if (plus.isDeletion()) {
                String a = String.valueOf(mirror.charAt((int) start - 2));
                minus = VariantEdit.of("chrT", start - 1, bytes(a + deleted), bytes(a));
            }
        }
        assertDescribed(only(caller('-', mirror), minus), terms, hgvsc, hgvsp);
    }

    @ParameterizedTest(name = "{0} {1}>{2}")
    @MethodSource("cases")
    void codingFieldsAgreeWithHgvs(int pos, String ref, String alt, String terms, String hgvsc, String hgvsp) {
        TranscriptEffect e = only(caller('+', GENOME), VariantEdit.of("chrT", pos, bytes(ref), bytes(alt)));
        if (hgvsp.startsWith("p.(") && !hgvsp.contains("?") && !hgvsp.contains("=")) {
            // The protein position VEP's field gives is where the p. description's first residue is.
            String digits = hgvsp.replaceAll("^p\\.\\([A-Za-z]{3}(\\d+).*$", "$1");
            assertTrue(e.proteinPosition().startsWith(digits) || e.proteinPosition().contains("-"),
                    e.proteinPosition() + " vs " + hgvsp);
        }
    }

    @Test
    void farFromEveryTranscriptIsIntergenic() {
        String genome = GENOME + "T".repeat(6000);
        ConsequenceCaller c = caller('+', genome);
        assertTrue(c.effects(VariantEdit.of("chrT", genome.length() - 10, bytes("T"), bytes("C"))).isEmpty());
    }

    @Test
    void vcfPaddingIsTakenOff() {
        VariantEdit e = VariantEdit.of("chrT", 100, bytes("CAT"), bytes("CT"));
        assertEquals(101, e.start());
        assertEquals(101, e.end());
        assertEquals("A", new String(e.ref(), StandardCharsets.US_ASCII));
        assertEquals(0, e.alt().length);
    }

    private static void assertDescribed(TranscriptEffect e, String terms, String hgvsc, String hgvsp) {
        assertEquals(terms, SoTerm.join(e.terms()), "terms");
        assertEquals(hgvsc, e.hgvsc(), "HGVSc");
        assertEquals(hgvsp, e.hgvsp(), "HGVSp");
    }

    private static TranscriptEffect only(ConsequenceCaller c, VariantEdit edit) {
        List<TranscriptEffect> effects = c.effects(edit);
        assertEquals(1, effects.size(), edit.toString());
        return effects.get(0);
    }

    /** The transcript on {@code strand}: on the minus strand, on the mirror image of the plus strand's contig. */
    private static ConsequenceCaller caller(char strand, String genome) {
        TranscriptModelsBuilder b = new TranscriptModelsBuilder("test");
        int[][] exons = {{11, 40}, {61, 100}};
        int[][] cds = {{21, 40}, {61, 88}};
        int n = genome.length();
        b.gene("G1", "GENE1", "chrT", strand, flip(strand, n, 11, 100)[0], flip(strand, n, 11, 100)[1], 1);
        int[] span = flip(strand, n, 11, 100);
        b.transcript("T1", "G1", "protein_coding", 0, "chrT", strand, span[0], span[1], 2);
        for (int[] x : exons) {
            int[] f = flip(strand, n, x[0], x[1]);
            b.exon("T1", "chrT", strand, f[0], f[1], 3);
        }
        int phase = 0;
        for (int[] x : cds) {
            int[] f = flip(strand, n, x[0], x[1]);
            b.cds("T1", "chrT", strand, f[0], f[1], phase, 4);
            phase = (3 - ((x[1] - x[0] + 1 - phase) % 3)) % 3;
        }
        TranscriptModels m = b.build();
        return new ConsequenceCaller(m, reference(genome), t -> true);
    }

    private static int[] flip(char strand, int n, int start, int end) {
        return strand == '+' ? new int[] {start, end} : new int[] {n + 1 - end, n + 1 - start};
    }

    private static ReferenceSequence reference(String genome) {
        byte[] g = bytes(genome);
        return new ReferenceSequence() {
            @Override
            public long length(String contig) {
                return g.length;
            }

            @Override
            public byte[] bases(String contig, long start, long end) {
                return Arrays.copyOfRange(g, (int) Math.max(0, start - 1), (int) Math.min(g.length, end));
            }
        };
    }

    private static String reverseComplement(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = s.length() - 1; i >= 0; i--) {
            out.append((char) TranscriptLayout.complement((byte) s.charAt(i)));
        }
        return out.toString();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
