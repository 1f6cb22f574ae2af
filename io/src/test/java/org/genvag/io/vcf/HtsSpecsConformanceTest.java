// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.vcf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.genvag.core.error.InputException;
import org.genvag.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The VCF specification's own conformance files (samtools/hts-specs {@code test/vcf}, 4.1 to 4.3 and 4.5; see
 * testdata/PROVENANCE.md): every {@code passed} file is valid, every {@code failed} one invalid, and invalid for the
 * reason its name gives (the first error is on a line of the kind the name says: a {@code ##INFO} line for
 * {@code failed_meta_info_*}, a data line for {@code failed_body_*}). Where genvag differs, the file is listed in
 * {@code genvag-differences.tsv} beside the corpus with why; the list is held to the truth in both directions, so a
 * gap closed must leave the list too.
 */
class HtsSpecsConformanceTest {
    private static final Path CORPUS = Fixtures.path("hts-specs-vcf");

    /** genvag's verdict on one file: valid, or the first error's line (its text) and message. */
    record Verdict(boolean valid, String line, String message) {
    }

    static Verdict validate(Path vcf) throws IOException {
        List<String> lines = Files.readAllLines(vcf, StandardCharsets.ISO_8859_1);
        try (VcfReader r = VcfReader.open(vcf.toString(), 1)) {
            List<VcfProblem> errors = VcfValidator.problems(r, false).stream().filter(VcfProblem::error).toList();
            if (errors.isEmpty()) {
                return new Verdict(true, null, null);
            }
            VcfProblem first = errors.get(0);
            long n = first.line();
            return new Verdict(false, n >= 1 && n <= lines.size() ? lines.get((int) n - 1) : "", first.message());
        } catch (InputException e) {
            String m = e.getMessage();
            String prefix = vcf + ":";
            long n = -1;
            if (m.startsWith(prefix)) {
                int colon = m.indexOf(':', prefix.length());
                try {
                    n = Long.parseLong(m.substring(prefix.length(), colon));
                } catch (NumberFormatException | StringIndexOutOfBoundsException notALine) {
                    n = -1;
                }
            }
            return new Verdict(false, n >= 1 && n <= lines.size() ? lines.get((int) n - 1) : "", m);
        }
    }

    /** The line a failed file's first error must be on, by its name; null when any line will do. */
    static String expectedLineStart(String name) {
        String rule = name.replaceFirst("^failed_", "").replaceFirst("_\\d+\\.vcf$", "").replaceFirst("\\.vcf$", "");
        return switch (rule) {
            case "meta_info" -> "##INFO";
            case "meta_format" -> "##FORMAT";
            case "meta_alt" -> "##ALT";
            case "meta_contig" -> "##contig";
            case "meta_sample" -> "##SAMPLE";
            case "meta_pedigree" -> "##PEDIGREE";
            case "meta_pedigreedb" -> "##pedigreeDB";
            case "meta_meta" -> "##META";
            case "meta_assembly" -> "##assembly";
            case "meta", "fileformat" -> "##";
            case "header", "empty_sample" -> "#CHROM";
            default -> rule.startsWith("body") ? "" : null;   // "": a data line
        };
    }

    static Stream<Path> corpus() throws IOException {
        List<Path> all = new ArrayList<>();
        for (String version : List.of("4.1", "4.2", "4.3", "4.5")) {
            for (String kind : List.of("passed", "failed")) {
                Path dir = CORPUS.resolve(version).resolve(kind);
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> s = Files.list(dir)) {
                        s.filter(p -> p.toString().endsWith(".vcf")).sorted().forEach(all::add);
                    }
                }
            }
        }
        return all.stream();
    }

    /** version/kind/name -> the verdict genvag deliberately or knowingly gives instead, from the list. */
    static Map<String, String> differences() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(CORPUS.resolve("genvag-differences.tsv"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", 3);
            assertEquals(3, f.length, "file, verdict, why: " + line);
            assertTrue(List.of("accepted", "rejected", "rejected-elsewhere").contains(f[1]), line);
            out.put(f[0], f[1]);
        }
        return out;
    }

    @Test
    void everyPassedFileIsValidAndEveryFailedOneInvalidForItsReason() throws IOException {
        Map<String, String> differences = differences();
        Map<String, int[]> byVersion = new LinkedHashMap<>();
        List<String> wrong = new ArrayList<>();
        for (Path vcf : corpus().toList()) {
            String key = CORPUS.relativize(vcf).toString();
            boolean shouldPass = key.contains("/passed/");
            Verdict v = validate(vcf);
            String actual;
            if (v.valid()) {
                actual = "accepted";
            } else {
                String start = shouldPass ? null : expectedLineStart(vcf.getFileName().toString());
                boolean rightPlace = start == null || (start.isEmpty() ? !v.line().startsWith("#")
                        : v.line().toLowerCase(Locale.ROOT).startsWith(start.toLowerCase(Locale.ROOT)));
                actual = rightPlace ? "rejected" : "rejected-elsewhere";
            }
            String expected = differences.getOrDefault(key, shouldPass ? "accepted" : "rejected");
            if (!expected.equals(actual)) {
                wrong.add(key + ": expected " + expected + ", genvag " + actual + (v.valid() ? "" : " (" + v.message()
                        + " at '" + v.line() + "')"));
            }
            int[] counts = byVersion.computeIfAbsent(key.substring(0, 3) + (shouldPass ? " passed" : " failed"),
                    k -> new int[2]);
            counts[0]++;
            if (actual.equals(shouldPass ? "accepted" : "rejected")) {
                counts[1]++;
            }
        }
        StringBuilder summary = new StringBuilder("hts-specs conformance (as the spec wants / files):");
        byVersion.forEach((k, c) -> summary.append("\n  ").append(k).append(": ").append(c[1]).append('/')
                .append(c[0]));
        System.out.println(summary);
        assertEquals(List.of(), wrong, "genvag-differences.tsv must list exactly where genvag differs\n" + summary);
    }
}
