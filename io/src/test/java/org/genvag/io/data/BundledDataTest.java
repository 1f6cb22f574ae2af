// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.data;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledDataTest {
    @Test
    void theGenvagDataArtifactIsWhereTheTablesComeFrom() {
        assertTrue(BundledData.exists("genes/GRCh38.genes.tsv.gz"));
        assertTrue(BundledData.exists("DATA.md"), "the jar states its sources and terms");
        assertFalse(BundledData.exists("genes/GRCh99.genes.tsv.gz"));
    }

    @Test
    void aMissingFileNamesTheArtifactAndTheAlternative() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> BundledData.open("genes/GRCh99.genes.tsv.gz", "read your own table"));
        assertTrue(e.getMessage().contains("org.genvag:genvag-data") && e.getMessage().contains("read your own table"),
                e.getMessage());
    }

    @Test
    void theExamplePanelCopiesAsAFile(@TempDir Path dir) throws IOException {
        Path p = BundledData.copy("panels/metabolic-944.tsv", dir.resolve("m.tsv"));
        assertTrue(Files.readAllLines(p).stream().filter(l -> !l.startsWith("#")).count() == 945);
    }
}
