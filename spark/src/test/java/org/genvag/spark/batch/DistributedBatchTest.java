// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.spark.sql.Row;
import org.genvag.pipeline.batch.BatchOptions;
import org.genvag.pipeline.batch.BatchRun;
import org.genvag.pipeline.batch.ManifestReader;
import org.genvag.pipeline.batch.SampleOutcome;
import org.genvag.spark.GenvagSpark;
import org.genvag.spark.LocalSpark;
import org.genvag.testdata.BatchFixture;
import org.genvag.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distributed batch writes what {@code genvag annotate} writes: per sample the same files with the same bytes
 * (sample.json apart from its timing), the same summaries; a broken sample fails alone with its message; a re-run
 * skips what is done.
 */
public class DistributedBatchTest {
    @TempDir
    Path dir;

    /** The batch tests' manifest ({@link BatchFixture}): hapmap, tumour, and a bad sample. */
    public static Path manifest(Path dir) throws IOException {
        return BatchFixture.manifest(dir, Fixtures.path("vcf/hapmap_exome_chr22.vcf.gz"));
    }

    public static BatchOptions options(Path dir, boolean force) {
        return new BatchOptions(List.of(dir.resolve("panel.txt")), 0, null, 2, force, "test");
    }

    @Test
    void sameOutputsAsGenvagAnnotateAndTheBadSampleFailsAlone() throws IOException {
        Path manifest = manifest(dir);
        Path single = dir.resolve("single");
        List<SampleOutcome> expected = BatchRun.run(ManifestReader.read(manifest), single, options(dir, false), null);
        Path spark = dir.resolve("spark");
        List<Row> summary = GenvagSpark.annotate(LocalSpark.get(), manifest, options(dir, false), spark.toString())
                .collectAsList();
        assertEquals(List.of("hapmap", "tumour", "bad"), summary.stream().map(r -> r.getString(0)).toList());
        assertEquals(List.of("done", "done", "failed"), summary.stream().map(r -> r.getString(2)).toList());
        assertTrue(summary.get(2).getString(10).contains("garbage.vcf:1"), summary.get(2).getString(10));
        assertEquals(expected.get(1).biomarkers(), summary.get(1).getList(6));
        assertSameSampleOutputs(single, spark);
        assertEquals(withoutSeconds(single.resolve("summary.tsv")), withoutSeconds(spark.resolve("summary.tsv")));
        assertFalse(Files.exists(spark.resolve("bad")), "a failed sample leaves no output directory");

        List<Row> again = GenvagSpark.annotate(LocalSpark.get(), manifest, options(dir, false), spark.toString())
                .collectAsList();
        assertEquals(List.of(BatchRun.SKIPPED, BatchRun.SKIPPED, "failed"),
                again.stream().map(r -> r.getString(2)).toList());
    }

    /**
     * Every file of every finished sample has the same bytes; sample.json apart from its "seconds", report.html
     * apart from the time it was written.
     */
    public static void assertSameSampleOutputs(Path single, Path spark) throws IOException {
        for (String sample : List.of("hapmap", "tumour")) {
            List<Path> ours = files(spark.resolve(sample));
            List<Path> theirs = files(single.resolve(sample));
            assertEquals(theirs.stream().map(p -> single.resolve(sample).relativize(p).toString()).toList(),
                    ours.stream().map(p -> spark.resolve(sample).relativize(p).toString()).toList(), sample);
            for (int i = 0; i < ours.size(); i++) {
                String name = ours.get(i).getFileName().toString();
                if (name.equals("sample.json") || name.equals("report.html")) {
                    assertEquals(withoutSeconds(theirs.get(i)), withoutSeconds(ours.get(i)), ours.get(i).toString());
                } else {
                    assertArrayEquals(Files.readAllBytes(theirs.get(i)), Files.readAllBytes(ours.get(i)),
                            ours.get(i).toString());
                }
            }
        }
    }

    public static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /**
     * The text without the run's timing: the "seconds" field of JSON, the seconds column of summary.tsv, the time
     * a report was written.
     */
    public static List<String> withoutSeconds(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (file.toString().endsWith(".tsv")) {
                String[] f = line.split("\t", -1);
                f[9] = "";
                out.add(String.join("\t", f));
            } else {
                out.add(line.replaceAll("\"seconds\" : [0-9.E-]+", "\"seconds\" : _")
                        .replaceAll("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+(Z|[+-]\\d\\d:\\d\\d)", "TIME"));
            }
        }
        return out;
    }
}
