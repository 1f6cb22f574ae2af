// SPDX-License-Identifier: Apache-2.0
package org.genvag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.genvag.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code genvag csq} end to end on bcftools csq's real SAMD11 case: records kept, CSQ added, REF checked. */
class CsqCommandTest {
    private static final Path DIR = Fixtures.path("bcftools-csq/ENST00000341065");

    @TempDir
    Path tmp;

    @Test
    void addsOneVepShapedEntryPerTranscriptAndKeepsTheRestOfEachLine() throws IOException {
        Path in = DIR.resolve("splice-acceptor-donor1.vcf");
        Path out = tmp.resolve("out.vcf");
        CliTest.Run r = CliTest.run("csq", in.toString(), "-g", DIR.resolve("ENST00000341065.gff").toString(),
                "-f", DIR.resolve("ENST00000341065.fa").toString(), "-o", out.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> inRecords = records(in);
        List<String> outRecords = records(out);
        assertEquals(inRecords.size(), outRecords.size());
        assertTrue(Files.readString(out).contains("##INFO=<ID=CSQ,Number=.,Type=String,Description=\"Consequence "
                + "annotations from genvag csq. Format: Allele|Consequence|IMPACT|SYMBOL|Gene|Feature_type|Feature|"));
        int annotated = 0;
        for (int i = 0; i < inRecords.size(); i++) {
            String o = outRecords.get(i);
            int csq = o.indexOf(";CSQ=");
            if (csq < 0) {
                // Only a record that changes nothing (REF = ALT: the suite has one) goes without CSQ.
                String[] f = o.split("\t");
                assertEquals(f[3], f[4], o);
                assertEquals(inRecords.get(i), o);
                continue;
            }
            annotated++;
            int end = o.indexOf('\t', csq);
            String value = o.substring(csq + 5, end < 0 ? o.length() : end);
            assertEquals(inRecords.get(i), o.substring(0, csq) + (end < 0 ? "" : o.substring(end)),
                    "the record is otherwise unchanged");
            for (String entry : value.split(",")) {
                String[] f = entry.split("\\|", -1);
                assertEquals(20, f.length, entry);
                assertEquals("ENST00000341065", f[6], entry);
                assertTrue(f[10].startsWith("ENST00000341065:c."), entry);
                assertTrue(f[11].isEmpty() || f[11].startsWith("ENSP00000349216:p.("), "HGVSp names the protein");
            }
        }
        assertTrue(annotated >= inRecords.size() - 1, annotated + " of " + inRecords.size());
    }

    @Test
    void aRefThatIsNotTheReferencesIsAnErrorNamingTheLineOrWithLenientAWarning() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(DIR.resolve("splice-acceptor-donor1.vcf")));
        int first = 0;
        while (lines.get(first).startsWith("#")) {
            first++;
        }
        String[] f = lines.get(first).split("\t");
        f[3] = f[3].charAt(0) == 'A' ? "C" + f[3].substring(1) : "A" + f[3].substring(1);
        lines.set(first, String.join("\t", f));
        Path bad = tmp.resolve("bad.vcf");
        Files.write(bad, lines, StandardCharsets.UTF_8);
        String[] args = {"csq", bad.toString(), "-g", DIR.resolve("ENST00000341065.gff").toString(), "-f",
            DIR.resolve("ENST00000341065.fa").toString(), "-o", tmp.resolve("x.vcf").toString()};
        CliTest.Run r = CliTest.run(args);
        assertEquals(Main.EXIT_INPUT, r.exit());
        assertTrue(r.err().contains("bad.vcf:" + (first + 1) + ":") && r.err().contains("is not the reference's"),
                r.err());
        assertTrue(!Files.exists(tmp.resolve("x.vcf")), "no output on an error");
        List<String> lenient = new ArrayList<>(List.of(args));
        lenient.add("--lenient");
        CliTest.Run w = CliTest.run(lenient.toArray(String[]::new));
        assertEquals(0, w.exit(), w.err());
        assertTrue(w.err().contains("warning") && w.err().contains("written without CSQ"), w.err());
        assertEquals(lines.get(first), records(tmp.resolve("x.vcf")).get(0));
    }

    @Test
    void brokenInputsAreErrorsNamingWhatAndWhereWithNoOutputLeft() throws IOException {
        Path vcf = DIR.resolve("frame1.vcf");
        Path out = tmp.resolve("never.vcf");
        // A GFF cut short mid-line.
        byte[] gff = Files.readAllBytes(DIR.resolve("ENST00000341065.gff"));
        Path cut = Files.write(tmp.resolve("cut.gff"), Arrays.copyOf(gff, 300));
        CliTest.Run r = CliTest.run("csq", vcf.toString(), "-g", cut.toString(), "-f",
                DIR.resolve("ENST00000341065.fa").toString(), "-o", out.toString());
        assertEquals(Main.EXIT_INPUT, r.exit());
        assertTrue(r.err().contains("cut.gff: the last line has no newline"), r.err());
        // A FASTA without its .fai.
        Path fa = Files.copy(DIR.resolve("ENST00000341065.fa"), tmp.resolve("nofai.fa"));
        r = CliTest.run("csq", vcf.toString(), "-g", DIR.resolve("ENST00000341065.gff").toString(), "-f",
                fa.toString(), "-o", out.toString());
        assertEquals(Main.EXIT_INPUT, r.exit());
        assertTrue(r.err().contains("no .fai index; make one with `samtools faidx"), r.err());
        // A VCF whose contig the FASTA does not have: named with the VCF's line.
        List<String> lines = new ArrayList<>();
        for (String l : Files.readAllLines(vcf)) {
            lines.add(l.startsWith("#") ? l : "7" + l.substring(l.indexOf('\t')));
        }
        Path other = Files.write(tmp.resolve("other.vcf"), lines);
        r = CliTest.run("csq", other.toString(), "-g", DIR.resolve("ENST00000341065.gff").toString(), "-f",
                DIR.resolve("ENST00000341065.fa").toString(), "-o", out.toString());
        assertEquals(Main.EXIT_INPUT, r.exit());
        assertTrue(r.err().contains("other.vcf:") && r.err().contains("contig '7' is not in the reference FASTA"),
                r.err());
        assertTrue(!Files.exists(out), "no output on an error");
        try (var left = Files.list(tmp)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith("never")), "no temporary left");
        }
    }

    private static List<String> records(Path vcf) throws IOException {
        return Files.readAllLines(vcf).stream().filter(l -> !l.startsWith("#")).toList();
    }
}
