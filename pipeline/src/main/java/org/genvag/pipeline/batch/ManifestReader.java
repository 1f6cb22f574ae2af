// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.genvag.core.error.InputException;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.core.tumour.TumourType;
import org.genvag.io.kb.OncoTreeReader;
import org.genvag.io.panel.BuildDetector;
import org.genvag.io.text.InputFiles;
import org.genvag.io.variants.VariantSources;
import org.genvag.io.vcf.VcfReader;

/**
 * Reads and validates a batch manifest: a TSV whose header names its columns (id, type, vcf, sv_vcf, bam,
 * normal_bam, callable, build, sample, tumour_type; "tumor" for tumour and "cram" for bam are accepted).
 * {@code tumour_type} is the tumour's OncoTree code (a label's exclusions apply by it). {@code sample} names the
 * VCF column a row reports on; a manifest with a {@code sample} column and no {@code id} column is read as before
 * that column existed, its {@code sample} being the id. Every problem
 * in the file is collected, each with its line, and reported at once before any work starts: unknown or missing
 * columns, rows of the wrong width, empty or repeated ids, unknown types, missing files, a tumour with nothing to
 * analyse, a VCF whose header says another build than the manifest.
 */
public final class ManifestReader {
    private static final Map<String, String> COLUMNS = Map.ofEntries(Map.entry("id", "id"),
            Map.entry("type", "type"), Map.entry("vcf", "vcf"),
            Map.entry("sv_vcf", "sv_vcf"), Map.entry("bam", "bam"), Map.entry("cram", "bam"),
            Map.entry("normal_bam", "normal_bam"), Map.entry("callable", "callable"), Map.entry("build", "build"),
            Map.entry("sample", "sample"), Map.entry("tumour_type", "tumour_type"),
            Map.entry("tumor_type", "tumour_type"));
    private static final String KNOWN = "id, type, vcf, sv_vcf, bam, normal_bam, callable, build, sample, tumour_type";

    private ManifestReader() {
    }

