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
import org.genvag.core.genome.Gene;
import org.genvag.core.genome.GeneResolution;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.io.genes.GeneTableReader;
import org.genvag.io.kb.KnowledgeBaseReader;
import org.genvag.pipeline.batch.BatchOptions;
import org.genvag.pipeline.batch.BatchRun;
import org.genvag.pipeline.batch.ManifestReader;
import org.genvag.pipeline.batch.SampleOutcome;
import org.genvag.spark.GenvagSpark;
import org.genvag.spark.LocalSpark;
import org.genvag.testdata.BamGenerator;
import org.genvag.testdata.Contig;
import org.genvag.testdata.Region;
import org.genvag.testdata.SyntheticGenome;
import org.genvag.testdata.TumourGenerator;
import org.genvag.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distributed batch writes what {@code genvag annotate} writes: per sample the same files with the same bytes
 * (sample.json apart from its timing), the same summaries; a broken sample fails alone with its message; a re-run
 * skips what is done.
 */
public class DistributedBatchTest {
    static final List<String> TUMOUR_GENES = List.of("BRAF", "NTRK3", "ETV6", "KRAS");
    static final String HAPMAP_SAMPLE = "NA12878@1099927697";

    @TempDir
    Path dir;

    /** A germline exome (HapMap), a generated tumour with a BAM, and a VCF that is not one. */
    public static Path manifest(Path dir) throws IOException {
        GenomeBuild b = GenomeBuild.GRCH38;
        new TumourGenerator(new TumourGenerator.Options(b, true, TUMOUR_GENES, 40, true, "ETV6::NTRK3", 11),
                KnowledgeBaseReader.bundled()).write(dir.resolve("t.somatic.vcf"), dir.resolve("t.sv.vcf"),
                dir.resolve("t.callable.bed"));
        List<Region> regions = new ArrayList<>();
        for (String name : TUMOUR_GENES) {
            Gene g = ((GeneResolution.Found) GeneTableReader.bundled(b).resolve(name)).gene();
            int contig = GenomeBuild.PRIMARY_CONTIGS.indexOf(g.contig());
            regions.add(new Region(contig, g.start() - 1L, Math.min(g.end(), g.start() + 5_000L)));
        }
        new BamGenerator(new SyntheticGenome(3), Contig.parse("GRCh38", true),
                BamGenerator.Options.defaults().withSeed(3)).write(regions, dir.resolve("t.bam"));
        Files.write(dir.resolve("garbage.vcf"), new byte[] {1, 2, 3, 4, '\n'});
        Files.copy(Fixtures.path("vcf/hapmap_exome_chr22.vcf.gz"), dir.resolve("hapmap.vcf.gz"));
        Files.writeString(dir.resolve("panel.txt"), String.join("\n", TUMOUR_GENES) + "\n");
        return Files.writeString(dir.resolve("samples.tsv"), "id\ttype\tvcf\tsv_vcf\tbam\tcallable\tbuild\tsample\t"
                + "tumour_type\n"
                + "hapmap\tgermline\thapmap.vcf.gz\t.\t.\t.\tGRCh37\t" + HAPMAP_SAMPLE + "\t.\n"
                + "tumour\ttumour\tt.somatic.vcf\tt.sv.vcf\tt.bam\tt.callable.bed\t.\t.\tCOAD\n"
                + "bad\tgermline\tgarbage.vcf\t.\t.\t.\t.\t.\t.\n");
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

    static List<Path> files(Path dir) throws IOException {
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
