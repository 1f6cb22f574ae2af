// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.genome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.genvag.core.error.InputException;
import org.junit.jupiter.api.Test;

class GeneResolverTest {
    private static final Gene A = new Gene("1", 100, 200, '+', "ALPHA", "ENSG00000000001", List.of("11"), List.of("BETA", "OLD1"));
    private static final Gene B = new Gene("2", 100, 200, '-', "BETA", "ENSG00000000002", List.of("22"), List.of("OLD1"));
    private static final Gene C = new Gene("X", 5, 50, '+', "PAR1", "ENSG00000000003", List.of("33"), List.of());
    private static final Gene C_Y = new Gene("Y", 5, 50, '+', "PAR1", "ENSG00000000004", List.of("33"), List.of());
    private final GeneResolver resolver = new GeneResolver(GenomeBuild.GRCH38, List.of(A, B, C, C_Y));

    @Test
    void symbolBeatsAnotherGenesAlias() {
        var r = assertInstanceOf(GeneResolution.Found.class, resolver.resolve("beta"));
        assertEquals(B, r.gene());
        assertEquals(GeneResolution.MatchedBy.SYMBOL, r.matchedBy());
    }

    @Test
    void aliasOfTwoGenesIsAmbiguous() {
        var r = assertInstanceOf(GeneResolution.Ambiguous.class, resolver.resolve("OLD1"));
        assertEquals(List.of(A, B), r.candidates());
    }

    @Test
    void symbolOnTwoLociIsAmbiguousAndSoIsItsSharedEntrezId() {
        assertEquals(List.of(C, C_Y), assertInstanceOf(GeneResolution.Ambiguous.class, resolver.resolve("PAR1")).candidates());
        assertInstanceOf(GeneResolution.Ambiguous.class, resolver.resolve("33"));
    }

    @Test
    void identifiersAreNeverMatchedAsNames() {
        assertEquals(A, assertInstanceOf(GeneResolution.Found.class, resolver.resolve(" 11 ")).gene());
        assertInstanceOf(GeneResolution.Unknown.class, resolver.resolve("ENSG00000000009"));
    }

    /** Two overlapping Ensembl models of one Entrez gene (GGT1's case) are one gene, not an ambiguity. */
    @Test
    void overlappingModelsOfOneEntrezGeneMerge() {
        Gene canonical = new Gene("22", 24_594_811, 24_629_005, '+', "GGT1", "ENSG00000100031", List.of("2678"), List.of("GGT"));
        Gene newer = new Gene("22", 24_556_007, 24_629_005, '+', "GGT1", "ENSG00000286070", List.of("2678"), List.of());
        Gene elsewhere = new Gene("22", 30_000_000, 30_100_000, '+', "GGT1", "ENSG00000999999", List.of("2678"), List.of());
        GeneResolver r = new GeneResolver(GenomeBuild.GRCH38, List.of(newer, canonical));
        Gene merged = assertInstanceOf(GeneResolution.Found.class, r.resolve("GGT1")).gene();
        assertEquals("ENSG00000100031", merged.ensemblId());
        assertEquals(24_556_007, merged.start());
        assertEquals(24_629_005, merged.end());
        assertEquals(merged, assertInstanceOf(GeneResolution.Found.class, r.resolve("ENSG00000286070")).gene());
        assertEquals(merged, assertInstanceOf(GeneResolution.Found.class, r.resolve("GGT")).gene());
        assertEquals(1, r.genes().size());
        // A model that does not overlap is another locus: that stays ambiguous.
        GeneResolver apart = new GeneResolver(GenomeBuild.GRCH38, List.of(canonical, elsewhere));
        assertEquals(2, assertInstanceOf(GeneResolution.Ambiguous.class, apart.resolve("GGT1")).candidates().size());
    }

    @Test
    void buildNamesAndAliasesParse() {
        assertEquals(GenomeBuild.GRCH37, GenomeBuild.parse("hg19"));
        assertEquals(GenomeBuild.GRCH38, GenomeBuild.parse(" GRCh38 "));
        assertEquals(GenomeBuild.GRCH38, GenomeBuild.fromChr1Length(248_956_422L).orElseThrow());
        var e = assertThrows(InputException.class, () -> GenomeBuild.parse("hg18"));
        assertEquals("unknown genome build 'hg18': expected GRCh37 (hg19, b37) or GRCh38 (hg38)", e.getMessage());
    }

    /** A read-through or patch model BioMart labels with the symbol, without an Entrez link: the linked one wins. */
    @Test
    void theModelLinkedToTheEntrezGeneBeatsAnUnlinkedOne() {
        Gene gene = new Gene("9", 1000, 2000, '+', "GAL", "ENSG00000000010", List.of("77"), List.of());
        Gene readThrough = new Gene("9", 1500, 2600, '+', "GAL", "ENSG00000000011", List.of(), List.of());
        var r = assertInstanceOf(GeneResolution.Found.class,
                new GeneResolver(GenomeBuild.GRCH37, List.of(gene, readThrough)).resolve("gal"));
        assertEquals(gene, r.gene());
        assertEquals("entrez-link over ENSG00000000011 9:1500-2600", r.choice());
    }

