// SPDX-License-Identifier: Apache-2.0
package org.genvag.testdata;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.genvag.io.output.AtomicOutput;

/** Writes a synthetic genome as FASTA (60 bases a line) with its samtools-compatible .fai index. */
public final class FastaGenerator {
    private static final int LINE = 60;

    private FastaGenerator() {
    }

    public static void write(SyntheticGenome genome, List<Contig> contigs, Path fasta) throws IOException {
        StringBuilder fai = new StringBuilder();
        byte[] buf = new byte[LINE * 1024];
        byte[] lines = new byte[(LINE + 1) * 1024];
        try (AtomicOutput out = new AtomicOutput(fasta)) {
            OutputStream os = out.stream();
            long offset = 0;
            for (int c = 0; c < contigs.size(); c++) {
                Contig contig = contigs.get(c);
                byte[] header = (">" + contig.name() + "\n").getBytes(StandardCharsets.US_ASCII);
                os.write(header);
                offset += header.length;
                fai.append(contig.name()).append('\t').append(contig.length()).append('\t').append(offset)
                        .append('\t').append(LINE).append('\t').append(LINE + 1).append('\n');
                for (long pos = 0; pos < contig.length(); pos += buf.length) {
                    int n = (int) Math.min(buf.length, contig.length() - pos);
                    genome.bases(c, pos, buf, 0, n);
                    int w = 0;
                    for (int i = 0; i < n; i += LINE) {
                        int k = Math.min(LINE, n - i);
                        System.arraycopy(buf, i, lines, w, k);
                        w += k;
                        lines[w++] = '\n';
                    }
                    os.write(lines, 0, w);
                    offset += w;
                }
            }
            out.commit();
        }
        Path faiPath = fasta.resolveSibling(fasta.getFileName() + ".fai");
        try (AtomicOutput out = new AtomicOutput(faiPath)) {
            out.stream().write(fai.toString().getBytes(StandardCharsets.US_ASCII));
            out.commit();
        }
    }

}
