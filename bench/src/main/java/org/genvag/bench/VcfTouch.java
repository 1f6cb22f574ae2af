// SPDX-License-Identifier: Apache-2.0
package org.genvag.bench;

import java.io.IOException;

import org.genvag.io.vcf.VcfReader;
import org.genvag.io.vcf.VcfRecord;
import org.openjdk.jmh.infra.Blackhole;

/** What the VCF benchmarks measure genvag doing to every record: decode CHROM, POS, REF and ALT. */
final class VcfTouch {
    private VcfTouch() {
    }

    static long touchAll(VcfReader reader, Blackhole bh) throws IOException {
        long n = 0;
        VcfRecord r = new VcfRecord();
        while (reader.next(r)) {
            bh.consume(r.contig());
            bh.consume(r.pos());
            bh.consume(r.refLength());
            bh.consume(r.altEnd() - r.altStart());
            n++;
        }
        return n;
    }
}
