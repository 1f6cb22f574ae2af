// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.biomarker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.genvag.core.biomarker.report.BiomarkerMatch;
import org.genvag.core.biomarker.report.BiomarkerReport;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.io.kb.KnowledgeBaseReader;
import org.genvag.pipeline.biomarker.BiomarkerJob;
import org.genvag.testdata.TumourGenerator;
import org.genvag.testsupport.PeerTool;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Generated tumours with planted biomarkers, read back by the biomarker job: it must find what was planted and
 * count TMB as planted, on both builds and both naming schemes; bcftools must accept the files.
 */
class TumourGeneratorTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"GRCh38,true,ETV6::NTRK3", "GRCh37,false,TPM3::NTRK1", "GRCh38,false,KIF5B::RET"})
    void theJobFindsWhatWasPlanted(String buildName, boolean chr, String fusion) throws IOException {
        GenomeBuild build = GenomeBuild.parse(buildName);
        TumourGenerator.Outputs t = new TumourGenerator(new TumourGenerator.Options(build, chr,
                List.of("NTRK1", "NTRK3", "RET", "BRAF", "TP53", "ETV6"), 60, true, fusion, 5),
                KnowledgeBaseReader.bundled()).write(dir.resolve("s.vcf"), dir.resolve("sv.vcf"),
                dir.resolve("callable.bed"));
        PeerTool bcftools = PeerTool.require("bcftools");
        assertEquals(61, bcftools.runText("view", "-H", t.somaticVcf().toString()).lines().count());
        bcftools.run("view", "-h", t.svVcf().toString());
        BiomarkerReport r = BiomarkerJob.run(new BiomarkerJob.Request(t.somaticVcf().toString(), t.svVcf().toString(),
                t.callableBed(), null, null, null, null, BiomarkerJob.TmbOptions.defaults(), 1)).report();
        // 60 mutations over about a megabase of genes: TMB-high as planted (eligible / Mb >= 10).
        double planted = t.eligible() / (t.territoryBases() / 1e6);
        assertTrue(planted >= 10, "the scenario plants a TMB-high tumour: " + planted);
        assertEquals(List.of("BRAF V600E", fusion + " fusion", "TMB-high"), r.matches().stream()
                .map(BiomarkerMatch::name).toList());
        assertEquals(planted, r.tmb().result().value(), 1e-9);
        assertEquals("TUMOR", r.sample(), "##tumor_sample names the column");
        var tmb = r.tmb().result();
        assertEquals(t.eligible(), tmb.mutations());
        assertEquals(t.filtered(), tmb.filtered());
        assertEquals(t.lowVaf(), tmb.lowVaf());
        assertEquals(t.lowDepth(), tmb.lowDepth());
        assertEquals(t.territoryBases() / 1e6, tmb.megabases(), 1e-9);
        assertTrue(r.observations().isEmpty(), "the TP53 deletion is no fusion: " + r.observations());
    }
}
