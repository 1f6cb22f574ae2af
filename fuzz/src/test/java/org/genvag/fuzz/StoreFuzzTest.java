// SPDX-License-Identifier: Apache-2.0
package org.genvag.fuzz;

import java.io.IOException;
import java.nio.file.Path;

import org.genvag.io.vcf.VcfReader;
import org.genvag.io.vcf.VcfRecord;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** A variant store's bytes: opened, read back whole as VCF. Checksums and bounds turn damage into an error. */
class StoreFuzzTest {
    @FuzzTest(maxDuration = FuzzBudget.DURATION)
    void readsBackOrNamesTheDamage(byte[] data) throws IOException {
        Path file = Inputs.file("fuzz.gvs", data);
        Inputs.parsesOrNamesTheSource("fuzz.gvs", () -> {
            try (VcfReader r = VcfReader.open(file.toString(), 1)) {
                VcfRecord rec = new VcfRecord();
                while (r.next(rec)) {
                    rec.pos();
                }
            }
        });
    }
}
