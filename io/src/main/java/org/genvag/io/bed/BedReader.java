// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.bed;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.genvag.core.error.InputException;
import org.genvag.core.genome.ContigNames;
import org.genvag.core.interval.IntervalIndex;
import org.genvag.io.text.GzipOrPlain;
import org.genvag.io.text.TabFields;

/** Reads BED files (plain or gzipped): browser/track/# lines are skipped, every other line must be a valid interval. */
public final class BedReader {
    private BedReader() {
    }

    /**
     * A BED's regions as an interval index under canonical contig names (chr7 and 7 are one contig), overlapping
     * lines merged: the territory or region set of a query.
     */
    public static IntervalIndex index(Path path, String label) throws IOException {
        IntervalIndex.Builder b = IntervalIndex.builder();
        for (BedRecord r : read(path)) {
            b.add(ContigNames.canonical(r.contig()), r.start(), r.end(), label);
        }
        return b.build();
    }

    public static List<BedRecord> read(Path path) throws IOException {
        String source = path.toString();
        try (BufferedReader reader = GzipOrPlain.open(path, StandardCharsets.US_ASCII)) {
            List<BedRecord> records = new ArrayList<>();
            long lineNo = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#") || line.startsWith("track") || line.startsWith("browser")) {
                    continue;
                }
                records.add(parse(line, source, lineNo));
            }
            return records;
        }
    }

    static BedRecord parse(String line, String source, long lineNo) {
        List<String> f = TabFields.split(line, '\t');
        if (f.size() < 3) {
            throw InputException.at(source, lineNo, "expected at least 3 tab-separated BED columns (chrom, start, "
                    + "end), found " + f.size());
        }
        long start;
        long end;
        try {
            start = Long.parseLong(f.get(1).trim());
            end = Long.parseLong(f.get(2).trim());
        } catch (NumberFormatException e) {
            throw InputException.at(source, lineNo, "BED start and end must be whole numbers, found '" + f.get(1)
                    + "' and '" + f.get(2) + "'");
        }
        if (start < 0 || end < start) {
            throw InputException.at(source, lineNo, "BED interval must have 0 <= start <= end, found " + start + "-"
                    + end);
        }
        return new BedRecord(f.get(0), start, end, f.size() > 3 && !f.get(3).isEmpty() ? f.get(3) : null);
    }
}
