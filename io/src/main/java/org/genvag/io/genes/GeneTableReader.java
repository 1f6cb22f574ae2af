// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.genes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.genvag.core.error.InputException;
import org.genvag.core.genome.Gene;
import org.genvag.core.genome.GeneResolver;
import org.genvag.core.genome.GeneRows;
import org.genvag.core.genome.GeneSpans;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.io.data.BundledData;
import org.genvag.io.text.GzipOrPlain;
import org.genvag.io.text.TabFields;

/**
 * Reads genvag gene tables: gzipped TSV with a {@code #genvag-gene-table build=...} line, a header
 * {@code chrom start end strand symbol ensembl entrez aliases}, and one gene per row (1-based, closed).
 * The bundled GRCh37 and GRCh38 tables are built by {@code testdata/scripts/build-gene-tables.sh}.
 */
public final class GeneTableReader {
    private static final String[] COLUMNS = {"chrom", "start", "end", "strand", "symbol", "ensembl", "entrez", "aliases"};
    private static final Map<GenomeBuild, GeneResolver> BUNDLED = new EnumMap<>(GenomeBuild.class);

    private GeneTableReader() {
    }

    /** The gene table shipped with genvag for this build, loaded once. */
    public static synchronized GeneResolver bundled(GenomeBuild build) {
        return BUNDLED.computeIfAbsent(build, b -> {
            String resource = b + ".genes.tsv.gz";
            try (InputStream in = BundledData.open("genes/" + resource,
                    "read a gene table of your own with GeneTableReader.read(Path, GenomeBuild)")) {
                return read(in, resource, b, ExonTableReader.bundledSpans(b));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A user's own table in the same format (gzipped or plain), every row checked as it is read. */
    public static GeneResolver read(Path path, GenomeBuild expected) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            Rows rows = rows(in, path.toString(), expected);
            for (int i = 0; i < rows.size(); i++) {
                rows.gene(i);
            }
            return new GeneResolver(expected, rows, GeneSpans.NONE);
        }
    }

    /**
     * The bundled table: its rows are made as names ask for them (the table is checked by the build's tests, and a
     * three-gene panel then costs a scan of the symbols, not 60,000 genes).
     */
    static GeneResolver read(InputStream raw, String source, GenomeBuild expected, GeneSpans spans)
            throws IOException {
        return new GeneResolver(expected, rows(raw, source, expected), spans);
    }

    private static Rows rows(InputStream raw, String source, GenomeBuild expected) throws IOException {
        BufferedReader reader = GzipOrPlain.open(raw, source, StandardCharsets.UTF_8);
        String magic = reader.readLine();
        if (magic == null || !magic.startsWith("#genvag-gene-table")) {
            throw InputException.at(source, 1, "not a genvag gene table: expected a first line starting with "
                    + "'#genvag-gene-table'");
        }
        String buildField = field(magic, "build=");
        if (buildField == null) {
            throw InputException.at(source, 1, "gene table names no build (expected 'build=GRCh37' or 'build=GRCh38')");
        }
        GenomeBuild build = GenomeBuild.parse(buildField);
        if (build != expected) {
            throw InputException.at(source, 1, "gene table is for " + build + " but " + expected + " was asked for");
        }
        String header = reader.readLine();
        if (header == null || !TabFields.split(header, '\t').equals(List.of(COLUMNS))) {
            throw InputException.at(source, 2, "expected header '" + String.join("\t", COLUMNS) + "'");
        }
        List<String> lines = new ArrayList<>(64_000);
        List<Integer> numbers = new ArrayList<>(64_000);
        int lineNo = 2;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNo++;
            if (!line.isEmpty()) {
                lines.add(line);
                numbers.add(lineNo);
            }
        }
        int[] lineNumbers = new int[numbers.size()];
        for (int i = 0; i < lineNumbers.length; i++) {
            lineNumbers[i] = numbers.get(i);
        }
        return new Rows(lines.toArray(new String[0]), lineNumbers, source);
    }

    /** The table's lines, each made a {@link Gene} on first request and kept. */
    private static final class Rows implements GeneRows {
        private static final int SYMBOL_COLUMN = 4;
        private final String[] lines;
        private final int[] lineNumbers;
        private final String source;
        private final Gene[] made;

        Rows(String[] lines, int[] lineNumbers, String source) {
            this.lines = lines;
            this.lineNumbers = lineNumbers;
            this.source = source;
            this.made = new Gene[lines.length];
        }

        @Override
        public int size() {
            return lines.length;
        }

        @Override
        public String symbol(int i) {
            String line = lines[i];
            int start = 0;
            for (int column = 0; column < SYMBOL_COLUMN; column++) {
                start = line.indexOf('\t', start) + 1;
                if (start == 0) {
                    throw InputException.at(source, lineNumbers[i], "expected " + COLUMNS.length
                            + " tab-separated columns, found " + (column + 1));
                }
            }
            int end = line.indexOf('\t', start);
            return end < 0 ? line.substring(start) : line.substring(start, end);
        }

        @Override
        public synchronized Gene gene(int i) {
            Gene g = made[i];
            if (g == null) {
                g = parseRow(lines[i], source, lineNumbers[i]);
                made[i] = g;
            }
            return g;
        }
    }

    private static Gene parseRow(String line, String source, long lineNo) {
        List<String> f = TabFields.split(line, '\t');
        if (f.size() != COLUMNS.length) {
            throw InputException.at(source, lineNo, "expected " + COLUMNS.length + " tab-separated columns, found "
                    + f.size());
        }
        String strand = f.get(3);
        if (!strand.equals("+") && !strand.equals("-")) {
            throw InputException.at(source, lineNo, "strand must be + or -, found '" + strand + "'");
        }
        try {
            return new Gene(f.get(0), Integer.parseInt(f.get(1)), Integer.parseInt(f.get(2)), strand.charAt(0),
                    f.get(4), f.get(5), TabFields.list(f.get(6)), TabFields.list(f.get(7)));
        } catch (NumberFormatException e) {
            throw InputException.at(source, lineNo, "start and end must be whole numbers: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw InputException.at(source, lineNo, e.getMessage());
        }
    }

    static String field(String line, String key) {
        for (String part : TabFields.split(line, '\t')) {
            if (part.startsWith(key)) {
                return part.substring(key.length());
            }
        }
        return null;
    }
}
