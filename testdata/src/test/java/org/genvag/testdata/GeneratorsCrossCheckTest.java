// SPDX-License-Identifier: Apache-2.0
package org.genvag.testdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.genvag.testsupport.PeerTool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generators' outputs are judged by the peers labs use: bcftools and samtools. */
class GeneratorsCrossCheckTest {
    private static final List<Contig> CONTIGS = Contig.parse("synthetic:2:300000", false);
    private static final SyntheticGenome GENOME = new SyntheticGenome(11);

    @TempDir
    static Path dir;
    static Path fasta;

    @BeforeAll
    static void writeReference() throws IOException {
        fasta = dir.resolve("ref.fa");
        FastaGenerator.write(GENOME, CONTIGS, fasta);
    }

    @Test
    void fastaIsWhatTheGenomeSaysAndSamtoolsCanIndexIt() {
        PeerTool samtools = PeerTool.require("samtools");
        String seq = samtools.runText("faidx", fasta.toString(), "syn2:100001-100120").lines().skip(1)
                .reduce("", String::concat);
        byte[] expected = new byte[120];
        GENOME.bases(1, 100_000, expected, 0, 120);
        assertEquals(new String(expected, java.nio.charset.StandardCharsets.US_ASCII), seq);
    }

    @Test
    void plantedMicrosatellitesAreInTheFasta() {
        PeerTool samtools = PeerTool.require("samtools");
        int checked = 0;
        for (long tile = 0; tile < 40; tile++) {
            SyntheticGenome.Microsatellite ms = GENOME.microsatellite(0, tile);
            if (ms == null) {
                continue;
            }
            String seq = samtools.runText("faidx", fasta.toString(), "syn1:" + (ms.start() + 1) + "-" + ms.end())
                    .lines().skip(1).reduce("", String::concat);
            String unit = new String(ms.motif(), java.nio.charset.StandardCharsets.US_ASCII);
            assertEquals(unit.repeat(ms.copies()), seq, "tile " + tile);
            checked++;
        }
        assertTrue(checked > 15, "most tiles carry a microsatellite, found " + checked);
    }

    @Test
    void vcfParsesInBcftoolsAndEveryRefMatchesTheReference() throws IOException {
        PeerTool bcftools = PeerTool.require("bcftools");
        Path vcf = dir.resolve("gen.vcf.gz");
        long written = new VcfGenerator(GENOME, CONTIGS, 3, 5).write(2_000, vcf);
        assertEquals(2_000, written);
        // --check-ref e: bcftools exits non-zero on the first REF that disagrees with the FASTA.
        PeerTool.Result norm = bcftools.tryRun("norm", "--check-ref", "e", "-f", fasta.toString(), "-Ou", "-o",
                "/dev/null", vcf.toString());
        assertEquals(0, norm.exitCode(), norm.stderr());
        assertTrue(!norm.stderr().contains("[W::"), "bcftools warned: " + norm.stderr());
        String stats = bcftools.runText("stats", vcf.toString());
        assertEquals(2_000, statsNumber(stats, "number of records:"));
        long snps = statsNumber(stats, "number of SNPs:");
        long indels = statsNumber(stats, "number of indels:");
        long multi = statsNumber(stats, "number of multiallelic sites:");
        assertTrue(snps > 1_500 && snps < 1_800, "SNPs " + snps);
        assertTrue(indels > 200 && indels < 360, "indels " + indels);
        assertTrue(multi > 25 && multi < 110, "multi-allelic " + multi);
    }

    @Test
    void bamIsSortedIndexedAndConsistentWithTheReference() throws IOException {
        PeerTool samtools = PeerTool.require("samtools");
        Path bam = dir.resolve("gen.bam");
        List<Region> regions = List.of(new Region(0, 50_000, 60_000), new Region(0, 59_000, 70_000),
                new Region(1, 100_000, 110_000));
        long reads = new BamGenerator(GENOME, CONTIGS, BamGenerator.Options.defaults().withDepth(30)).write(regions, bam);
        assertTrue(Files.exists(bam.resolveSibling("gen.bam.bai")));
        assertEquals(0, samtools.tryRun("quickcheck", bam.toString()).exitCode());
        assertEquals(reads, Long.parseLong(samtools.runText("view", "-c", bam.toString()).trim()));
        // samtools recomputes NM from the FASTA: any read not drawn from the reference would differ.
        PeerTool.Result calmd = samtools.tryRun("calmd", bam.toString(), fasta.toString());
        assertEquals(0, calmd.exitCode(), calmd.stderr());
        assertTrue(!calmd.stderr().contains("different NM"), "NM disagrees with samtools: "
                + calmd.stderr().lines().limit(3).toList());
        // Mean depth over the middle of a region, after the usual filters, is close to what was asked.
        String depth = samtools.runText("depth", "-a", "-G", "1796", "-r", "syn1:52000-68000", bam.toString());
        double mean = depth.lines().mapToInt(l -> Integer.parseInt(l.substring(l.lastIndexOf('\t') + 1)))
                .average().orElse(0);
        assertTrue(mean > 24 && mean < 32, "mean depth " + mean);
        String flagstat = samtools.runText("flagstat", bam.toString());
        long dups = Long.parseLong(flagstat.lines().filter(l -> l.contains(" duplicates")).findFirst().orElseThrow()
                .split(" ")[0]);
        assertTrue(dups > 0.02 * reads && dups < 0.09 * reads, "duplicates " + dups + " of " + reads);
    }

    private static long statsNumber(String stats, String key) {
        return stats.lines().filter(l -> l.startsWith("SN\t") && l.contains(key)).findFirst()
                .map(l -> Long.parseLong(l.substring(l.lastIndexOf('\t') + 1).trim())).orElseThrow();
    }
}
