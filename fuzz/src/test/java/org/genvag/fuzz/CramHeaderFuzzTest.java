// SPDX-License-Identifier: Apache-2.0
package org.genvag.fuzz;

import java.io.IOException;
import java.nio.file.Path;

import org.genvag.io.bam.CramSource;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** The CRAM path as far as genvag owns it: htsjdk opens the container and header; failures must be input errors. */
class CramHeaderFuzzTest {
    private static final Path REFERENCE = Inputs.file("fuzz-ref.fa", ">chr1\nACGTACGTACGTACGTACGT\n".getBytes());

    @FuzzTest(maxDuration = FuzzBudget.DURATION)
    void opensOrNamesTheFile(byte[] data) throws IOException {
        Path file = Inputs.file("fuzz.cram", data);
        Inputs.parsesOrNamesTheSource("fuzz.cram", () -> {
            try (CramSource s = new CramSource(file, REFERENCE)) {
                while (s.next() != null) {
                    // every record
                }
            }
        });
    }
}
