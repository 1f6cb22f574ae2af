// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.genes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.genvag.core.error.InputException;
import org.genvag.core.genome.ExonTable;
import org.genvag.core.genome.GeneSpans;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.io.data.BundledData;
import org.genvag.io.text.GzipOrPlain;
import org.genvag.io.text.TabFields;

/**
 * Reads a genvag exon table: a {@code #genvag-exon-table build=... source=...} line, the header
 * {@code chrom start end strand entrez}, then one merged exon per row (1-based, closed). The bundled GRCh37 and
 * GRCh38 tables hold NCBI RefSeq exons per Entrez gene, built from Debian's subread-data by
 * {@code testdata/scripts/build-exon-tables.py}.
 */
public final class ExonTableReader {
    private static final List<String> COLUMNS = List.of("chrom", "start", "end", "strand", "entrez");
    private static final Map<GenomeBuild, ExonTable> BUNDLED = new EnumMap<>(GenomeBuild.class);

    private ExonTableReader() {
    }

    /** The exon table shipped with genvag for this build, loaded once. */
    public static synchronized ExonTable bundled(GenomeBuild build) {
        return BUNDLED.computeIfAbsent(build, b -> {
            String resource = b + ".refseq-exons.tsv.gz";
            try (InputStream in = BundledData.open("genes/" + resource,
                    "give a GFF (--gff) for coverage targets")) {
                return read(in, resource, b);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * The bundled table as the gene resolver's witness, read only when a tie needs it: most panels resolve every
     * name by symbol alone, and reading 225,000 rows would double their start-up.
     */
    static GeneSpans bundledSpans(GenomeBuild build) {
        return new GeneSpans() {
            @Override
            public boolean knows(String entrezId) {
                return bundled(build).knows(entrezId);
            }

            @Override
            public int exonBases(String entrezId, String contig, char strand, int start, int end) {
                return bundled(build).exonBases(entrezId, contig, strand, start, end);
            }
        };
    }

    /** A non-negative decimal in {@code s[from, to)}, or -1 when it is not one (or overflows an int). */
    private static int number(String s, int from, int to) {
        if (from >= to || to - from > 10) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v > Integer.MAX_VALUE ? -1 : (int) v;
    }

    static ExonTable read(InputStream raw, String source, GenomeBuild expected) throws IOException {
        BufferedReader reader = GzipOrPlain.open(raw, source, StandardCharsets.UTF_8);
        String magic = reader.readLine();
        if (magic == null || !magic.startsWith("#genvag-exon-table")) {
            throw InputException.at(source, 1, "not a genvag exon table: expected a first line starting with "
                    + "'#genvag-exon-table'");
        }
        String build = GeneTableReader.field(magic, "build=");
        if (build == null || GenomeBuild.parse(build) != expected) {
            throw InputException.at(source, 1, "exon table is for " + build + " but " + expected + " was asked for");
        }
        String header = reader.readLine();
        if (header == null || !TabFields.split(header, '\t').equals(COLUMNS)) {
            throw InputException.at(source, 2, "expected header '" + String.join("\t", COLUMNS) + "'");
        }
        String sourceField = GeneTableReader.field(magic, "source=");
        ExonTable.Builder table = new ExonTable.Builder(expected, sourceField == null ? source : sourceField);
        long lineNo = 2;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNo++;
            // Four tabs found by hand rather than a split: 260,000 rows are read at start-up, on a cold JVM.
            int t1 = line.indexOf('\t');
            int t2 = t1 < 0 ? -1 : line.indexOf('\t', t1 + 1);
            int t3 = t2 < 0 ? -1 : line.indexOf('\t', t2 + 1);
            int t4 = t3 < 0 ? -1 : line.indexOf('\t', t3 + 1);
            if (t4 < 0 || line.indexOf('\t', t4 + 1) >= 0) {
                throw InputException.at(source, lineNo, "expected 5 tab-separated columns, found "
                        + TabFields.split(line, '\t').size());
            }
            if (t4 - t3 != 2 || (line.charAt(t3 + 1) != '+' && line.charAt(t3 + 1) != '-')) {
                throw InputException.at(source, lineNo, "strand must be + or -, found '" + line.substring(t3 + 1, t4)
                        + "'");
            }
            int start = number(line, t1 + 1, t2);
            int end = number(line, t2 + 1, t3);
            if (start < 0 || end < 0) {
                throw InputException.at(source, lineNo, "start and end must be whole numbers, found '"
                        + line.substring(t1 + 1, t2) + "' and '" + line.substring(t2 + 1, t3) + "'");
            }
            if (start < 1 || end < start) {
                throw InputException.at(source, lineNo, "exon " + start + "-" + end + " is not a 1-based span");
            }
            table.add(line.substring(t4 + 1), line.substring(0, t1), line.charAt(t3 + 1), start, end);
        }
        return table.build();
    }
}
