// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.panel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.genvag.core.error.InputException;
import org.genvag.io.ReadMode;
import org.genvag.io.bgzf.BgzfOutputStream;
import org.genvag.testsupport.PeerTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broken record met through the tabix index is named by the BGZF block it ends in, never by a line number: the
 * reader counts the lines of the chunks it jumped to, not the file's, so a number would point at another line.
 */
class IndexedReadErrorTest {
    @TempDir
    Path dir;

    @Test
    void aBrokenRecordReadThroughTheIndexIsNamedByItsBlock() throws IOException {
        StringBuilder vcf = new StringBuilder("##fileformat=VCFv4.2\n##contig=<ID=chr1,length=248956422>\n"
                + "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"g\">\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\n");
        for (int i = 0; i < 20_000; i++) {
            long pos = 1_000_000L + i * 50L;
            vcf.append("chr1\t").append(pos).append("\t.\tA\tC\t50\tPASS\t.\tGT")
                    .append(pos == 1_900_000L ? "" : "\t0/1").append('\n');   // one record lacks its sample column
        }
        Path gz = dir.resolve("broken.vcf.gz");
        try (OutputStream out = new BgzfOutputStream(Files.newOutputStream(gz))) {
            out.write(vcf.toString().getBytes(StandardCharsets.US_ASCII));
        }
        PeerTool.require("tabix").run("-p", "vcf", gz.toString());
        Path bed = Files.writeString(dir.resolve("panel.bed"), "chr1\t1899990\t1900010\tHERE\n");
        InputException e = assertThrows(InputException.class, () -> PanelFiltering.run(gz.toString(),
                dir.resolve("out.vcf").toString(), PanelFiltering.Options.builder(List.of(bed))
                        .mode(ReadMode.INDEX).index(false).build()));
        assertTrue(e.getMessage().contains("read through the index (its line number is not known)"), e.getMessage());
        assertTrue(e.getMessage().contains("chr1\t1900000"), e.getMessage());
        assertTrue(e.offset() > 0, "the block's compressed offset: " + e.offset());
        assertFalse(Pattern.compile("broken\\.vcf\\.gz:\\d+:").matcher(e.getMessage()).find(), e.getMessage());
    }
}
