// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.genvag.core.error.InputException;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.core.panel.GenePanel;
import org.genvag.core.panel.PanelGene;
import org.genvag.core.panel.PanelResolver;
import org.genvag.io.bed.BedReader;
import org.genvag.io.genes.GeneTableReader;
import org.genvag.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PanelReaderTest {
    static GenePanel resolve(String fixture, GenomeBuild build, boolean strict) throws IOException {
        return PanelResolver.resolve(PanelReader.read(Fixtures.path(fixture)), GeneTableReader.bundled(build), strict);
    }

    /**
     * Damaged gzip in a BED or gene list is an error naming the file: a bad compression method in the header (a
     * Jazzer finding, where a bare ZipException escaped) and a stream cut short after a good start.
     */
    @Test
    void damagedGzipIsNamedWithItsFile(@TempDir Path tmp) throws IOException {
        Path badMethod = Files.write(tmp.resolve("regions.bed"), new byte[] {0x1f, (byte) 0x8b, 0x22, 0x0a, 0x0a});
        InputException e = assertThrows(InputException.class, () -> BedReader.read(badMethod));
        assertEquals(badMethod + ": corrupt gzip header: Unsupported compression method", e.getMessage());
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write("BRAF\nNTRK1\nRET\n".repeat(200).getBytes(StandardCharsets.US_ASCII));
        }
        byte[] whole = gz.toByteArray();
        Path cut = Files.write(tmp.resolve("genes.txt.gz"), Arrays.copyOf(whole, whole.length / 2));
        InputException c = assertThrows(InputException.class, () -> PanelReader.read(cut));
        assertTrue(c.getMessage().startsWith(cut + ": truncated gzip data"), c.getMessage());
    }

    @Test
    void geneListResolvesEveryKindOfNameAndReportsTheUnknown() throws IOException {
        GenePanel p = resolve("panels/tumour-agnostic.txt", GenomeBuild.GRCH38, false);
        assertEquals("tumour-agnostic", p.name());
        assertEquals(List.of("NTRK1", "NTRK1", "NTRK2", "NTRK3", "RET", "BRAF", "MLH1"),
                p.genes().stream().map(g -> g.gene().symbol()).toList());
        assertEquals(List.of("symbol", "alias", "symbol", "ensembl_id", "entrez_id", "symbol", "symbol"),
                p.genes().stream().map(PanelGene::resolvedBy).toList());
        assertEquals(1, p.unresolved().size());
        assertEquals(Fixtures.path("panels/tumour-agnostic.txt") + ":10: gene 'NOT_A_REAL_GENE' is unknown",
                p.unresolved().get(0).toString());
    }

    @Test
    void strictModeMakesUnresolvedNamesAnError() {
        InputException e = assertThrows(InputException.class,
                () -> resolve("panels/tumour-agnostic.txt", GenomeBuild.GRCH38, true));
        assertTrue(e.getMessage().contains("1 gene names did not resolve on GRCh38:"), e.getMessage());
        assertTrue(e.getMessage().contains("gene 'NOT_A_REAL_GENE' is unknown"), e.getMessage());
    }

    @Test
    void tsvKeepsCurationColumns() throws IOException {
        GenePanel p = resolve("panels/small-panel.tsv", GenomeBuild.GRCH37, true);
        assertEquals(3, p.genes().size());
        PanelGene pah = p.genes().get(0);
        assertEquals("PAH", pah.gene().symbol());
        assertEquals("3", pah.confidence());
        assertEquals("BIALLELIC, autosomal or pseudoautosomal", pah.modeOfInheritance());
        assertEquals(null, p.genes().get(2).modeOfInheritance());
        assertEquals(GenomeBuild.GRCH37, p.build());
    }

    /** A TSV's transcript column names the transcript a gene is reported on; an empty cell leaves the choice to genvag. */
    @Test
    void tsvTranscriptColumnIsKeptPerGene(@TempDir Path tmp) throws IOException {
        Path tsv = Files.writeString(tmp.resolve("p.tsv"), "symbol\ttranscript\nBRAF\tENST00000646891\nNTRK1\t\n");
        GenePanel p = PanelResolver.resolve(PanelReader.read(tsv), GeneTableReader.bundled(GenomeBuild.GRCH38), true);
        assertEquals("ENST00000646891", p.genes().get(0).transcript());
        assertEquals(null, p.genes().get(1).transcript());
    }

    @Test
    void panelAppJsonUsesEnsemblIdsAndItsOwnCoordinatesAsFallbacks() throws IOException {
        GenePanel p = resolve("panels/panelapp-example.json", GenomeBuild.GRCH38, false);
        assertEquals("Constructed example panel v1.2", p.label());
        // BRAF by symbol; OLDNAME1 is unknown to the gene table but its Ensembl ID is PAH's.
        assertEquals(List.of("BRAF", "PAH"), p.genes().stream().map(g -> g.gene().symbol()).toList());
        assertEquals("ensembl_id", p.genes().get(1).resolvedBy());
        assertEquals("2", p.genes().get(1).confidence());
        // NOVELGENE9 resolves nowhere, but PanelApp gives GRCh38 coordinates: used as a region.
        assertEquals(1, p.regions().size());
        assertEquals("17", p.regions().get(0).contig());
        assertEquals(999, p.regions().get(0).start());
        assertEquals(2000, p.regions().get(0).end());
        assertEquals(List.of("NOWHERE1"), p.unresolved().stream().map(u -> u.name()).toList());
        // On GRCh37 PanelApp has no coordinates for NOVELGENE9: then it is unresolved too.
        GenePanel p37 = resolve("panels/panelapp-example.json", GenomeBuild.GRCH37, false);
        assertEquals(List.of("NOVELGENE9", "NOWHERE1"), p37.unresolved().stream().map(u -> u.name()).toList());
    }

    @Test
    void bedRegionsAreCanonicalisedAndNamed() throws IOException {
        GenePanel p = resolve("panels/regions-chr22.bed", GenomeBuild.GRCH37, true);
        assertEquals(3, p.regions().size());
        assertEquals("22", p.regions().get(0).contig());
        assertEquals("regionA", p.regions().get(0).name());
        assertEquals("chr22:17000001-17000100", p.regions().get(1).name());
    }

    /** A BED panel is used as it is: the gene table is not even loaded; a gene list still resolves through it. */
    @Test
    void regionPanelsNeedNoGeneTable() throws IOException {
        java.util.function.Supplier<org.genvag.core.genome.GeneResolver> none = () -> {
            throw new AssertionError("the gene table was asked for");
        };
        List<GenePanel> regions = PanelReader.resolveAll(List.of(Fixtures.path("panels/regions-chr22.bed")),
                GenomeBuild.GRCH37, none, true);
        GenePanel viaTable = resolve("panels/regions-chr22.bed", GenomeBuild.GRCH37, true);
        assertEquals(viaTable.regions(), regions.get(0).regions());
        assertEquals(GenomeBuild.GRCH37, regions.get(0).build());
        assertTrue(regions.get(0).genes().isEmpty());
        int[] asked = {0};
        List<GenePanel> genes = PanelReader.resolveAll(List.of(Fixtures.path("panels/tumour-agnostic.txt")),
                GenomeBuild.GRCH38, () -> {
                    asked[0]++;
                    return GeneTableReader.bundled(GenomeBuild.GRCH38);
                }, false);
        assertEquals(1, asked[0]);
        assertEquals(resolve("panels/tumour-agnostic.txt", GenomeBuild.GRCH38, false).genes().size(),
                genes.get(0).genes().size());
    }

    @Test
    void malformedPanelsAreNamed(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("broken.json");
        Files.writeString(json, "{\"name\": \"x\", \"genes\": [ {\"entity_name\": \"BRAF\" ");
        InputException e = assertThrows(InputException.class, () -> PanelReader.read(json));
        assertTrue(e.getMessage().startsWith(json + ": not valid JSON at line 1"), e.getMessage());
        Path tsv = dir.resolve("noheader.tsv");
        Files.writeString(tsv, "BRAF\t3\nNTRK1\t3\n");
        e = assertThrows(InputException.class, () -> PanelReader.read(tsv));
        assertTrue(e.getMessage().startsWith(tsv + ":1: a tab-separated panel needs a header"), e.getMessage());
        Path empty = dir.resolve("empty.txt");
        Files.writeString(empty, "# nothing\n");
        assertEquals(empty + ": panel has no genes",
                assertThrows(InputException.class, () -> PanelReader.read(empty)).getMessage());
    }

    /** A pipe or device as a panel is named as such, not a bare "Illegal seek". */
    @Test
    void aPanelMustBeAFile() {
        InputException e = assertThrows(InputException.class, () -> PanelReader.read(Path.of("/dev/null")));
        assertEquals("/dev/null: a panel must be a file, not a pipe or device", e.getMessage());
    }
}