    public static List<SampleEntry> read(Path manifest) throws IOException {
        List<String> lines = InputFiles.readLines(manifest, "manifest file");
        Path base = manifest.toAbsolutePath().getParent();
        List<String> problems = new ArrayList<>();
        int headerLine = 0;
        while (headerLine < lines.size() && (lines.get(headerLine).isBlank()
                || lines.get(headerLine).startsWith("##"))) {
            headerLine++;
        }
        if (headerLine == lines.size()) {
            throw new InputException(manifest + ": empty manifest: expected a header line naming the columns ("
                    + KNOWN + ")");
        }
        String[] header = strip(lines.get(headerLine)).split("\t", -1);
        Map<String, Integer> at = new LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) {
            String name = COLUMNS.get(header[i].trim().toLowerCase(Locale.ROOT));
            if (name == null) {
                problems.add(where(manifest, headerLine + 1) + "unknown column '" + header[i] + "' (known: " + KNOWN
                        + ")");
            } else if (at.putIfAbsent(name, i) != null) {
                problems.add(where(manifest, headerLine + 1) + "column '" + header[i] + "' given twice");
            }
        }
        if (!at.containsKey("id") && at.containsKey("sample")) {
            at.put("id", at.remove("sample"));   // the older manifests' name for the id column
        }
        for (String required : List.of("id", "type")) {
            if (!at.containsKey(required)) {
                problems.add(where(manifest, headerLine + 1) + "no '" + required + "' column");
            }
        }
        List<SampleEntry> out = new ArrayList<>();
        Map<String, Long> ids = new HashMap<>();
        for (int n = headerLine + 1; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            long lineNo = n + 1;
            String[] f = line.split("\t", -1);
            if (f.length != header.length) {
                problems.add(where(manifest, lineNo) + "expected " + header.length + " tab-separated columns, found "
                        + f.length);
                continue;
            }
            String id = value(f, at, "id");
            Long seen = id == null ? null : ids.putIfAbsent(id, lineNo);
            if (id == null) {
                problems.add(where(manifest, lineNo) + "empty id");
            } else if (seen != null) {
                problems.add(where(manifest, lineNo) + "sample id '" + id + "' repeats line " + seen);
            } else if (!id.matches("[A-Za-z0-9._-]+")) {
                problems.add(where(manifest, lineNo) + "sample id '" + id + "' may only use letters, digits, '.', "
                        + "'_' and '-' (it names the sample's output directory)");
            }
            String typeText = value(f, at, "type");
            SampleEntry.Type type = null;
            if (typeText == null) {
                problems.add(where(manifest, lineNo) + "empty type (germline or tumour)");
            } else {
                switch (typeText.toLowerCase(Locale.ROOT)) {
                    case "germline" -> type = SampleEntry.Type.GERMLINE;
                    case "tumour", "tumor", "somatic" -> type = SampleEntry.Type.TUMOUR;
                    default -> problems.add(where(manifest, lineNo) + "type '" + typeText + "' is neither germline "
                            + "nor tumour");
                }
            }
            Path vcf = file(f, at, "vcf", base, manifest, lineNo, problems);
            Path sv = file(f, at, "sv_vcf", base, manifest, lineNo, problems);
            Path bam = file(f, at, "bam", base, manifest, lineNo, problems);
            Path normal = file(f, at, "normal_bam", base, manifest, lineNo, problems);
            Path callable = file(f, at, "callable", base, manifest, lineNo, problems);
            GenomeBuild build = null;
            String buildText = value(f, at, "build");
            if (buildText != null) {
                try {
                    build = GenomeBuild.parse(buildText);
                } catch (InputException e) {
                    problems.add(where(manifest, lineNo) + e.getMessage());
                }
            }
            if (vcf == null && sv == null && bam == null && value(f, at, "vcf") == null
                    && value(f, at, "sv_vcf") == null && value(f, at, "bam") == null) {
                problems.add(where(manifest, lineNo) + "no VCF, SV VCF or BAM: nothing to analyse");
            }
            String sample = value(f, at, "sample");
            if (vcf != null) {
                checkVcf(vcf, build, sample, type, manifest, lineNo, problems);
            }
            if (sv != null && build != null) {
                checkVcf(sv, build, null, null, manifest, lineNo, problems);
            }
            TumourType tumourType = null;
            String tumourText = value(f, at, "tumour_type");
            if (tumourText != null && type == SampleEntry.Type.GERMLINE) {
                problems.add(where(manifest, lineNo) + "tumour_type '" + tumourText + "' on a germline row");
            } else if (tumourText != null) {
                try {
                    tumourType = OncoTreeReader.tumourType(OncoTreeReader.bundled(), tumourText, "tumour_type");
                } catch (InputException ex) {
                    problems.add(where(manifest, lineNo) + ex.getMessage());
                }
            }
            out.add(new SampleEntry(lineNo, id, type, vcf, sv, bam, normal, callable, build, sample, tumourType));
        }
        if (out.isEmpty() && problems.isEmpty()) {
            problems.add(where(manifest, headerLine + 1) + "no samples below the header");
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                    + " in the manifest, nothing was run:\n  " + String.join("\n  ", problems));
        }
        return out;
    }

    /**
     * The VCF's header against the row: its build when the row gives one, and which sample the row is about. A
     * germline row over a multi-sample VCF must name its sample: reporting the first column's genotypes for a
     * sample that is not the first would be a wrong report that looks right.
     */
    private static void checkVcf(Path vcf, GenomeBuild build, String sample, SampleEntry.Type type, Path manifest,
                                 long line, List<String> problems) {
        try (VcfReader r = VariantSources.open(vcf.toString(), 1)) {
            if (build != null) {
                Optional<BuildDetector.Detected> d = BuildDetector.detect(r.header());
                if (d.isPresent() && d.get().build() != build) {
                    problems.add(where(manifest, line) + "build " + build + ", but " + vcf + " is " + d.get().build()
                            + " (" + d.get().evidence() + ")");
                }
            }
            List<String> samples = r.samples();
            if (sample != null && !samples.contains(sample)) {
                problems.add(where(manifest, line) + "sample '" + sample + "' is not a column of " + vcf
                        + " (its samples: " + named(samples) + ")");
            } else if (sample == null && type == SampleEntry.Type.GERMLINE && samples.size() > 1) {
                problems.add(where(manifest, line) + vcf + " holds " + samples.size() + " samples (" + named(samples)
                        + "): name the one this row reports on in a 'sample' column");
            }
        } catch (InputException | IOException e) {
            if (build != null) {
                problems.add(where(manifest, line) + e.getMessage());
            }
            // Otherwise the sample fails alone when it runs, with this same message: one unreadable file does
            // not hold up the batch.
        }
    }

    private static String named(List<String> samples) {
        return samples.isEmpty() ? "none" : samples.size() <= 8 ? String.join(", ", samples)
                : String.join(", ", samples.subList(0, 8)) + ", ... (" + samples.size() + ")";
    }

    private static Path file(String[] f, Map<String, Integer> at, String column, Path base, Path manifest, long line,
                             List<String> problems) {
        String v = value(f, at, column);
        if (v == null) {
            return null;
        }
        Path p;
        try {
            p = base.resolve(v).normalize();
        } catch (InvalidPathException e) {
            problems.add(where(manifest, line) + column + " '" + v + "' is not a path: " + e.getReason());
            return null;
        }
        if (!Files.isRegularFile(p)) {
            problems.add(where(manifest, line) + column + " " + v + ": no such file" + (Files.isDirectory(p)
                    ? " (a directory)" : ""));
            return null;
        }
        return p;
    }

    private static String value(String[] f, Map<String, Integer> at, String column) {
        Integer i = at.get(column);
        if (i == null || i >= f.length) {
            return null;
        }
        String v = f[i].trim();
        return v.isEmpty() || v.equals(".") || v.equals("-") ? null : v;
    }

    private static String strip(String header) {
        return header.startsWith("#") ? header.substring(1) : header;
    }

    private static String where(Path manifest, long line) {
        return manifest + ":" + line + ": ";
    }
}
