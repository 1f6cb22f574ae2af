// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.panel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.genvag.core.error.InputException;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.io.vcf.VcfOutputType;
import org.genvag.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lab system that holds a VCF as a stream (object storage, memory) gets from {@code PanelFiltering.run(InputStream,
 * ...)} exactly what the file-based run writes, as plain VCF or BGZF, and its stream is left open; a broken stream
 * is an error naming the source it gave.
 */
class PanelFilteringStreamsTest {
    static PanelFiltering.Options options() {
        return PanelFiltering.Options.builder(List.of(Fixtures.path("panels/chr22-genes.txt")))
                .genomeBuild(GenomeBuild.GRCH37).padding(20).index(false).build();
    }

    @Test
    void aStreamGivesWhatTheFileGives(@TempDir Path dir) throws IOException {
        Path vcf = Fixtures.path("vcf/hapmap_exome_chr22.vcf.gz");
        Path file = dir.resolve("panel.vcf");
        PanelFiltering.Result fromFile = PanelFiltering.run(vcf.toString(), file.toString(), options());
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        PanelFiltering.Result fromStream;
        try (InputStream in = Files.newInputStream(vcf)) {
            fromStream = PanelFiltering.run(in, "exome.vcf.gz", plain, VcfOutputType.VCF, options());
        }
        assertArrayEquals(Files.readAllBytes(file), plain.toByteArray());
        assertEquals(fromFile.recordsKept(), fromStream.recordsKept());
        assertTrue(fromStream.recordsKept() > 0);

        ByteArrayOutputStream bgzf = new ByteArrayOutputStream();
        try (InputStream in = Files.newInputStream(vcf)) {
            PanelFiltering.run(in, "exome.vcf.gz", bgzf, VcfOutputType.BGZF, options());
        }
        try (InputStream back = new GZIPInputStream(new ByteArrayInputStream(bgzf.toByteArray()))) {
            assertArrayEquals(Files.readAllBytes(file), back.readAllBytes());
        }
        bgzf.write('x');   // still open: the caller owns it
    }

    @Test
    void aBrokenStreamIsAnErrorNamingItsSource() {
        byte[] broken = "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n22\tx\t.\tA\tC\t.\t.\t.\n"
                .getBytes(StandardCharsets.US_ASCII);
        InputException e = assertThrows(InputException.class, () -> PanelFiltering.run(
                new ByteArrayInputStream(broken), "s3://bucket/sample.vcf", new ByteArrayOutputStream(),
                VcfOutputType.VCF, options()));
        assertTrue(e.getMessage().startsWith("s3://bucket/sample.vcf:3: "), e.getMessage());
    }
}
