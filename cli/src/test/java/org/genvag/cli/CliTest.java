// SPDX-License-Identifier: Apache-2.0
package org.genvag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CliTest {
    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void helpListsEveryCommand() {
        Run r = run("--help");
        assertEquals(0, r.exit());
        for (String command : List.of("view", "validate", "filter", "panel", "genes", "biomarkers", "store",
                "annotate", "msi", "kb")) {
            assertTrue(r.out().contains(command), r.out());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"view", "validate", "filter", "panel", "coverage", "biomarkers", "annotate", "msi",
        "msi scan", "msi call", "msi baseline", "store", "store build", "store query", "store info", "genes", "kb",
        "kb check"})
    void everyCommandHasHelp(String command) {
        String[] words = (command + " --help").split(" ");
        Run r = run(words);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Usage: genvag " + command), r.out());
    }

    /** A command list gives each command one whole sentence, never a description cut where a line ended. */
    @ParameterizedTest
    @ValueSource(strings = {"", "store", "msi", "kb"})
    void commandListsGiveWholeSentences(String parent) {
        Run r = run((parent.isEmpty() ? "--help" : parent + " --help").split(" "));
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        int at = lines.indexOf("Commands:");
        assertTrue(at >= 0, r.out());
        List<String> entries = new ArrayList<>();
        for (String line : lines.subList(at + 1, lines.size())) {
            if (line.isBlank()) {
                break;
            }
            if (line.startsWith("  ") && !line.startsWith("   ")) {
                entries.add(line.strip());
            } else {
                entries.set(entries.size() - 1, entries.get(entries.size() - 1) + " " + line.strip());
            }
        }
        assertTrue(!entries.isEmpty(), r.out());
        for (String e : entries) {
            assertTrue(e.endsWith("."), "cut mid-sentence: " + e);
        }
    }

    @Test
    void aMistypedCommandGetsTheNearestSuggested() {
        Run r = run("filtr", "x.vcf");
        assertEquals(Main.EXIT_INPUT, r.exit());
        assertTrue(r.err().contains("Did you mean: genvag filter?"), r.err());
    }

    @Test
    void genesReportsUnknownAndAmbiguousWithExit2() {
        Run r = run("genes", "BRAF", "NO_SUCH_GENE_1");
        assertEquals(Main.EXIT_INPUT, r.exit());
        assertTrue(r.out().contains("BRAF\tfound\tsymbol\tBRAF\tENSG00000157764"), r.out());
        assertTrue(r.out().contains("NO_SUCH_GENE_1\tunknown"), r.out());
    }

    @Test
    void badBuildIsOneClearLineNotAStackTrace() {
        Run r = run("genes", "--build", "hg18", "BRAF");
        assertEquals(Main.EXIT_INPUT, r.exit());
        assertEquals("genvag: error: unknown genome build 'hg18': expected GRCh37 (hg19, b37) or GRCh38 (hg38)",
                r.err().strip());
    }

    private static Path fixture(String relative) {
        return org.genvag.testsupport.Fixtures.path(relative);
    }

    @Test
    void viewCopiesAVcfByteForByteAndWritesBgzfWithIndex(@TempDir Path dir) throws IOException {
        Path in = fixture("vcf/ex2.vcf");
        Path out = dir.resolve("out.vcf");
        assertEquals(0, run("view", in.toString(), "-o", out.toString()).exit());
        assertEquals(Files.readString(in), Files.readString(out));
        Path gz = dir.resolve("out.vcf.gz");
        Run r = run("view", in.toString(), "-o", gz.toString(), "--index", "--threads", "2");
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.exists(dir.resolve("out.vcf.gz.tbi")));
        try (var z = new java.util.zip.GZIPInputStream(Files.newInputStream(gz))) {
            assertEquals(Files.readString(in), new String(z.readAllBytes()));
        }
    }

    @Test
    void viewReadsStandardInput(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out.vcf");
        var stdin = System.in;
        try {
            System.setIn(Files.newInputStream(fixture("vcf/chr7-sub.vcf.gz")));
            assertEquals(0, run("view", "-", "-o", out.toString(), "-H").exit());
        } finally {
            System.setIn(stdin);
        }
        assertEquals(3791, Files.readAllLines(out).size());
    }

    @Test
    void truncatedInputIsOneLineErrorAndLeavesNoOutput(@TempDir Path dir) throws IOException {
        byte[] whole = Files.readAllBytes(fixture("vcf/chr22.vcf.gz"));
        Path cut = dir.resolve("cut.vcf.gz");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length - 28));   // drop the EOF block
        Path out = dir.resolve("out.vcf");
        Run r = run("view", cut.toString(), "-o", out.toString());
        assertEquals(Main.EXIT_INPUT, r.exit());
        assertEquals("genvag: error: " + cut + ": missing BGZF EOF block at compressed offset " + (whole.length - 28)
                + ": the file is truncated or its writer did not finish", r.err().strip());
        assertFalse(Files.exists(out));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(cut), files.toList(), "no temp file left");
        }
    }

    @Test
    void validateCountsRecordsAndReportsEveryProblem(@TempDir Path dir) throws IOException {
        Run ok = run("validate", fixture("vcf/h1187-10k.vcf.gz").toString());
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(ok.out().contains(": 9999 records, 0 errors"), ok.out());
        // The GATK HapMap exome declares INFO GC as an Integer and writes 75.25: a value that breaks its declaration
        // breaks the specification (bcftools silently truncates it to 75).
        Run gc = run("validate", fixture("vcf/hapmap_exome_chr22.vcf.gz").toString());
        assertEquals(Main.EXIT_INPUT, gc.exit());
        assertTrue(gc.err().contains(":166: error: INFO GC (Number=1, Type=Integer): value '75.25' is not an Integer"),
                gc.err());
        assertTrue(gc.out().contains(": 1011 records, 1 errors"), gc.out());
        Run bad = run("validate", fixture("sv/manta-1.1.1.vcf").toString());
        assertEquals(Main.EXIT_INPUT, bad.exit());
        assertTrue(bad.err().contains("manta-1.1.1.vcf:80: error: expected 10 tab-separated columns (1 samples in "
                + "the header), found 8"), bad.err());
        // Manta 1.1.1 also declares FORMAT GQ as a Float, where the specification reserves it as an Integer.
        assertTrue(bad.err().contains("manta-1.1.1.vcf:45: error: ##FORMAT GQ: the specification reserves GQ with "
                + "Type=Integer, not Float"), bad.err());
        assertTrue(bad.out().contains("11 records, 6 errors"), bad.out());
    }

    @Test
    void filterKeepsPanelRecordsByteIdenticalWithGenesAndPanelsTagged(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("kept.vcf");
        Run r = run("filter", "--panel", fixture("panels/chr22-genes.txt").toString(), "--panel",
                fixture("panels/regions-chr22.bed").toString(), "--build", "GRCh37", "-i",
                fixture("vcf/hapmap_exome_chr22.vcf.gz").toString(), "-o", out.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> kept = Files.readAllLines(out).stream().filter(l -> !l.startsWith("#")).toList();
        assertTrue(kept.size() > 10, r.err());
        String summary = r.err();
        assertTrue(summary.contains("1011 records read, " + kept.size() + " kept"), summary);
        assertTrue(summary.contains("panel chr22-genes: 27 genes resolved, 0 regions, 0 unresolved"), summary);
        // Each kept line is an input line with ";GENVAG_GENES=...;GENVAG_PANELS=..." appended to INFO.
        List<String> input;
        try (var z = new java.util.zip.GZIPInputStream(Files.newInputStream(fixture("vcf/hapmap_exome_chr22.vcf.gz")))) {
            input = new String(z.readAllBytes()).lines().toList();
        }
        for (String line : kept) {
            String[] f = line.split("\t", -1);
            int at = f[7].indexOf(";GENVAG_GENES=");
            assertTrue(at >= 0 && f[7].substring(at).matches(";GENVAG_GENES=[A-Za-z0-9_.,:-]+;GENVAG_PANELS=[a-z0-9,-]+"),
                    f[7]);
            f[7] = f[7].substring(0, at);
            assertTrue(input.contains(String.join("\t", f)), "kept line must be an input line plus tags: " + line);
        }
    }

    @Test
    void filterRejectsABuildMismatchAndAskForABuildItCannotTell(@TempDir Path dir) throws IOException {
        Path vcf = dir.resolve("in.vcf");
        Files.writeString(vcf, "##fileformat=VCFv4.2\n##contig=<ID=chr1,length=248956422>\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\nchr1\t100\t.\tA\tC\t.\t.\t.\n");
        Run r = run("filter", "--panel", fixture("panels/small-panel.tsv").toString(), "--build", "GRCh37", "-i",
                vcf.toString(), "-o", dir.resolve("o.vcf").toString());
        assertEquals(Main.EXIT_INPUT, r.exit());
        assertEquals("genvag: error: genome build mismatch: --build GRCh37, but " + vcf
                + " is GRCh38 (##contig chr1 length 248956422)", r.err().strip());
        Files.writeString(vcf, "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n");
        r = run("filter", "--panel", fixture("panels/small-panel.tsv").toString(), "-i", vcf.toString());
        assertEquals(Main.EXIT_INPUT, r.exit());
        assertTrue(r.err().contains("the header does not tell the genome build"), r.err());
        assertFalse(Files.exists(dir.resolve("o.vcf")));
    }

    @Test
    void panelReportsUnresolvedGenesAndWritesBed(@TempDir Path dir) throws IOException {
        Path bed = dir.resolve("p.bed");
        String panel = fixture("panels/tumour-agnostic.txt").toString();
        // A gene that does not resolve is an error by default: the name and its file:line, and no BED written.
        Run refused = run("panel", "--panel", panel, "--bed", bed.toString());
        assertEquals(Main.EXIT_INPUT, refused.exit());
        assertTrue(refused.err().contains("1 gene names did not resolve on GRCh38"), refused.err());
        assertTrue(refused.err().contains("tumour-agnostic.txt:"), refused.err());
        assertTrue(refused.err().contains("NOT_A_REAL_GENE"), refused.err());
        assertFalse(Files.exists(bed));
        Run r = run("panel", "--panel", panel, "--bed", bed.toString(), "--chr-prefix", "--allow-unresolved");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("tumour-agnostic (GRCh38): 7 genes resolved, 0 regions, 1 unresolved"), r.out());
        assertTrue(r.out().contains("gene 'NOT_A_REAL_GENE' is unknown"), r.out());
        assertTrue(Files.readAllLines(bed).contains("chr7\t140719326\t140924928\tBRAF"), Files.readString(bed));
        // --strict, the old way to ask for the error, is still understood; with --allow-unresolved it contradicts.
        assertEquals(Main.EXIT_INPUT, run("panel", "--panel", panel, "--strict").exit());
        assertEquals(Main.EXIT_INPUT, run("panel", "--panel", panel, "--strict", "--allow-unresolved").exit());
    }

    @Test
    void coverageWritesItsFourReportsAndNamesABuildItCannotTell(@TempDir Path dir) throws IOException {
        Path bed = dir.resolve("p.bed");
        Files.writeString(bed, "seq1\t0\t1575\tS1\nseq2\t0\t1584\tS2\n");
        String prefix = dir.resolve("cov").toString();
        // A gene panel needs the build, and this BAM's header (seq1, seq2) does not tell it.
        Run noBuild = run("coverage", "--bam", fixture("bam/rsamtools-ex1.bam").toString(), "--panel",
                fixture("panels/chr22-genes.txt").toString(), "--out-prefix", prefix);
        assertEquals(Main.EXIT_INPUT, noBuild.exit());
        assertTrue(noBuild.err().contains("the header does not tell the genome build"), noBuild.err());
        // BED regions need none: the same BAM with a BED panel runs without --build.
        Run regions = run("coverage", "--bam", fixture("bam/rsamtools-ex1.bam").toString(), "--panel", bed.toString(),
                "--out-prefix", prefix + "-nobuild");
        assertEquals(0, regions.exit(), regions.err());
        assertTrue(Files.readString(Path.of(prefix + "-nobuild.summary.json")).contains("\"none\""),
                "the summary says no build was needed");
        Run r = run("coverage", "--bam", fixture("bam/rsamtools-ex1.bam").toString(), "--panel", bed.toString(),
                "--build", "GRCh38", "--out-prefix", prefix, "--thresholds", "5,10,20");
        assertEquals(0, r.exit(), r.err());
        for (String suffix : List.of(".regions.tsv", ".genes.tsv", ".lowcov.bed.gz", ".summary.json")) {
            assertTrue(Files.size(Path.of(prefix + suffix)) > 0, suffix);
        }
        List<String> genes = Files.readAllLines(Path.of(prefix + ".genes.tsv"));
        assertEquals("#gene\tpanel\tchrom\tstart\tend\tbases\tmean\tmedian\tmin\tpct_ge_5x\tpct_ge_10x"
                + "\tpct_ge_20x\tqc", genes.get(0));
        assertEquals(3, genes.size());
        String summary = Files.readString(Path.of(prefix + ".summary.json"));
        assertTrue(summary.contains("\"genesFailingQc\"") && summary.contains("\"panelBases\" : 3159"), summary);
        Run badQc = run("coverage", "--bam", fixture("bam/rsamtools-ex1.bam").toString(), "--panel", bed.toString(),
                "--build", "GRCh38", "--out-prefix", prefix, "--thresholds", "5,10", "--qc-depth", "20");
        assertEquals(Main.EXIT_INPUT, badQc.exit());
        assertEquals("genvag: error: the QC depth 20x must be one of the thresholds [5, 10]", badQc.err().strip());
    }

    @Test
    void biomarkersWritesTheJsonReportAndASummary(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("report.json");
        Run r = run("biomarkers", "--somatic-vcf", fixture("somatic/colon2-sample.vcf").toString(), "--sv-vcf",
                fixture("sv/colo829_somatic_manta.vcf").toString(), "--sample", "COLO829T", "--territory-mb", "30",
                "--tumour-type", "coad", "--out", out.toString());
        // colon2's only sample is not COLO829T: the name is looked up per file, and a single-sample file has one.
        assertEquals(0, r.exit(), r.err());
        String json = Files.readString(out);
        assertTrue(json.contains("\"schema\" : \"genvag-biomarkers\",\n  \"version\" : \"3.0\""), json);
        assertTrue(json.contains("\"code\" : \"COAD\""), json);
        assertTrue(r.err().contains("tumour type COAD (Colon Adenocarcinoma)"), r.err());
        assertTrue(json.contains("\"assessedNotFound\""), json);
        assertTrue(r.err().contains("not assessable: MSI-high"), r.err());
        assertTrue(r.err().contains("TMB 0.00 mut/Mb"), r.err());
    }

    @Test
    void biomarkersRejectsATumourTypeThatIsNotAnOncoTreeCode(@TempDir Path dir) {
        Path out = dir.resolve("report.json");
        Run r = run("biomarkers", "--sv-vcf", fixture("sv/colo829_somatic_manta.vcf").toString(), "--tumour-type",
                "colorectal", "--out", out.toString());
        assertEquals(Main.EXIT_INPUT, r.exit());
        assertTrue(r.err().contains("--tumour-type: 'colorectal' is not an OncoTree code of release "
                + "oncotree_2025_10_03"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void kbCheckValidatesAndListsEntriesDueForReview(@TempDir Path dir) throws IOException {
        Run ok = run("kb", "check", "--as-of", "2026-11-29");
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(ok.out().contains("valid; every entry verified within 12 months of 2026-11-29"), ok.out());
        Run later = run("kb", "check", "--as-of", "2027-12-01");
        assertEquals(Main.EXIT_INPUT, later.exit());
        assertTrue(later.out().contains("review due: indication fda-entrectinib-ntrk-2019: not verified since "
                + "2026-11-22"), later.out());
        Path bad = dir.resolve("kb.json");
        Files.writeString(bad, "{\"format\": \"genvag-kb/2\", \"version\": \"1\"}");
        Run broken = run("kb", "check", "--kb", bad.toString());
        assertEquals(Main.EXIT_INPUT, broken.exit());
        assertTrue(broken.err().contains(bad + ": "), broken.err());
        assertTrue(broken.err().contains("oncotree_release: required"), broken.err());
    }

    @Test
    void biomarkersRejectsABadModeAndLeavesNoReport(@TempDir Path dir) {
        Path out = dir.resolve("report.json");
        Run r = run("biomarkers", "--sv-vcf", fixture("sv/colo829_somatic_manta.vcf").toString(), "--tmb-mode",
                "all", "--out", out.toString());
        assertEquals(Main.EXIT_INPUT, r.exit());
        assertTrue(r.err().contains("--tmb-mode must be coding or nonsynonymous"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aStoreViewsAndFiltersLikeItsVcf(@TempDir Path dir) throws IOException {
        Path vcf = fixture("vcf/hapmap_exome_chr22.vcf.gz");
        Path store = dir.resolve("hapmap.gvs");
        Run b = run("store", "build", vcf.toString(), "-o", store.toString());
        assertEquals(0, b.exit(), b.err());
        assertTrue(b.err().contains("1011 records"), b.err());
        assertEquals(0, run("view", store.toString(), "-o", dir.resolve("a.vcf").toString()).exit());
        assertEquals(0, run("view", vcf.toString(), "-o", dir.resolve("b.vcf").toString()).exit());
        assertEquals(-1, Files.mismatch(dir.resolve("a.vcf"), dir.resolve("b.vcf")));
        String panel = fixture("panels/chr22-genes.txt").toString();
        assertEquals(0, run("filter", "--panel", panel, "--in", store.toString(), "--out",
                dir.resolve("fa.vcf").toString()).exit());
        assertEquals(0, run("filter", "--panel", panel, "--in", vcf.toString(), "--out",
                dir.resolve("fb.vcf").toString(), "--mode", "stream").exit());
        assertEquals(-1, Files.mismatch(dir.resolve("fa.vcf"), dir.resolve("fb.vcf")));
        Run q = run("store", "query", "--panel", panel, "--stores", dir.toString(), "-o",
                dir.resolve("rows.tsv").toString());
        assertEquals(0, q.exit(), q.err());
        assertTrue(q.err().contains("1 stores"), q.err());
        assertTrue(Files.readString(dir.resolve("rows.tsv")).startsWith("#store\tsample\t"));
        Run vcfs = run("store", "query", "--panel", panel, "--stores", store.toString(), "--format", "vcf", "-o",
                dir.resolve("vcfs").toString());
        assertEquals(0, vcfs.exit(), vcfs.err());
        assertEquals(0, run("filter", "--panel", panel, "--in", store.toString(), "--index", "--out",
                dir.resolve("f.vcf.gz").toString()).exit());
        assertEquals(-1, Files.mismatch(dir.resolve("f.vcf.gz"), dir.resolve("vcfs/hapmap.vcf.gz")));
        Run odd = run("store", "query", "--panel", panel, "--stores", store.toString(), "--format", "bcf", "-o",
                dir.resolve("x").toString());
        assertEquals(Main.EXIT_INPUT, odd.exit());
        assertTrue(odd.err().contains("--format must be tsv or vcf, got 'bcf'"), odd.err());
        Run info = run("store", "info", store.toString());
        assertEquals(0, info.exit(), info.err());
        assertTrue(info.out().contains("records\t1011\n") && info.out().contains("bytes\t" + Files.size(store) + "\n"),
                info.out());
        assertTrue(info.out().contains("\npos\t"), "the POS column is listed: " + info.out());
    }

    /** An index of unsorted records is refused with the line that breaks the order, and no output is left. */
    @Test
    void indexingUnsortedRecordsIsOneClearLine(@TempDir Path dir) throws IOException {
        Path vcf = dir.resolve("unsorted.vcf");
        Files.writeString(vcf, "##fileformat=VCFv4.2\n##contig=<ID=22>\n##contig=<ID=21>\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n"
                + "22\t300\t.\tA\tC\t.\t.\t.\n22\t200\t.\tA\tC\t.\t.\t.\n");
        Path out = dir.resolve("x.vcf.gz");
        Run r = run("view", vcf.toString(), "--index", "-o", out.toString());
        assertEquals(Main.EXIT_INPUT, r.exit(), r.err());
        assertTrue(r.err().startsWith("genvag: error: " + vcf + ":6: not sorted: 22:200 comes after 22:300"), r.err());
        assertFalse(Files.exists(out), "no output");
        Files.writeString(vcf, "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n"
                + "22\t300\t.\tA\tC\t.\t.\t.\n21\t200\t.\tA\tC\t.\t.\t.\n22\t400\t.\tA\tC\t.\t.\t.\n");
        Run again = run("view", vcf.toString(), "--index", "-o", out.toString());
        assertEquals(Main.EXIT_INPUT, again.exit(), again.err());
        assertTrue(again.err().contains(":5: not sorted: contig 22 appears again"), again.err());
        assertEquals(0, run("view", vcf.toString(), "-o", dir.resolve("plain.vcf.gz").toString()).exit(),
                "without an index, order is the input's own");
    }

    @Test
    void aDamagedStoreIsOneClearLine(@TempDir Path dir) throws IOException {
        Path store = dir.resolve("x.gvs");
        assertEquals(0, run("store", "build", fixture("vcf/ex2.vcf").toString(), "-o", store.toString()).exit());
        byte[] bytes = Files.readAllBytes(store);
        Files.write(store, java.util.Arrays.copyOf(bytes, bytes.length - 3));
        Run r = run("view", store.toString());
        assertEquals(Main.EXIT_INPUT, r.exit());
        assertTrue(r.err().startsWith("genvag: error: " + store + ": truncated"), r.err());
    }

    @Test
    void annotateRunsEverySampleAndNamesTheOneThatFailed(@TempDir Path dir) throws IOException {
        Files.copy(fixture("vcf/hapmap_exome_chr22.vcf.gz"), dir.resolve("hapmap.vcf.gz"));
        Files.writeString(dir.resolve("broken.vcf"), "not a vcf\n");
        Path manifest = Files.writeString(dir.resolve("m.tsv"), "id\ttype\tvcf\tsample\n"
                + "hapmap\tgermline\thapmap.vcf.gz\tNA12878@1099927697\nbroken\tgermline\tbroken.vcf\t.\n");
        Run r = run("annotate", "--manifest", manifest.toString(), "--out-dir", dir.resolve("out").toString(),
                "--panel", fixture("panels/chr22-genes.txt").toString());
        assertEquals(Main.EXIT_INPUT, r.exit(), r.err());
        assertTrue(r.err().contains("genvag: error: sample broken failed: " + dir.resolve("broken.vcf") + ":1:"),
                r.err());
        assertTrue(Files.isRegularFile(dir.resolve("out/hapmap/report.html")));
        List<String> summary = Files.readAllLines(dir.resolve("out/summary.tsv"));
        assertTrue(summary.get(1).startsWith("hapmap\tgermline\tdone\t"), summary.get(1));
        assertTrue(summary.get(2).startsWith("broken\tgermline\tfailed\t"), summary.get(2));
    }

    @Test
    void msiScanRejectsOptionsOutOfRangeAndAFileThatIsNotFasta(@TempDir Path dir) throws IOException {
        Path fa = Files.writeString(dir.resolve("x.fa"), "ACGT\n");
        Run r = run("msi", "scan", "--reference", fa.toString(), "--max-unit", "9", "-o", dir.resolve("s.tsv")
                .toString());
        assertEquals(Main.EXIT_INPUT, r.exit());
        assertTrue(r.err().contains("unit 9"), r.err());
        Run notFasta = run("msi", "scan", "--reference", fa.toString(), "-o", dir.resolve("s.tsv").toString());
        assertEquals(Main.EXIT_INPUT, notFasta.exit());
        assertTrue(notFasta.err().contains(fa + ":1: expected a FASTA header line"), notFasta.err());
        assertFalse(Files.exists(dir.resolve("s.tsv")), "no half-written site list");
    }

    @Test
    void biomarkersAsksForAllThreeMsiInputs(@TempDir Path dir) {
        Run r = run("biomarkers", "--sv-vcf", fixture("sv/colo829_somatic_manta.vcf").toString(), "--bam", "t.bam",
                "--out", dir.resolve("r.json").toString());
        assertEquals(Main.EXIT_INPUT, r.exit());
        assertTrue(r.err().contains("MSI needs all three of --bam, --normal-bam and --msi-sites (or, tumour-only, "
                + "--msi-baseline instead of --normal-bam)"), r.err());
    }

    /** {@code genvag gff}: what an annotation holds and a gene's reported transcript; a malformed one names its line. */
    @Test
    void gffReportsTheAnnotationAndAGenesTranscript() throws IOException {
        Run r = run("gff", fixture("bcftools-csq/ENSG00000173376/ENSG00000173376.gff").toString(), "NDNF",
                "ENSG00000173376", "NOPE");
        assertEquals(Main.EXIT_INPUT, r.exit(), "a name not in the annotation");
        assertTrue(r.out().contains(": 1 genes, 2 transcripts (2 coding, 0 MANE Select, 0 Ensembl canonical), 8 exons,"
                + " 6 CDS segments"), r.out());
        assertTrue(r.out().contains("NDNF\tENSG00000173376\tNDNF\t4\t21\t37429\t-\tENST00000379692\tlongest_CDS"),
                r.out());
        assertTrue(r.out().contains("NOPE\tnot found"), r.out());
        Run bad = run("gff", fixture("bcftools-csq/ENST00000571540/ENST00000571540.gff").toString());
        assertEquals(Main.EXIT_INPUT, bad.exit());
        assertTrue(bad.err().contains("ENST00000571540.gff:1: start must be 1 or more"), bad.err());
    }

    /** bcftools habits: the input as the first argument (--in still works); a mistyped command gets the nearest one. */
    @Test
    void filterTakesItsInputPositionallyAndTyposGetASuggestion(@TempDir Path dir) throws IOException {
        String vcf = fixture("vcf/hapmap_exome_chr22.vcf.gz").toString();
        String panel = fixture("panels/chr22-genes.txt").toString();
        Run positional = run("filter", vcf, "--panel", panel, "-o", dir.resolve("a.vcf").toString());
        Run option = run("filter", "--in", vcf, "--panel", panel, "-o", dir.resolve("b.vcf").toString());
        assertEquals(0, positional.exit(), positional.err());
        assertEquals(0, option.exit(), option.err());
        assertEquals(Files.readString(dir.resolve("b.vcf")), Files.readString(dir.resolve("a.vcf")));
        Run both = run("filter", vcf, "--in", "other.vcf", "--panel", panel);
        assertEquals(Main.EXIT_INPUT, both.exit());
        assertTrue(both.err().contains("two inputs given"), both.err());
        Run none = run("filter", "--panel", panel);
        assertEquals(Main.EXIT_INPUT, none.exit());
        assertTrue(none.err().contains("no input"), none.err());
        Run typo = run("filtr", vcf);
        assertEquals(Main.EXIT_INPUT, typo.exit());
        assertTrue(typo.err().contains("Did you mean: genvag filter?"), typo.err());
    }

    /** --version names genvag and the libraries that decide what it reads and how fast, with their versions. */
    @Test
    void versionNamesGenvagHtsjdkAndGkl() {
        Run r = run("--version");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("genvag "), r.out());
        assertTrue(r.out().matches("(?s).*\\(htsjdk \\d+\\.\\d+\\.\\d+, Intel GKL \\d+\\.\\d+\\.\\d+; Java .*"), r.out());
    }
}