    /** Two models linked to one Entrez gene on different loci: the independent annotation places the gene. */
    @Test
    void theIndependentAnnotationSettlesTwoLinkedModels() {
        Gene gene = new Gene("1", 1000, 2000, '-', "AKX", "ENSG00000000020", List.of("88"), List.of());
        Gene copy = new Gene("1", 900000, 901000, '-', "AKX", "ENSG00000000021", List.of("88"), List.of());
        GeneSpans refSeq = new GeneSpans() {
            @Override
            public boolean knows(String entrezId) {
                return entrezId.equals("88");
            }

            @Override
            public int exonBases(String entrezId, String contig, char strand, int start, int end) {
                boolean hit = knows(entrezId) && contig.equals("1") && strand == '-' && start <= 1500 && end >= 1200;
                return hit ? 301 : 0;
            }
        };
        GeneResolver withSpans = new GeneResolver(GenomeBuild.GRCH37, List.of(gene, copy), refSeq);
        var bySymbol = assertInstanceOf(GeneResolution.Found.class, withSpans.resolve("AKX"));
        assertEquals(gene, bySymbol.gene());
        assertEquals("refseq-span over ENSG00000000021 1:900000-901000", bySymbol.choice());
        assertEquals(gene, assertInstanceOf(GeneResolution.Found.class, withSpans.resolve("88")).gene());
        // Without the witness nothing decides: both models are reported, none is picked.
        var without = new GeneResolver(GenomeBuild.GRCH37, List.of(gene, copy));
        assertEquals(List.of(gene, copy), assertInstanceOf(GeneResolution.Ambiguous.class,
                without.resolve("AKX")).candidates());
    }

    /** An Entrez ID names the model that lists it as its own (first), not one that carries it as a second link. */
    @Test
    void anEntrezIdReturnsTheModelWhoseOwnIdItIs() {
        Gene own = new Gene("22", 500, 700, '+', "GPB", "ENSG00000000030", List.of("2812"), List.of());
        Gene readThrough = new Gene("22", 100, 700, '+', "SEPX", "ENSG00000000031", List.of("5413", "2812"),
                List.of());
        GeneResolver r = new GeneResolver(GenomeBuild.GRCH37, List.of(own, readThrough));
        assertEquals(own, assertInstanceOf(GeneResolution.Found.class, r.resolve("2812")).gene());
        assertEquals(readThrough, assertInstanceOf(GeneResolution.Found.class, r.resolve("5413")).gene());
    }

    /**
     * A gene BioMart splits into a main model and a fragment beside it, both linked and both holding RefSeq exons:
     * the one with at least twice the exon bases is the gene; near-equal halves stay ambiguous.
     */
    @Test
    void theModelHoldingMostOfTheGenesExonsWins() {
        Gene main = new Gene("2", 1000, 9000, '-', "BAZX", "ENSG00000000040", List.of("99"), List.of());
        Gene fragment = new Gene("2", 9500, 12000, '-', "BAZX", "ENSG00000000041", List.of("99"), List.of());
        int[] basesInMain = {1200};
        GeneSpans refSeq = new GeneSpans() {
            @Override
            public boolean knows(String entrezId) {
                return true;
            }

            @Override
            public int exonBases(String entrezId, String contig, char strand, int start, int end) {
                return start == 1000 ? basesInMain[0] : 600;
            }
        };
        GeneResolver r = new GeneResolver(GenomeBuild.GRCH38, List.of(main, fragment), refSeq);
        var f = assertInstanceOf(GeneResolution.Found.class, r.resolve("BAZX"));
        assertEquals(main, f.gene());
        assertEquals("refseq-exons (1200 of the gene's RefSeq exon bases against 600) over ENSG00000000041 "
                + "2:9500-12000", f.choice());
        // Neither dominates: RefSeq's exons fall in both adjacent pieces, so the gene spans them.
        basesInMain[0] = 1199;
        var merged = assertInstanceOf(GeneResolution.Found.class,
                new GeneResolver(GenomeBuild.GRCH38, List.of(main, fragment), refSeq).resolve("BAZX"));
        assertEquals(new Gene("2", 1000, 12000, '-', "BAZX", "ENSG00000000040", List.of("99"), List.of()),
                merged.gene());
        assertTrue(merged.choice().startsWith("refseq-merge"), merged.choice());
        // Copies at two loci (more than 100 kb apart) are not pieces of one gene: still ambiguous.
        Gene farCopy = new Gene("2", 500000, 502500, '-', "BAZX", "ENSG00000000042", List.of("99"), List.of());
        assertInstanceOf(GeneResolution.Ambiguous.class,
                new GeneResolver(GenomeBuild.GRCH38, List.of(main, farCopy), refSeq).resolve("BAZX"));
    }
}
