// SPDX-License-Identifier: Apache-2.0
package org.genvag.bench;

import java.io.File;
import java.io.IOException;

import htsjdk.samtools.CigarElement;
import htsjdk.samtools.CigarOperator;
import htsjdk.samtools.SAMRecord;
import htsjdk.samtools.SamReader;
import htsjdk.samtools.SamReaderFactory;
import htsjdk.samtools.ValidationStringency;

/**
 * The htsjdk baseline for `genvag coverage`, run as a whole process by bench/scripts/coverage-whole-process.sh:
 * SamReader + SAMRecord iteration with the same flag filter and CIGAR walk, without even the depth array and
 * statistics. Any htsjdk implementation of the computation is at least this slow.
 */
public final class HtsjdkBamIteration {
    private HtsjdkBamIteration() {
    }

    public static void main(String[] args) throws IOException {
        long records = 0;
        long aligned = 0;
        try (SamReader r = SamReaderFactory.makeDefault().validationStringency(ValidationStringency.SILENT)
                .open(new File(args[0]))) {
            for (SAMRecord rec : r) {
                records++;
                if ((rec.getFlags() & 1796) != 0) {
                    continue;
                }
                for (CigarElement e : rec.getCigar()) {
                    CigarOperator op = e.getOperator();
                    if (op == CigarOperator.M || op == CigarOperator.EQ || op == CigarOperator.X) {
                        aligned += e.getLength();
                    }
                }
            }
        }
        System.out.println(records + " records, " + aligned + " aligned bases");
    }
}
