// SPDX-License-Identifier: Apache-2.0
package org.genvag.testdata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.genvag.core.genome.Gene;
import org.genvag.core.genome.GeneResolution;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.io.genes.GeneTableReader;
import org.genvag.io.kb.KnowledgeBaseReader;

/**
 * A batch manifest for the batch tests, single-machine and distributed alike: a real germline exome VCF (the caller
 * gives it: HapMap chr22, GRCh37), a generated colon tumour (somatic and SV VCFs with BRAF V600E, an ETV6::NTRK3
 * fusion and a high TMB planted, a callable BED, a 30x BAM over its genes) and a sample whose VCF is not a VCF.
 */
public final class BatchFixture {
    /** The tumour's genes, and the panel's. */
    public static final List<String> TUMOUR_GENES = List.of("NTRK3", "ETV6", "BRAF", "RET");
    /** The HapMap exome VCF holds 22 samples: the report is about this one (NA12878, not the first column). */
    public static final String HAPMAP_SAMPLE = "NA12878@1099927697";

    private BatchFixture() {
    }

    /**
     * Writes the inputs into {@code dir} (hapmap.vcf.gz copied from {@code hapmapVcf}, t.* for the tumour,
     * garbage.vcf, panel.txt) and returns {@code dir/samples.tsv}: samples hapmap, tumour and bad, in that order.
     */
    public static Path manifest(Path dir, Path hapmapVcf) throws IOException {
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
        Files.copy(hapmapVcf, dir.resolve("hapmap.vcf.gz"));
        Files.writeString(dir.resolve("panel.txt"), String.join("\n", TUMOUR_GENES) + "\n");
        return Files.writeString(dir.resolve("samples.tsv"), "id\ttype\tvcf\tsv_vcf\tbam\tcallable\tbuild\tsample\t"
                + "tumour_type\n"
                + "hapmap\tgermline\thapmap.vcf.gz\t.\t.\t.\tGRCh37\t" + HAPMAP_SAMPLE + "\t.\n"
                + "tumour\ttumour\tt.somatic.vcf\tt.sv.vcf\tt.bam\tt.callable.bed\t.\t.\tCOAD\n"
                + "bad\tgermline\tgarbage.vcf\t.\t.\t.\t.\t.\t.\n");
    }
}
