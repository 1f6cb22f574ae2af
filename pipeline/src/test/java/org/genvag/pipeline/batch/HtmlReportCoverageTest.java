// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.batch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.genvag.core.coverage.DepthStats;
import org.genvag.pipeline.coverage.PanelCoverage;
import org.junit.jupiter.api.Test;

/** The report lists, under each gene failing the coverage rule, its exons below the rule, and no passing exon. */
class HtmlReportCoverageTest {
    private static final int[] THRESHOLDS = {10, 20, 30};

    private static DepthStats depth(int bases, int depth) {
        DepthStats s = new DepthStats(THRESHOLDS);
        int[] d = new int[bases];
        Arrays.fill(d, depth);
        s.add(d, 0, bases);
        return s;
    }

    @Test
    void failingExonsAreListedUnderTheirFailingGene() {
        HtmlReport.Data d = new HtmlReport.Data();
        d.sample = "S1";
        d.type = "germline";
        d.genvagVersion = "test";
        d.coverageRule = new PanelCoverage.Options(1796, 0, THRESHOLDS, 20, 20, 0.95, 1);
        DepthStats low = depth(100, 8);
        DepthStats high = depth(100, 40);
        DepthStats gene = depth(100, 8);
        gene.merge(high);
        d.coverage = List.of(new PanelCoverage.GeneCoverage("GALT", "metabolic", "9", 0, 1000, gene, false),
                new PanelCoverage.GeneCoverage("PAH", "metabolic", "12", 0, 1000, high, true));
        d.targets = List.of(
                new PanelCoverage.TargetCoverage("9", 100, 200, "GALT", "NM_000155.4", 3, low),
                new PanelCoverage.TargetCoverage("9", 300, 400, "GALT", "NM_000155.4", 4, high),
                new PanelCoverage.TargetCoverage("12", 100, 200, "PAH", "NM_000277.3", 7, low));
        d.targetKind = "CDS of each gene's reported transcript";
        String html = HtmlReport.render(d);
        assertTrue(html.contains("<h3>Exons below the rule, in failing genes</h3>"), html);
        assertTrue(html.contains("<td>GALT</td><td>NM_000155.4</td><td>3</td><td>9:101-200</td><td>0.0%</td>"), html);
        assertFalse(html.contains("<td>GALT</td><td>NM_000155.4</td><td>4</td>"), "a passing exon is not listed");
        assertFalse(html.contains("<td>PAH</td>"), "a passing gene's exons are not listed");
        assertTrue(html.contains("Targets: CDS of each gene&#39;s reported transcript")
                || html.contains("Targets: CDS of each gene's reported transcript"), html);
    }
}
