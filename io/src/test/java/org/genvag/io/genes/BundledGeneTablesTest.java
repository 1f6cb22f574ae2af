// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.genes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.genvag.core.error.InputException;
import org.genvag.core.genome.Gene;
import org.genvag.core.genome.GeneResolution;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.io.text.TabFields;
import org.genvag.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BundledGeneTablesTest {
    /** A lab's own table that is damaged gzip is an error naming it, as BED and panel files are. */
    @Test
    void aDamagedGzipTableIsNamed(@TempDir Path tmp) throws IOException {
        Path table = Files.write(tmp.resolve("my.genes.tsv.gz"), new byte[] {0x1f, (byte) 0x8b, 0x22, 0x0a, 0x0a});
        InputException e = assertThrows(InputException.class, () -> GeneTableReader.read(table,
                GenomeBuild.GRCH38));
        assertEquals(table + ": corrupt gzip header: Unsupported compression method", e.getMessage());
    }


    private static Gene found(GenomeBuild build, String name) {
        GeneResolution r = GeneTableReader.bundled(build).resolve(name);
        return assertInstanceOf(GeneResolution.Found.class, r, () -> name + " on " + build + ": " + r).gene();
    }

    /** Chromosome and strand from NCBI Gene; the landmark variants' positions from ClinVar, in each build. */
    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
        // symbol, build, chrom, strand, landmark position (ClinVar variant inside the gene)
        "BRAF,  GRCh38, 7,  -, 140753336",  // BRAF c.1799T>A p.V600E
        "BRAF,  GRCh37, 7,  -, 140453136",
        "RET,   GRCh38, 10, +, 43121968",   // RET c.2753T>C p.M918T
        "RET,   GRCh37, 10, +, 43617416",
        "PAH,   GRCh38, 12, -, 102840507",  // PAH c.1222C>T p.R408W
        "PAH,   GRCh37, 12, -, 103234285",
        "GAA,   GRCh38, 17, +, 80104542",   // GAA c.-32-13T>G (IVS1)
        "GAA,   GRCh37, 17, +, 78078341",
        "NTRK1, GRCh38, 1,  +, 0",
        "NTRK1, GRCh37, 1,  +, 0",
        "NTRK2, GRCh38, 9,  +, 0",
        "NTRK2, GRCh37, 9,  +, 0",
        "NTRK3, GRCh38, 15, -, 0",
        "NTRK3, GRCh37, 15, -, 0",
    })
    void resolvesClinicalGenesToTheirLoci(String symbol, String build, String chrom, char strand, int landmark) {
        Gene gene = found(GenomeBuild.parse(build), symbol);
        assertEquals(symbol, gene.symbol());
        assertEquals(chrom, gene.contig());
        assertEquals(strand, gene.strand());
        if (landmark > 0) {
            assertTrue(gene.start() <= landmark && landmark <= gene.end(), gene + " must contain " + landmark);
        }
    }

    /** Ensembl's GRCh38 spans must agree with UCSC's transcript spans (an independent annotation) to 90%. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"BRAF", "NTRK1", "NTRK2", "NTRK3", "RET", "PAH", "GAA"})
    void grch38SpansAgreeWithUcsc(String symbol) throws IOException {
        Path ucsc = Fixtures.path("genes/ucsc-grch38-spans.tsv");
        List<String> row = Files.readAllLines(ucsc).stream().filter(l -> l.startsWith(symbol + "\t"))
                .map(l -> TabFields.split(l, '\t')).findFirst().orElseThrow();
        Gene gene = found(GenomeBuild.GRCH38, symbol);
        int start = Integer.parseInt(row.get(2));
        int end = Integer.parseInt(row.get(3));
        assertEquals(row.get(1), gene.contig());
        long overlap = Math.min(end, gene.end()) - Math.max(start, gene.start()) + 1L;
        long union = Math.max(end, gene.end()) - Math.min(start, gene.start()) + 1L;
        assertTrue(overlap >= 0.9 * union, symbol + ": Ensembl " + gene + " vs UCSC " + start + "-" + end);
    }

    /** The same gene on both builds has nearly the same length: a lifted table would show a gross error here. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"BRAF", "NTRK1", "NTRK2", "NTRK3", "RET", "PAH", "GAA"})
    void buildsAgreeOnGeneLength(String symbol) {
        Gene g37 = found(GenomeBuild.GRCH37, symbol);
        Gene g38 = found(GenomeBuild.GRCH38, symbol);
        assertEquals(g37.ensemblId(), g38.ensemblId());
        assertTrue(Math.abs(g37.length() - g38.length()) <= 0.1 * g38.length(), g37 + " vs " + g38);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "ENSG00000157764,    BRAF,  ENSEMBL_ID",
        "ENSG00000157764.14, BRAF,  ENSEMBL_ID",
        "4914,               NTRK1, ENTREZ_ID",
        "ntrk3,              NTRK3, SYMBOL",
        "TRKA,               NTRK1, ALIAS",
        "BRAF1,              BRAF,  ALIAS",
        "PKU1,               PAH,   ALIAS",
    })
    void resolvesIdsAliasesAndCase(String query, String symbol, GeneResolution.MatchedBy how) {
        GeneResolution r = GeneTableReader.bundled(GenomeBuild.GRCH38).resolve(query);
        GeneResolution.Found f = assertInstanceOf(GeneResolution.Found.class, r, r::toString);
        assertEquals(symbol, f.gene().symbol());
        assertEquals(how, f.matchedBy());
    }

    @ParameterizedTest
    @CsvSource({"NOT_A_GENE_XYZ", "ENSG99999999999", "999999999"})
    void unknownNamesAreReportedNotGuessed(String query) {
        assertInstanceOf(GeneResolution.Unknown.class, GeneTableReader.bundled(GenomeBuild.GRCH38).resolve(query));
    }

    /** An alias shared by several genes is ambiguous: every candidate is returned, none is picked. */
    @ParameterizedTest
    @CsvSource({"GRCh38", "GRCh37"})
    void sharedAliasesAreAmbiguous(String build) {
        var resolver = GeneTableReader.bundled(GenomeBuild.parse(build));
        // Find a real shared alias in the table rather than trusting one from memory.
        var counts = new java.util.HashMap<String, Integer>();
        var symbols = new java.util.HashSet<String>();
        for (Gene g : resolver.genes()) {
            symbols.add(g.symbol().toUpperCase(java.util.Locale.ROOT));
            g.aliases().forEach(a -> counts.merge(a.toUpperCase(java.util.Locale.ROOT), 1, Integer::sum));
        }
        String shared = counts.entrySet().stream().filter(e -> e.getValue() > 1 && !symbols.contains(e.getKey()))
                .map(java.util.Map.Entry::getKey).sorted().findFirst().orElseThrow();
        var r = assertInstanceOf(GeneResolution.Ambiguous.class, resolver.resolve(shared));
        assertTrue(r.candidates().size() > 1);
        assertEquals(GeneResolution.MatchedBy.ALIAS, r.matchedBy());
    }

    /**
     * GRCh37 genes that Ensembl BioMart also names on a second model (a read-through or patch model without an
     * Entrez link, or a pseudogene copy linked to the same Entrez gene): each resolves to its own gene, and the
     * rule that chose it is stated.
     */
    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
        "GALT, GRCh37, ENSG00000213930, entrez-link", "IDS, GRCh37, ENSG00000010404, entrez-link",
        "SDHD, GRCh37, ENSG00000204370, entrez-link", "PI4K2A, GRCh37, ENSG00000155252, entrez-link",
        "ACE, GRCh37, ENSG00000159640, entrez-link", "CFB, GRCh37, ENSG00000243649, entrez-link",
        "AK2, GRCh37, ENSG00000004455, refseq-span", "BAK1, GRCh37, ENSG00000030110, refseq-span",
        "204, GRCh37, ENSG00000004455, refseq-span", "FOXK2, GRCh37, ENSG00000141568, refseq-span",
        "GLG1, GRCh37, ENSG00000090863, refseq-merge", "CRYBG3, GRCh37, ENSG00000080200, refseq-merge",
        "GALT, GRCh38, ENSG00000213930, ", "IDS, GRCh38, ENSG00000010404, ", "SDHD, GRCh38, ENSG00000204370, ",
        "AK2, GRCh38, ENSG00000004455, ", "BAK1, GRCh38, ENSG00000030110, ",
    })
    void secondModelsOfASymbolDoNotMakeItAmbiguous(String name, String build, String ensembl, String rule) {
        GeneResolution r = GeneTableReader.bundled(GenomeBuild.parse(build)).resolve(name);
        GeneResolution.Found f = assertInstanceOf(GeneResolution.Found.class, r, r::toString);
        assertEquals(ensembl, f.gene().ensemblId());
        if (rule != null) {
            assertTrue(f.choice() != null && f.choice().startsWith(rule), f.choice());
        }
    }

    /**
     * GP1BB and SEPTIN5 (SEPT5) are two genes: the SEPT5-GP1BB read-through links Ensembl's SEPTIN5 model to both
     * Entrez genes, which once named it GP1BB and merged the two. Each name and each ID returns its own gene.
     */
    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
        "GP1BB, GRCh37, ENSG00000203618", "ENSG00000203618, GRCh37, ENSG00000203618", "2812, GRCh37, ENSG00000203618",
        "SEPTIN5, GRCh37, ENSG00000184702", "SEPT5, GRCh37, ENSG00000184702", "5413, GRCh37, ENSG00000184702",
        "ENSG00000184702, GRCh37, ENSG00000184702",
        "GP1BB, GRCh38, ENSG00000203618", "SEPTIN5, GRCh38, ENSG00000184702",
    })
    void gp1bbAndSeptin5AreTwoGenes(String name, String build, String ensembl) {
        assertEquals(ensembl, found(GenomeBuild.parse(build), name).ensemblId());
    }
}
