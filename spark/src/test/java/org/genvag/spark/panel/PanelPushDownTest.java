// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.io.vcf.FieldKey;
import org.genvag.io.vcf.VcfReader;
import org.genvag.io.vcf.VcfRecord;
import org.genvag.pipeline.panel.PanelFiltering;
import org.genvag.spark.LocalSpark;
import org.genvag.testsupport.Fixtures;
import org.genvag.testsupport.PeerTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Panel push-down: the rows the genvag-vcf source returns with a panel are the records genvag filter keeps, with
 * the same genes and panels (filter's INFO/GENVAG_GENES and GENVAG_PANELS), whether the tasks read every split or
 * only the tabix index's chunks.
 */
class PanelPushDownTest {
    private static final FieldKey GENES = FieldKey.of("GENVAG_GENES");
    private static final FieldKey PANELS = FieldKey.of("GENVAG_PANELS");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} padding {1} indexed {2}")
    @CsvSource({"vcf/hapmap_exome_chr22.vcf.gz, 0, false", "vcf/hapmap_exome_chr22.vcf.gz, 50, true",
        "vcf/chr22.vcf.gz, 0, true", "vcf/chr22.vcf.gz, 2000, false"})
    void rowsAreTheRecordsGenvagFilterKeeps(String fixture, long padding, boolean indexed) throws IOException {
        Path vcf = dir.resolve(Path.of(fixture).getFileName());
        Files.copy(Fixtures.path(fixture), vcf);
        if (indexed) {
            PeerTool.require("tabix").run("-p", "vcf", vcf.toString());
        }
        String panels = Fixtures.path("panels/chr22-genes.txt") + "," + Fixtures.path("panels/regions-chr22.bed");
        Path filtered = dir.resolve("filtered.vcf");
        PanelFiltering.run(vcf.toString(), filtered.toString(), PanelFiltering.Options.builder(List.of(
                Fixtures.path("panels/chr22-genes.txt"), Fixtures.path("panels/regions-chr22.bed")))
                .genomeBuild(GenomeBuild.GRCH37).padding(padding).index(false).build());
        List<String> expected = new ArrayList<>();
        try (VcfReader reader = VcfReader.open(filtered.toString(), 1)) {
            VcfRecord r = new VcfRecord();
            while (reader.next(r)) {
                expected.add(r.contigName() + "|" + r.pos() + "|" + r.ref() + "|" + r.alt() + "|"
                        + r.infoString(GENES) + "|" + r.infoString(PANELS));
            }
        }
        assertTrue(expected.size() > 10, "the panel must keep records: " + expected.size());
        Dataset<Row> rows = LocalSpark.get().read().format("genvag-vcf").option("panel", panels)
                .option("build", "GRCh37").option("padding", padding).option("partitionBytes", 16_384).load(vcf.toString());
        List<String> actual = rows.selectExpr("contig", "start + 1", "ref", "array_join(alts, ',')",
                "array_join(genes, ',')", "array_join(panels, ',')").collectAsList().stream()
                .map(r -> r.getString(0) + "|" + r.getLong(1) + "|" + r.getString(2) + "|" + r.getString(3) + "|"
                        + r.getString(4) + "|" + r.getString(5))
                .toList();
        assertEquals(expected, actual);
        String plan = rows.queryExecution().executedPlan().toString();
        assertTrue(plan.contains(indexed ? "tabix chunks" : "every split, filtered"), plan);
    }

    @Test
    void anUnresolvablePanelGeneIsAnErrorNotASilentDrop() throws IOException {
        Path panel = dir.resolve("typo.txt");
        Files.writeString(panel, "BRAF\nNOT_A_GENE_XYZ\n");
        Exception e = assertThrows(Exception.class, () -> LocalSpark.get().read().format("genvag-vcf")
                .option("panel", panel.toString()).option("build", "GRCh37")
                .load(Fixtures.path("vcf/chr22.vcf.gz").toString()).count());
        String messages = e.toString() + (e.getCause() == null ? "" : e.getCause().toString());
        assertTrue(messages.contains("NOT_A_GENE_XYZ"), messages);
    }
}
