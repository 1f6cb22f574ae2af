// SPDX-License-Identifier: Apache-2.0
package org.genvag.fuzz;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.genvag.io.vcf.FieldKey;
import org.genvag.io.vcf.VcfReader;
import org.genvag.io.vcf.VcfRecord;
import org.genvag.io.vcf.VcfValidator;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** VCF text through the streaming reader (every field a command decodes) and through the validator. */
class VcfFuzzTest {
    private static final FieldKey DP = FieldKey.of("DP");
    private static final FieldKey END = FieldKey.of("END");
    private static final FieldKey GT = FieldKey.of("GT");

    @FuzzTest(maxDuration = FuzzBudget.DURATION)
    void readsOrNamesTheLine(byte[] data) throws IOException {
        Inputs.parsesOrNamesTheSource("fuzz.vcf", () -> {
            try (VcfReader r = VcfReader.open(new ByteArrayInputStream(data), "fuzz.vcf", 1)) {
                VcfRecord rec = new VcfRecord();
                while (r.next(rec)) {
                    rec.contig();
                    rec.pos();
                    rec.refLength();
                    rec.altCount();
                    rec.altsArePlainBases();
                    rec.qual();
                    rec.isPass();
                    rec.endPos();
                    rec.infoLong(DP, -1);
                    rec.hasInfo(END);
                    int gt = rec.formatIndex(GT);
                    for (int s = 0; gt >= 0 && s < rec.sampleCount(); s++) {
                        long v = rec.sampleValue(s, gt);
                        if (v >= 0) {
                            rec.itemCount(v);
                        }
                    }
                }
            }
        });
        Inputs.parsesOrNamesTheSource("fuzz.vcf", () -> {
            try (VcfReader r = VcfReader.open(new ByteArrayInputStream(data), "fuzz.vcf", 1)) {
                VcfValidator.problems(r, true);
            }
        });
    }
}
