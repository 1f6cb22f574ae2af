// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.bgzf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.genvag.core.error.InputException;
import org.genvag.testsupport.Fixtures;
import org.genvag.testsupport.PeerTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bgzip's own .gzi of a real file lists exactly the blocks genvag finds by searching from every offset. */
class GziIndexTest {
    @TempDir
    Path dir;

    @Test
    void bgzipsIndexNamesTheBlocksASearchFinds() throws IOException {
        Path vcf = dir.resolve("chr22.vcf.gz");
        Files.copy(Fixtures.path("vcf/chr22.vcf.gz"), vcf);
        PeerTool.require("bgzip").run("-r", vcf.toString());
        GziIndex gzi;
        try (InputStream in = Files.newInputStream(dir.resolve("chr22.vcf.gz.gzi"))) {
            gzi = GziIndex.read(in, "chr22.vcf.gz.gzi");
        }
        byte[] file = Files.readAllBytes(vcf);
        int found = 0;
        for (long offset = 0; offset < file.length - Bgzf.EOF_BLOCK.length; offset += 997) {
            int n = (int) Math.min(BlockBoundary.WINDOW, file.length - offset);
            int at = BlockBoundary.find(Arrays.copyOfRange(file, (int) offset, (int) offset + n), n,
                    offset + n == file.length);
            long searched = offset + at;
            long listed = gzi.firstBlockAtOrAfter(offset);
            if (listed >= 0) {
                assertEquals(listed, searched, "first block at or after " + offset);
                found++;
            } else {
                assertEquals(file.length - Bgzf.EOF_BLOCK.length, searched, "only the EOF block after " + offset);
            }
        }
        assertTrue(found > 400, "offsets checked: " + found);
    }

    @Test
    void aShortOrDisorderedIndexIsAnError() {
        byte[] shortOne = {3, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3};
        assertThrows(InputException.class, () -> GziIndex.read(new ByteArrayInputStream(shortOne), "x.gzi"));
        byte[] disordered = new byte[8 + 32];
        disordered[0] = 2;
        disordered[8] = 100;
        disordered[24] = 50;
        InputException e = assertThrows(InputException.class,
                () -> GziIndex.read(new ByteArrayInputStream(disordered), "y.gzi"));
        assertTrue(e.getMessage().contains("y.gzi: not a .gzi index: entry 2 does not follow entry 1"),
                e.getMessage());
    }
}
