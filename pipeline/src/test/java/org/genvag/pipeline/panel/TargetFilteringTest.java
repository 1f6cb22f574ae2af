// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.genvag.core.error.InputException;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.core.transcript.TargetKind;
import org.genvag.io.ReadMode;
import org.genvag.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Filtering to coding exons: a record is kept when it overlaps a CDS segment of the gene's reported transcript,
 * padded; intronic and UTR records are not. The CDS are read here from the GFF's own lines.
 */
class TargetFilteringTest {
    private static final Path GFF = Fixtures.path("bcftools-csq/ENSG00000173376/ENSG00000173376.gff");

    @Test
    void cdsTargetsKeepCodingRecordsAndThoseInThePadding(@TempDir Path dir) throws IOException {
        // NDNF's transcripts here: CDS of ENST00000379692 (longest) include 4338-4462 and 10058-10245.
        List<long[]> cds = new ArrayList<>();
        for (String line : Files.readAllLines(GFF)) {
            String[] f = line.split("\t");
            if (f.length == 9 && f[2].equals("CDS") && f[8].contains("ENST00000379692")) {
                cds.add(new long[] {Long.parseLong(f[3]), Long.parseLong(f[4])});
            }
        }
        long[] exon = cds.get(1);
        StringBuilder vcf = new StringBuilder("##fileformat=VCFv4.2\n##contig=<ID=4,length=40000>\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n");
        long[] positions = {exon[0] - 20, exon[0] - 3, exon[0], exon[1], exon[1] + 3, exon[1] + 20, 30000};
        for (long p : positions) {
            vcf.append("4\t").append(p).append("\t.\tA\tG\t50\tPASS\t.\n");
        }
        Path in = Files.writeString(dir.resolve("in.vcf"), vcf);
        Path panel = Files.writeString(dir.resolve("panel.txt"), "NDNF\n");
        Path out = dir.resolve("out.vcf");
        // With GRCh38 named, NDNF resolves in the gene table; with no build at all (the VCF's contig 4 of 40 kb
        // names none), in the GFF's own genes: the same records either way.
        for (GenomeBuild build : new GenomeBuild[] {GenomeBuild.GRCH38, null}) {
            PanelFiltering.Result r = PanelFiltering.run(in.toString(), out.toString(), new PanelFiltering.Options(
                    List.of(panel), build, 5, true, ReadMode.STREAM, 1, false, GFF, TargetKind.CDS));
            List<Long> kept = Files.readAllLines(out).stream().filter(l -> !l.startsWith("#"))
                    .map(l -> Long.parseLong(l.split("\t")[1])).toList();
            // Padding 5: the bases 3 off the segment are kept, those 20 off and the intron at 30,000 are not.
            assertEquals(List.of(exon[0] - 3, exon[0], exon[1], exon[1] + 3), kept, "build " + build);
            assertEquals(7, r.recordsRead());
            assertEquals(build, r.build());
        }
    }

    @Test
    void cdsTargetsNeedAnAnnotation(@TempDir Path dir) throws IOException {
        Path in = Files.writeString(dir.resolve("in.vcf"), "##fileformat=VCFv4.2\n##contig=<ID=4,length=40000>\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n4\t100\t.\tA\tG\t50\tPASS\t.\n");
        Path panel = Files.writeString(dir.resolve("panel.txt"), "NDNF\n");
        InputException e = assertThrows(InputException.class, () -> PanelFiltering.run(in.toString(),
                dir.resolve("o.vcf").toString(), new PanelFiltering.Options(List.of(panel), GenomeBuild.GRCH38, 0,
                        true, ReadMode.STREAM, 1, false, null, TargetKind.CDS)));
        assertTrue(e.getMessage().startsWith("--targets cds needs the coding exons of a transcript annotation"),
                e.getMessage());
        assertTrue(!Files.exists(dir.resolve("o.vcf")), "nothing written");
    }
}
