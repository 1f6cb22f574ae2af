// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.genvag.core.genome.GenomeBuild;
import org.genvag.io.vcf.FieldKey;
import org.genvag.io.vcf.VcfReader;
import org.genvag.io.vcf.VcfRecord;
import org.genvag.pipeline.panel.PanelFiltering;
import org.genvag.spark.LocalSpark;
import org.genvag.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ./genvag-spark's commands in-process: query's rows are genvag filter's records times the samples that carry
 * them; Parquet holds the same rows; a user's mistake is exit 2 with nothing written.
 */
class SparkCommandsTest {
    private static final FieldKey GENES = FieldKey.of("GENVAG_GENES");

    @TempDir
    Path dir;

    @Test
    void queryRowsAreFilteredRecordsTimesTheirCarriers() throws IOException {
        Path panel = Fixtures.path("panels/chr22-genes.txt");
        List<String> vcfs = List.of(Fixtures.path("vcf/hapmap_exome_chr22.vcf.gz").toString(),
                Fixtures.path("vcf/chr22.vcf.gz").toString());
        List<String> expected = new ArrayList<>();
        for (String vcf : vcfs) {
            Path kept = dir.resolve("kept-" + Path.of(vcf).getFileName() + ".vcf");
            PanelFiltering.run(vcf, kept.toString(), PanelFiltering.Options.builder(List.of(panel))
                    .genomeBuild(GenomeBuild.GRCH37).index(false).build());
            try (VcfReader reader = VcfReader.open(kept.toString(), 1)) {
                VcfRecord r = new VcfRecord();
                int gt = -1;
                while (reader.next(r)) {
                    gt = r.formatIndex(FieldKey.of("GT"));
                    for (int s = 0; s < reader.samples().size(); s++) {
                        String g = r.text(r.sampleValue(s, gt));
                        if (carries(g)) {
                            expected.add(reader.samples().get(s) + "\t" + r.contigName() + "\t" + r.pos() + "\t"
                                    + r.ref() + "\t" + r.alt() + "\t" + r.infoString(GENES) + "\t" + g);
                        }
                    }
                }
            }
        }
        Path tsv = dir.resolve("rows.tsv");
        List<String> args = new ArrayList<>(List.of("query", "--master", "local[2]", "--panel", panel.toString(),
                "--build", "GRCh37", "--partition-bytes", "65536", "-o", tsv.toString()));
        args.addAll(vcfs);
        assertEquals(0, SparkMain.run(args.toArray(new String[0])));
        List<String> lines = Files.readAllLines(tsv);
        assertEquals("#sample\tchrom\tpos\tid\tref\talt\tqual\tfilter\tgenes\tpanels\tgt", lines.get(0));
        List<String> actual = lines.subList(1, lines.size()).stream().map(l -> {
            String[] f = l.split("\t");
            return f[0] + "\t" + f[1] + "\t" + f[2] + "\t" + f[4] + "\t" + f[5] + "\t" + f[8] + "\t" + f[10];
        }).toList();
        assertTrue(expected.size() > 500, "rows: " + expected.size());
        assertEquals(expected, actual);

        Path parquet = dir.resolve("rows.parquet");
        args.set(args.indexOf(tsv.toString()), parquet.toString());
        args.addAll(1, List.of("--format", "parquet"));
        assertEquals(0, SparkMain.run(args.toArray(new String[0])));
        assertEquals(expected.size(), LocalSpark.get().read().parquet(parquet.toString()).count());
        assertNoLeftovers();
    }

    @Test
    void aMistakeIsExitTwoAndNothingIsWritten() throws IOException {
        Path out = dir.resolve("never.tsv");
        assertEquals(2, SparkMain.run("query", "--master", "local[1]", "--panel", dir.resolve("missing.txt").toString(),
                "-o", out.toString(), Fixtures.path("vcf/chr22.vcf.gz").toString()));
        Path typo = Files.writeString(dir.resolve("typo.txt"), "BRAF\nNOT_A_GENE_XYZ\n");
        assertEquals(2, SparkMain.run("query", "--master", "local[1]", "--panel", typo.toString(), "--build",
                "GRCh37", "-o", out.toString(), Fixtures.path("vcf/chr22.vcf.gz").toString()));
        Path broken = Files.writeString(dir.resolve("broken.vcf"), "##fileformat=VCFv4.2\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\n22\tx\t.\tA\tC\t.\t.\t.\tGT\t0/1\n");
        assertEquals(2, SparkMain.run("query", "--master", "local[1]", "--panel",
                Fixtures.path("panels/chr22-genes.txt").toString(), "--build", "GRCh37", "-o", out.toString(),
                broken.toString()));
        assertFalse(Files.exists(out));
        assertNoLeftovers();
    }

    private void assertNoLeftovers() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<String> names = s.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().noneMatch(n -> n.contains("partial") || n.contains(".tmp")), names.toString());
        }
    }

    private static boolean carries(String gt) {
        for (String allele : gt.split("[/|]")) {
            if (!allele.equals("0") && !allele.equals(".")) {
                return true;
            }
        }
        return false;
    }
}
