// SPDX-License-Identifier: Apache-2.0
package org.genvag.fuzz;

import java.io.IOException;
import java.nio.file.Path;

import org.genvag.io.gff.GffReader;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Transcript annotations a lab passes with --gff: GFF3 or GTF, told from the content (the file name says neither).
 * Read whole, or refused with the file and line; never another exception.
 */
class GffFuzzTest {
    @FuzzTest(maxDuration = FuzzBudget.DURATION)
    void readsOrNamesTheLine(FuzzedDataProvider data) throws IOException {
        Path file = Inputs.file("fuzz.annotation", data.consumeRemainingAsBytes());
        Inputs.parsesOrNamesTheSource("fuzz.annotation", () -> GffReader.read(file));
    }
}
