// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.panel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

import org.genvag.core.genome.GenomeBuild;
import org.genvag.core.interval.ContigSegments;
import org.genvag.core.panel.PanelIntervals;
import org.genvag.io.output.AtomicOutput;

/**
 * Writes a panel's regions as BED: merged per contig (overlapping and touching regions become one line), in
 * karyotype order, 0-based half-open, with the genes of each merged region in column 4. Contigs are named in the
 * Ensembl style ("1") or, with {@code chrPrefix}, the UCSC style ("chr1", "chrM").
 */
public final class PanelBedWriter {
    private PanelBedWriter() {
    }

    public static void write(PanelIntervals intervals, Path path, boolean chrPrefix) throws IOException {
        try (AtomicOutput out = new AtomicOutput(path)) {
            write(intervals, out.stream(), chrPrefix);
            out.commit();
        }
    }

    public static void write(PanelIntervals intervals, OutputStream out, boolean chrPrefix) throws IOException {
        Set<String> order = new LinkedHashSet<>(GenomeBuild.PRIMARY_CONTIGS);
        intervals.index().contigNames().forEach(order::add);
        StringBuilder sb = new StringBuilder();
        for (String contig : order) {
            ContigSegments s = intervals.index().contig(contig);
            if (s == null) {
                continue;
            }
            String name = !chrPrefix || !GenomeBuild.PRIMARY_CONTIGS.contains(contig) ? contig
                    : contig.equals("MT") ? "chrM" : "chr" + contig;
            int i = 0;
            while (i < s.size()) {
                long start = s.start(i);
                long end = s.end(i);
                Set<String> genes = new LinkedHashSet<>();
                int j = i;
                while (j < s.size() && s.start(j) <= end) {
                    end = Math.max(end, s.end(j));
                    for (int k = 0; k < s.labelCount(j); k++) {
                        genes.add(intervals.geneOf(s.label(j, k)));
                    }
                    j++;
                }
                sb.append(name).append('\t').append(start).append('\t').append(end).append('\t')
                        .append(String.join(",", genes)).append('\n');
                i = j;
            }
            out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
            sb.setLength(0);
        }
    }
}
