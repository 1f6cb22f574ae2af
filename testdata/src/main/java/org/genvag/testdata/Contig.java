// SPDX-License-Identifier: Apache-2.0
package org.genvag.testdata;

import java.util.ArrayList;
import java.util.List;

import org.genvag.core.genome.GenomeBuild;

/** A named sequence of a synthetic genome. */
public record Contig(String name, long length) {

    /**
     * The contigs of a genome spec: "GRCh38" or "GRCh37" (the real chromosome names and lengths, optionally with a
     * "chr" prefix when {@code chrPrefix}), or "synthetic:N:LENGTH" (N contigs named syn1..synN).
     */
    public static List<Contig> parse(String spec, boolean chrPrefix) {
        List<Contig> contigs = new ArrayList<>();
        if (spec.startsWith("synthetic:")) {
            int colon = spec.indexOf(':', 10);
            if (colon < 0) {
                throw new IllegalArgumentException("expected synthetic:COUNT:LENGTH, got " + spec);
            }
            int count = Integer.parseInt(spec.substring(10, colon));
            long length = Long.parseLong(spec.substring(colon + 1));
            for (int i = 1; i <= count; i++) {
                contigs.add(new Contig("syn" + i, length));
            }
            return contigs;
        }
        GenomeBuild build = GenomeBuild.parse(spec);
        for (String c : GenomeBuild.PRIMARY_CONTIGS) {
            String name = chrPrefix ? (c.equals("MT") ? "chrM" : "chr" + c) : c;
            contigs.add(new Contig(name, build.length(c)));
        }
        return contigs;
    }
}
