// SPDX-License-Identifier: Apache-2.0
package org.genvag.fuzz;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.genvag.io.bed.BedReader;
import org.genvag.io.panel.PanelReader;
import org.genvag.pipeline.batch.ManifestReader;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The small text files a user names: BED regions, gene lists, TSV and PanelApp JSON panels, batch manifests. The
 * first byte chooses the kind (and so the file name the reader sees); the rest is the file.
 */
class TextInputsFuzzTest {
    private static final List<String> NAMES = List.of("fuzz.bed", "fuzz.txt", "fuzz.tsv", "fuzz.json", "fuzz-manifest.tsv");

    @FuzzTest(maxDuration = FuzzBudget.DURATION)
    void readsOrNamesTheLine(FuzzedDataProvider data) throws IOException {
        String name = data.pickValue(NAMES);
        Path file = Inputs.file(name, data.consumeRemainingAsBytes());
        Inputs.parsesOrNamesTheSource(name, () -> {
            switch (name) {
                case "fuzz.bed" -> BedReader.read(file);
                case "fuzz-manifest.tsv" -> ManifestReader.read(file);
                default -> PanelReader.read(file);
            }
        });
    }
}
