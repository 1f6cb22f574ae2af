// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.vcf;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The specification's rules for meta-information lines (VCF 4.1-4.3 sections 1.2-1.4; 4.4 and 4.5 read as 4.3):
 * every line a key=value pair with a valid key; structured lines closed, their values' quotes closed; INFO and FORMAT
 * with ID, Number, Type and Description first and in that order, a valid Number and Type, Flags of Number 0, and the
 * spec's reserved keys as the spec defines them; ALT, contig and SAMPLE IDs of the characters the spec allows; META
 * values in brackets. Each problem goes to {@code problems} with its 1-based line and whether it is an error: an
 * ALT ID outside the spec's SV types is only a warning, as real files carry GATK's {@code NON_REF} and bcftools'
 * {@code *}.
 */
final class VcfHeaderRules {
    private static final Set<String> TYPES = Set.of("Integer", "Float", "Flag", "Character", "String");
    private static final Set<String> STRUCTURED = Set.of("INFO", "FORMAT", "FILTER", "ALT", "contig", "SAMPLE",
            "PEDIGREE", "META");
    private static final Set<String> ALT_TYPES = Set.of("DEL", "INS", "DUP", "INV", "CNV", "BND");

    private VcfHeaderRules() {
    }

    /** One field of a structured line: its key, its value without quotes, whether it was quoted. */
    record Field(String key, String value, boolean quoted) {
    }

    /** A problem the header rules found: where, what, and whether the specification is broken or bent. */
    interface Sink {
        void accept(long line, boolean error, String message);
    }

    private static final String WARNING = "warning: ";

    static void check(List<String> lines, Sink problems) {
        String version = lines.get(0).startsWith("##fileformat=VCFv") ? lines.get(0).substring(17) : "";
        if (!wellFormedVersion(version)) {
            problems.accept(1, true, "the first line must be ##fileformat=VCFv<major>.<minor>, without white space, "
                    + "found '" + lines.get(0) + "'");
        }
        boolean v43 = version.compareTo("4.3") >= 0;
        // VCF 4.4 adds Number=P (the ploidy); 4.5 the local-allele numbers LA, LR and LG.
        Set<String> numbers = version.compareTo("4.5") >= 0 ? Set.of("A", "R", "G", ".", "P", "LA", "LR", "LG")
                : version.compareTo("4.4") >= 0 ? Set.of("A", "R", "G", ".", "P") : Set.of("A", "R", "G", ".");
        for (int i = 1; i < lines.size() - 1; i++) {
            String problem = line(lines.get(i), v43, numbers);
            if (problem != null) {
                boolean warning = problem.startsWith(WARNING);
                problems.accept(i + 1, !warning, warning ? problem.substring(WARNING.length()) : problem);
            }
        }
        String header = lines.get(lines.size() - 1);
        if (header.endsWith("\tFORMAT")) {
            // VCF 4.3 section 1.5: FORMAT begins the genotype columns, so it is followed by at least one sample.
            problems.accept(lines.size(), true, "the #CHROM line has a FORMAT column but no sample columns");
        }
    }

    /** Digits only, at least one. */
    static boolean wholeNumber(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }

    private static boolean wellFormedVersion(String version) {
        int dot = version.indexOf('.');
        return dot > 0 && dot < version.length() - 1 && version.chars().filter(c -> c == '.').count() == 1
                && version.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }

