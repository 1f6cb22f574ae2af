// SPDX-License-Identifier: Apache-2.0
package org.genvag.fuzz;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.genvag.io.bam.BamReader;
import org.genvag.io.bam.BamRecord;
import org.genvag.io.bgzf.ByteSources;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Decompressed BAM bytes (the BGZF layer has its own target) through the record decoder, every field the coverage
 * and MSI passes read: a record the reader hands out must be safe to walk to its last base.
 */
class BamFuzzTest {
    @FuzzTest(maxDuration = FuzzBudget.DURATION)
    void decodesOrNamesTheRecord(byte[] data) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(data.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(data).flip();
        Inputs.parsesOrNamesTheSource("fuzz.bam", () -> {
            try (BamReader r = new BamReader(ByteSources.of(buffer), "fuzz.bam")) {
                BamRecord rec = new BamRecord();
                long sum = 0;
                while (r.next(rec)) {
                    sum += rec.flag() + rec.mapq() + rec.matePos() + rec.templateLength() + rec.end();
                    rec.readName();
                    for (int i = 0; i < rec.cigarCount(); i++) {
                        sum += rec.cigarOp(i) + rec.cigarLength(i);
                    }
                    for (int i = 0; i < rec.seqLength(); i++) {
                        sum += rec.base(i);
                    }
                }
                if (sum == Long.MIN_VALUE) {
                    throw new AssertionError("unreachable: keeps the walk from being optimised away");
                }
            }
        });
    }
}
