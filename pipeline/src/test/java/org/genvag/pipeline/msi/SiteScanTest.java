// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.msi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.genvag.core.interval.IntervalIndex;
import org.genvag.core.msi.MicrosatelliteScanner;
import org.genvag.core.msi.RepeatSite;
import org.genvag.pipeline.msi.SiteScan;
import org.genvag.testdata.Contig;
import org.genvag.testdata.FastaGenerator;
import org.genvag.testdata.SyntheticGenome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The site scan finds every microsatellite the synthetic genome planted, with its unit and at least its copies,
 * across chunk borders (contigs longer than the scan window), and reports nothing shorter than the thresholds.
 */
class SiteScanTest {
    @TempDir
    Path dir;

    /** The shortest unit that {@code motif} repeats: "ACAC" is an "AC" repeat. */
    static String primitive(byte[] motif) {
        String m = new String(motif, StandardCharsets.US_ASCII);
        for (int d = 1; d <= m.length(); d++) {
            if (m.length() % d == 0 && m.substring(0, d).repeat(m.length() / d).equals(m)) {
                return m.substring(0, d);
            }
        }
        return m;
    }

    static boolean rotation(String a, String b) {
        return a.length() == b.length() && (a + a).contains(b);
    }

    @Test
    void everyPlantedMicrosatelliteIsFoundAcrossChunkBorders() throws IOException {
        SyntheticGenome genome = new SyntheticGenome(21);
        List<Contig> contigs = Contig.parse("synthetic:2:2500000", false);
        Path fasta = dir.resolve("ref.fa");
        FastaGenerator.write(genome, contigs, fasta);
        List<RepeatSite> sites = new ArrayList<>();
        // The defaults but for the length cap: planted repeats reach 84 bases (14 copies of a 6-base unit).
        MicrosatelliteScanner.Options d = MicrosatelliteScanner.Options.defaults();
        MicrosatelliteScanner.Options o = new MicrosatelliteScanner.Options(d.minHomopolymer(), d.minCopies(),
                d.maxUnit(), d.flank(), 100);
        SiteScan.Result r = SiteScan.scan(fasta, null, o, sites::add);
        assertEquals(2, r.contigs());
        assertEquals(5_000_000, r.bases());
        assertEquals(sites.size(), r.sites());
        int planted = 0;
        List<String> missed = new ArrayList<>();
        for (int c = 0; c < contigs.size(); c++) {
            String name = contigs.get(c).name();
            List<RepeatSite> onContig = sites.stream().filter(s -> s.contig().equals(name)).toList();
            for (long tile = 0; tile * SyntheticGenome.TILE < contigs.get(c).length(); tile++) {
                SyntheticGenome.Microsatellite ms = genome.microsatellite(c, tile);
                if (ms == null || ms.end() > contigs.get(c).length()) {
                    continue;
                }
                planted++;
                String unit = primitive(ms.motif());
                long start = ms.start() + 1;
                long end = ms.end();
                // A random base next to the repeat may continue it, shifting the phase, or end a neighbouring run
                // that the repeat's first unit then shares: the reported run must cover the planted one but for at
                // most one unit at either end.
                int k = unit.length();
                boolean found = onContig.stream().anyMatch(s -> s.start() <= start + k && s.end() >= end - k
                        && rotation(s.unit(), unit));
                if (!found) {
                    missed.add(name + ":" + start + " " + unit + "x" + (ms.end() - ms.start()) / unit.length());
                }
            }
        }
        assertTrue(planted > 1500, "planted " + planted);
        assertEquals(List.of(), missed, "planted microsatellites the scan missed");
        for (RepeatSite s : sites) {
            assertTrue(s.unit().length() == 1 ? s.copies() >= o.minHomopolymer() : s.copies() >= o.minCopies(),
                    s.toString());
            assertEquals(5, s.leftFlank().length());
            assertEquals(5, s.rightFlank().length());
        }
        // Sites are reported once and in order on each contig.
        for (int i = 1; i < sites.size(); i++) {
            RepeatSite a = sites.get(i - 1);
            RepeatSite b = sites.get(i);
            assertTrue(!a.contig().equals(b.contig()) || b.start() > a.end(), a + " then " + b);
        }
    }

    @Test
    void theSiteListIsRestrictedToRegionsAndWrittenAsTsv() throws IOException {
        SyntheticGenome genome = new SyntheticGenome(5);
        List<Contig> contigs = Contig.parse("synthetic:1:300000", false);
        Path fasta = dir.resolve("ref.fa");
        FastaGenerator.write(genome, contigs, fasta);
        IntervalIndex regions = IntervalIndex.builder().add("syn1", 100_000, 150_000, "r").build();
        Path out = dir.resolve("sites.tsv");
        SiteScan.Result r = SiteScan.run(fasta, regions, MicrosatelliteScanner.Options.defaults(), out);
        List<String> lines = Files.readAllLines(out);
        assertEquals(SiteScan.HEADER.strip(), lines.get(0));
        assertEquals(r.sites(), lines.size() - 1);
        assertTrue(r.sites() > 10, "sites in 50 kb: " + r.sites());
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            assertTrue(Long.parseLong(f[2]) > 100_000 && Long.parseLong(f[1]) <= 150_000, line);
        }
    }
}
