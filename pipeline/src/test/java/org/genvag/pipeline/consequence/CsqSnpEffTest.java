// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.consequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.genvag.testdata.CodingGenomeGenerator;
import org.genvag.testsupport.PeerTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * genvag's HGVS against Debian's SnpEff (5.1), the other peer that writes HGVS, on the generated genes of {@link
 * CsqDifferentialTest} (a SnpEff database built from the same GFF3 and FASTA): every SNV's HGVS c. must be SnpEff's
 * (coding, UTR and intronic positions, both strands), and every coding SNV's HGVS p. once notation is mapped
 * (parentheses, {@code Leu54=} for {@code Leu54Leu}, {@code Ter} for {@code *}), but for a lost stop where SnpEff
 * writes {@code ext*?} and genvag counts to the new stop in the 3' UTR, as HGVS asks. Insertions and deletions must
 * describe the same change: equal once SnpEff's deleted bases are dropped ({@code delAGGG} is {@code del} in current
 * HGVS), or genvag's placed further 3' (HGVS's 3' rule; SnpEff's are not shifted on these genes), or differently
 * placed where the change spans an exon/intron boundary (genvag shifts only within the exon or intron that holds the
 * change). Any other difference fails the test.
 */
class CsqSnpEffTest {
    private static final Pattern C_CHANGE = Pattern.compile(
            "^[cn]\\.([*-]?\\d+(?:[+-]\\d+)?)(?:_([*-]?\\d+(?:[+-]\\d+)?))?(del|dup|ins|delins)([ACGTN]*)$");
    private static final Pattern SYNONYMOUS = Pattern.compile("^p\\.([A-Z][a-z]{2})(\\d+)=$");

    @TempDir
    Path tmp;

    @Test
    void hgvsAgreesWithSnpEff() throws IOException {
        PeerTool snpEff = PeerTool.require("snpEff");
        CodingGenomeGenerator.Output in = CodingGenomeGenerator.write(tmp, "chrS", 120, 20261129L);
        Path data = Files.createDirectories(tmp.resolve("snpeff/data/synth"));
        Files.copy(in.gff(), data.resolve("genes.gff"));
        Files.copy(in.fasta(), data.resolve("sequences.fa"));
        Path config = Files.writeString(tmp.resolve("snpeff/snpEff.config"), "data.dir = " + tmp.resolve("snpeff/data")
                + "/\nsynth.genome : synthetic\n");
        snpEff.run("build", "-gff3", "-noLog", "-noCheckCds", "-noCheckProtein", "-c", config.toString(), "synth");
        String snpEffVcf = snpEff.runText("ann", "-noStats", "-noLog", "-c", config.toString(), "synth",
                in.vcf().toString());
        Path genvagVcf = tmp.resolve("genvag.vcf");
        CsqJob.run(new CsqJob.Request(in.vcf().toString(), genvagVcf.toString(), null, in.gff(), in.fasta(),
                TranscriptSet.ALL, false, 1), new PrintWriter(new StringWriter()));
        Map<String, Map<String, String[]>> theirs = entries(snpEffVcf, "ANN", 6, "transcript:");
        Map<String, Map<String, String[]>> ours = entries(Files.readString(genvagVcf, StandardCharsets.US_ASCII),
                "CSQ", 6, "");

        Map<String, Integer> counts = new TreeMap<>();
        List<String> unexplained = new ArrayList<>();
        for (Map.Entry<String, Map<String, String[]>> record : theirs.entrySet()) {
            String[] key = record.getKey().split(":");
            boolean snv = key[1].length() == 1 && key[2].length() == 1;
            for (Map.Entry<String, String[]> t : record.getValue().entrySet()) {
                String[] mine = ours.getOrDefault(record.getKey(), Map.of()).get(t.getKey());
                String theirC = t.getValue()[9];
                if (mine == null || theirC.isEmpty() || mine[10].isEmpty()) {
                    continue;   // intergenic or SnpEff's intragenic_variant: no HGVS c. to compare
                }
                String myC = mine[10].substring(mine[10].indexOf(':') + 1);
                String line = record.getKey() + " " + t.getKey() + " snpEff " + theirC + " " + t.getValue()[10]
                        + " genvag " + myC + " " + mine[11];
                String c = snv ? (theirC.equals(myC) ? "SNV c. equal" : null) : indel(theirC, myC);
                if (c == null) {
                    unexplained.add(line);
                    continue;
                }
                counts.merge(c, 1, Integer::sum);
                String theirP = t.getValue()[10];
                String myP = protein(mine[11]);
                if (snv && !theirP.isEmpty() && !myP.isEmpty()) {
                    String p = theirP.equals(myP) || theirP.equals(myP.replace("Ter", "*")) ? "SNV p. equal"
                            : theirP.endsWith("ext*?") && myP.matches("p\\.Ter\\d+[A-Z][a-z]{2}ext\\*\\d+")
                            && myP.startsWith(theirP.substring(0, theirP.length() - 2))
                            ? "SNV p. lost stop: SnpEff ext*?, genvag counts to the new stop in the 3' UTR" : null;
                    if (p == null) {
                        unexplained.add(line);
                    } else {
                        counts.merge(p, 1, Integer::sum);
                    }
                }
            }
        }
        counts.forEach((what, n) -> System.out.println("csq vs snpEff: " + n + " " + what));
        unexplained.forEach(u -> System.out.println("  unexplained: " + u));
        assertTrue(counts.getOrDefault("SNV c. equal", 0) > 2000, counts.toString());
        assertTrue(counts.getOrDefault("SNV p. equal", 0) > 1000, counts.toString());
        assertTrue(counts.getOrDefault("indel c. equal", 0) > 500, counts.toString());
        assertEquals(List.of(), unexplained);
    }

    /** How an indel's two HGVS c. descriptions relate, or null when they describe the change differently. */
    private static String indel(String theirs, String mine) {
        Matcher t = C_CHANGE.matcher(theirs);
        Matcher m = C_CHANGE.matcher(mine);
        if (!t.matches() || !m.matches()) {
            return null;
        }
        String theirOp = t.group(3);
        String myOp = m.group(3);
        boolean sameKind = theirOp.equals(myOp) || theirOp.equals("ins") && myOp.equals("dup");
        boolean basesNamed = theirOp.equals("del") || theirOp.equals("dup");
        String theirTrimmed = theirs.substring(0, theirs.length() - (basesNamed ? t.group(4).length() : 0));
        if (theirTrimmed.equals(mine)) {
            return "indel c. equal";
        }
        long[] theirStart = position(t.group(1));
        long[] myStart = position(m.group(1));
        if (intronic(t) != intronic(m) || mixed(t) || mixed(m)) {
            return "indel c. placed differently at an exon/intron boundary (genvag shifts within the exon or intron)";
        }
        if (sameKind && compare(myStart, theirStart) > 0) {
            return "indel c. genvag 3' of SnpEff (HGVS's 3' rule)";
        }
        return null;
    }

    /** Whether every endpoint of the description carries an intronic offset. */
    private static boolean intronic(Matcher m) {
        return hasOffset(m.group(1)) && (m.group(2) == null || hasOffset(m.group(2)));
    }

    /** Whether one endpoint is intronic and the other exonic. */
    private static boolean mixed(Matcher m) {
        return m.group(2) != null && hasOffset(m.group(1)) != hasOffset(m.group(2));
    }

    private static boolean hasOffset(String p) {
        return p.indexOf('+', 1) > 0 || p.indexOf('-', 1) > 0;
    }

    /** A c. position as (region: 5' UTR, CDS, 3' UTR; base; intronic offset), for ordering. */
    private static long[] position(String p) {
        int region = p.startsWith("-") ? 0 : p.startsWith("*") ? 2 : 1;
        String rest = region == 1 ? p : p.substring(1);
        int split = Math.max(rest.indexOf('+'), rest.indexOf('-'));
        long base = Long.parseLong(split < 0 ? rest : rest.substring(0, split));
        long offset = split < 0 ? 0 : Long.parseLong(rest.substring(rest.charAt(split) == '+' ? split + 1 : split));
        return new long[] {region, region == 0 ? -base : base, offset};
    }

    private static int compare(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return Long.compare(a[i], b[i]);
            }
        }
        return 0;
    }

    /** genvag's HGVSp in SnpEff's notation: no protein ID or parentheses, a synonymous change spelled out. */
    private static String protein(String hgvsp) {
        if (hgvsp.isEmpty()) {
            return "";
        }
        String p = hgvsp.substring(hgvsp.indexOf(':') + 1);
        if (p.startsWith("p.(") && p.endsWith(")")) {
            p = "p." + p.substring(3, p.length() - 1);
        }
        Matcher s = SYNONYMOUS.matcher(p);
        return s.matches() ? "p." + s.group(1) + s.group(2) + s.group(1) : p;
    }

    /** Per record (POS:REF:ALT) and transcript (prefix removed), the fields of each entry of INFO/{@code key}. */
    private static Map<String, Map<String, String[]>> entries(String vcf, String key, int feature, String prefix) {
        Map<String, Map<String, String[]>> out = new HashMap<>();
        for (String line : vcf.split("\n")) {
            String[] f = line.split("\t");
            if (line.startsWith("#") || f.length < 8) {
                continue;   // SnpEff ends its output with its command line
            }
            for (String kv : f[7].split(";")) {
                if (kv.startsWith(key + "=")) {
                    for (String entry : kv.substring(key.length() + 1).split(",")) {
                        String[] e = entry.split("\\|", -1);
                        out.computeIfAbsent(f[1] + ":" + f[3] + ":" + f[4], k -> new HashMap<>())
                                .putIfAbsent(e[feature].substring(e[feature].startsWith(prefix) ? prefix.length() : 0),
                                        e);
                    }
                }
            }
        }
        return out;
    }
}
