// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.vcf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.genvag.core.error.InputException;
import org.genvag.io.text.TabFields;

/**
 * What genvag needs from a VCF header, parsed as leniently as bcftools does: the contigs (with 64-bit lengths),
 * the IDs of INFO, FORMAT and FILTER lines, the sample names, and the lines themselves verbatim. htsjdk's richer
 * but stricter model is built from these lines on demand ({@link VcfReader#htsjdkHeader()}).
 */
public final class VcfHeader {
    private final List<String> lines;
    private final String fileformat;
    private final Map<String, Long> contigs = new LinkedHashMap<>();
    private final Set<String> info = new LinkedHashSet<>();
    private final Set<String> format = new LinkedHashSet<>();
    private final Set<String> filter = new LinkedHashSet<>();
    private final List<String> samples;
    private final int columns;
    private final Map<String, FieldDefinition> infoDefinitions = new LinkedHashMap<>();
    private final Map<String, FieldDefinition> formatDefinitions = new LinkedHashMap<>();

    VcfHeader(List<String> lines, String source) {
        this.lines = List.copyOf(lines);
        this.fileformat = lines.get(0).substring("##fileformat=".length());
        for (int i = 1; i < lines.size() - 1; i++) {
            String line = lines.get(i);
            String kind = structuredKind(line);
            if (kind == null) {
                continue;
            }
            Map<String, String> fields = structuredFields(line, kind.length() + 4, source, i + 1);
            String id = fields.get("ID");
            if (id == null) {
                if (kind.equals("contig") || kind.equals("INFO") || kind.equals("FORMAT") || kind.equals("FILTER")) {
                    throw InputException.at(source, i + 1, "##" + kind + " line without ID");
                }
                continue;
            }
            switch (kind) {
                case "contig" -> contigs.put(id, parseLength(fields.get("length")));
                case "INFO" -> {
                    info.add(id);
                    infoDefinitions.putIfAbsent(id, definition(id, fields));
                }
                case "FORMAT" -> {
                    format.add(id);
                    formatDefinitions.putIfAbsent(id, definition(id, fields));
                }
                case "FILTER" -> filter.add(id);
                default -> { }
            }
        }
        String columnLine = lines.get(lines.size() - 1);
        List<String> cols = TabFields.split(columnLine, '\t');
        String[] fixed = {"#CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO"};
        for (int c = 0; c < fixed.length; c++) {
            if (c >= cols.size() || !cols.get(c).equals(fixed[c])) {
                throw InputException.at(source, lines.size(), "expected the column header '#CHROM\\tPOS\\tID\\tREF\\t"
                        + "ALT\\tQUAL\\tFILTER\\tINFO' (tab-separated), column " + (c + 1) + " is '"
                        + (c < cols.size() ? cols.get(c) : "") + "'");
            }
        }
        if (cols.size() > 8 && !cols.get(8).equals("FORMAT")) {
            throw InputException.at(source, lines.size(), "the 9th column must be FORMAT when samples follow, found '"
                    + cols.get(8) + "'");
        }
        samples = cols.size() > 9 ? List.copyOf(cols.subList(9, cols.size())) : List.of();
        this.columns = cols.size();
    }

    private static FieldDefinition definition(String id, Map<String, String> fields) {
        return new FieldDefinition(id, fields.getOrDefault("Number", "."), fields.getOrDefault("Type", "String"));
    }

    /** INFO keys as declared (Number and Type), in header order; the first declaration of a key counts. */
    public Map<String, FieldDefinition> infoDefinitions() {
        return infoDefinitions;
    }

    /** FORMAT keys as declared (Number and Type), in header order; the first declaration of a key counts. */
    public Map<String, FieldDefinition> formatDefinitions() {
        return formatDefinitions;
    }

    /** Columns of the #CHROM line: 8, 9 (FORMAT without samples) or 9 plus the samples. */
    public int columns() {
        return columns;
    }

    private static String structuredKind(String line) {
        int eq = line.indexOf('=');
        if (!line.startsWith("##") || eq < 3 || eq + 1 >= line.length() || line.charAt(eq + 1) != '<') {
            return null;
        }
        return line.substring(2, eq);
    }

    /** KEY=VALUE pairs of ##KIND=<...>; values may be "quoted" with \" escapes and contain commas. */
    static Map<String, String> structuredFields(String line, int from, String source, long lineNo) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = from;
        int end = line.lastIndexOf('>');
        if (end < from) {
            throw InputException.at(source, lineNo, "structured header line does not end with '>'");
        }
        while (i < end) {
            int eq = line.indexOf('=', i);
            if (eq < 0 || eq > end) {
                break;   // a bare flag-like word: bcftools tolerates it, so do we
            }
            String key = line.substring(i, eq).trim();
            StringBuilder value = new StringBuilder();
            int j = eq + 1;
            if (j < end && line.charAt(j) == '"') {
                j++;
                while (j < end && line.charAt(j) != '"') {
                    if (line.charAt(j) == '\\' && j + 1 < end) {
                        j++;
                    }
                    value.append(line.charAt(j++));
                }
                j++;   // closing quote
            } else {
                while (j < end && line.charAt(j) != ',') {
                    value.append(line.charAt(j++));
                }
            }
            out.putIfAbsent(key, value.toString());
            while (j < end && line.charAt(j) != ',') {
                j++;
            }
            i = j + 1;
        }
        return out;
    }

    private static long parseLength(String s) {
        if (s == null) {
            return -1;
        }
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public List<String> lines() {
        return lines;
    }

    public String fileformat() {
        return fileformat;
    }

    /** Declared contigs and their lengths (-1 when not given), in header order. */
    public Map<String, Long> contigs() {
        return Collections.unmodifiableMap(contigs);
    }

    public Set<String> infoIds() {
        return Collections.unmodifiableSet(info);
    }

    public Set<String> formatIds() {
        return Collections.unmodifiableSet(format);
    }

    public Set<String> filterIds() {
        return Collections.unmodifiableSet(filter);
    }

    public List<String> samples() {
        return samples;
    }

    /** The header lines with {@code extra} inserted just before the #CHROM line (for added INFO definitions). */
    public List<String> linesWith(List<String> extra) {
        List<String> out = new ArrayList<>(lines.subList(0, lines.size() - 1));
        out.addAll(extra);
        out.add(lines.get(lines.size() - 1));
        return out;
    }
}