    private static String line(String line, boolean v43, Set<String> numbers) {
        if (!line.startsWith("##")) {
            return "a meta-information line starts with ##";
        }
        int eq = line.indexOf('=');
        if (eq < 0) {
            return "meta-information line is not ##key=value";
        }
        String key = line.substring(2, eq);
        if (key.isEmpty() || !key.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '.'
                || c == '-')) {
            return "meta-information key '" + key + "' is not letters, digits, '_', '.' and '-'";
        }
        String value = line.substring(eq + 1);
        if (value.isEmpty()) {
            return "meta-information line ##" + key + " has an empty value";
        }
        if (key.equals("assembly") || key.equals("pedigreeDB")) {
            return SampleHeaderRules.url(key, value);
        }
        if (!value.startsWith("<")) {
            if (key.equals("INFO") || key.equals("FORMAT") || key.equals("FILTER") || key.equals("ALT")
                    || key.equals("contig") || key.equals("SAMPLE") || key.equals("META")) {
                return "##" + key + " must be a structured line ##" + key + "=<ID=...>";
            }
            return null;
        }
        if (!value.endsWith(">")) {
            return "structured line ##" + key + " is not closed by '>'";
        }
        if (!STRUCTURED.contains(key)) {
            return null;   // a line of the file's own: bracketed, but its inside is the writer's business
        }
        List<Field> fields = new ArrayList<>();
        String wrong = fields(value.substring(1, value.length() - 1), fields);
        if (wrong != null) {
            return "##" + key + ": " + wrong;
        }
        return switch (key) {
            case "INFO", "FORMAT" -> typed(key, fields, v43, numbers);
            case "ALT" -> alt(fields);
            case "contig" -> identifier("contig", fields, true);
            case "SAMPLE" -> v43 ? identifier("SAMPLE", fields, false) : SampleHeaderRules.sample41(fields);
            case "PEDIGREE" -> SampleHeaderRules.pedigree(fields, v43);
            case "META" -> meta(fields);
            default -> null;
        };
    }

    /** Splits {@code key=value,key="quoted, value",...}; a problem, or null. */
    static String fields(String s, List<Field> out) {
        int i = 0;
        int n = s.length();
        while (i < n) {
            int eq = s.indexOf('=', i);
            if (eq < 0) {
                return "field '" + s.substring(i) + "' is not key=value";
            }
            String key = s.substring(i, eq);
            if (key.isEmpty() || key.chars().anyMatch(c -> c == ',' || c == '"' || Character.isWhitespace(c))) {
                return "field key '" + key + "' is not a key";
            }
            i = eq + 1;
            if (i < n && s.charAt(i) == '"') {
                StringBuilder v = new StringBuilder();
                int j = i + 1;
                boolean closed = false;
                for (; j < n; j++) {
                    char c = s.charAt(j);
                    if (c == '\\' && j + 1 < n) {
                        v.append(s.charAt(++j));
                    } else if (c == '"') {
                        closed = true;
                        break;
                    } else {
                        v.append(c);
                    }
                }
                if (!closed) {
                    return key + "'s quoted value is not closed";
                }
                out.add(new Field(key, v.toString(), true));
                i = j + 1;
                if (i < n && s.charAt(i) != ',') {
                    return key + "'s quoted value is followed by '" + s.charAt(i) + "', not ','";
                }
            } else {
                // A bracketed list (##META Values=[a, b]) runs to its ']', commas and all.
                int from = i < n && s.charAt(i) == '[' && s.indexOf(']', i) > 0 ? s.indexOf(']', i) : i;
                int comma = s.indexOf(',', from);
                int end = comma < 0 ? n : comma;
                out.add(new Field(key, s.substring(i, end), false));
                i = end;
            }
            if (i < n) {
                i++;   // the comma
                if (i == n) {
                    return "a trailing ','";
                }
            }
        }
        return null;
    }

    private static String typed(String kind, List<Field> f, boolean v43, Set<String> numbers) {
        String[] order = {"ID", "Number", "Type", "Description"};
        for (int k = 0; k < order.length; k++) {
            if (f.size() <= k || !f.get(k).key().equals(order[k])) {
                return "##" + kind + " must begin with ID, Number, Type and Description in that order";
            }
        }
        String id = f.get(0).value();
        String number = f.get(1).value();
        String type = f.get(2).value();
        if (!f.get(3).quoted()) {
            return "##" + kind + " " + id + ": Description must be in double quotes";
        }
        if (!wholeNumber(number) && !numbers.contains(number)) {
            return "##" + kind + " " + id + ": Number '" + number + "' is none of an integer, " + String.join(", ",
                    numbers.stream().sorted().toList());
        }
        if (!TYPES.contains(type) || (kind.equals("FORMAT") && type.equals("Flag"))) {
            return "##" + kind + " " + id + ": Type '" + type + "' is none of Integer, Float, "
                    + (kind.equals("INFO") ? "Flag, " : "") + "Character, String";
        }
        String[] reserved = ReservedKeys.numberAndType(kind, id, v43);
        if (reserved != null && !reserved[0].equals(number)) {
            return "##" + kind + " " + id + ": the specification reserves " + id + " with Number=" + reserved[0]
                    + ", not " + number;
        }
        if (reserved != null && reserved[1] != null && !reserved[1].equals(type)) {
            return "##" + kind + " " + id + ": the specification reserves " + id + " with Type=" + reserved[1]
                    + ", not " + type;
        }
        return null;
    }

    private static String alt(List<Field> f) {
        if (f.size() < 2 || !f.get(0).key().equals("ID") || !f.get(1).key().equals("Description")) {
            return "##ALT must have ID and Description, in that order, and nothing else";
        }
        if (f.size() > 2) {
            return "##ALT must have ID and Description, in that order, and nothing else";
        }
        if (!f.get(1).quoted()) {
            return "##ALT " + f.get(0).value() + ": Description must be in double quotes";
        }
        String id = f.get(0).value();
        if (id.chars().anyMatch(c -> c == '<' || c == '>' || c == ',' || Character.isWhitespace(c))) {
            return "##ALT ID '" + id + "' has '<', '>', ',' or white space";
        }
        int colon = id.indexOf(':');
        String type = colon < 0 ? id : id.substring(0, colon);
        if (!ALT_TYPES.contains(type)) {
            return WARNING + "##ALT ID '" + id + "' starts with none of the specification's DEL, INS, DUP, INV, CNV, "
                    + "BND";
        }
        return null;
    }

    /** contig and SAMPLE: an ID of the characters SAM allows for reference names (VCF 4.3 section 1.4.7). */
    private static String identifier(String kind, List<Field> f, boolean referenceName) {
        String id = null;
        for (Field x : f) {
            if (x.key().equals("ID")) {
                id = x.value();
            }
        }
        if (id == null || id.isEmpty()) {
            return "##" + kind + " has no ID";
        }
        int bad = illegalNameCharacter(id);
        if (bad >= 0) {
            return "##" + kind + " ID '" + id + "' has the character '" + id.charAt(bad) + "', which "
                    + (referenceName ? "a contig name" : "a sample name") + " may not have";
        }
        return null;
    }

    /**
     * The first character a reference name may not have (SAM's pattern, which VCF 4.3 section 1.4.7 adopts: printable,
     * none of \\ , " ' ` ( ) [ ] { } < >, and not * or = first), or -1.
     */
    static int illegalNameCharacter(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 127 || "\\,\"'`()[]{}<>".indexOf(c) >= 0 || (i == 0 && (c == '*' || c == '='))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * META (VCF 4.3 section 1.4.8): Values in square brackets, Type one of the value types and Number an integer or
     * '.', as the spec's examples and the INFO and FORMAT lines it mirrors have them.
     */
    private static String meta(List<Field> f) {
        for (Field x : f) {
            String v = x.value();
            if (x.key().equals("Values") && !(v.startsWith("[") && v.endsWith("]"))) {
                return "##META Values must be in square brackets";
            }
            if (x.key().equals("Type") && !TYPES.contains(v)) {
                return "##META Type '" + v + "' is none of Integer, Float, Flag, Character, String";
            }
            if (x.key().equals("Number") && !v.equals(".") && !wholeNumber(v)) {
                return "##META Number '" + v + "' is neither an integer nor '.'";
            }
        }
        return null;
    }
}
