// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.vcf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The INFO column, the FORMAT column and every sample's values of one record against the header and the
 * specification, for {@link VcfValidator}. Keys are looked up by their bytes ({@link KeyTable}) and a FORMAT equal
 * to the previous record's is not taken apart again, so a valid record is checked without allocating.
 */
final class FieldChecks {
    /** Where a problem goes: the record, whether it breaks the specification, and what. */
    interface Sink {
        void problem(VcfRecord r, boolean error, String message);
    }

    private final Sink sink;
    private final boolean strict;
    private final boolean v43;
    private final Map<String, FieldDefinition> infoDefinitions;
    private final Map<String, FieldDefinition> formatDefinitions;
    private final KeyTable info = new KeyTable();
    private final KeyTable format = new KeyTable();
    /** Value rules already reported ("INFO DP (...) type"), so that one wrong column is not reported per line. */
    private final Set<String> reported = new HashSet<>();
    private long record;
    /** The rules of the previous record's INFO keys, in their order. */
    private FieldRule[] previousKeys = new FieldRule[16];

    /** INFO to the end of the current line, copied; {@code length} bytes of it are the line's. */
    private byte[] line = new byte[1 << 12];
    private int length;
    private byte[] lastFormat = new byte[256];
    private int lastFormatLength = -1;
    private FieldRule[] formatRules = new FieldRule[0];
    private String formatProblem;
    private boolean gtFirst;

    FieldChecks(VcfHeader header, boolean v43, boolean strict, Sink sink) {
        this.infoDefinitions = header.infoDefinitions();
        this.formatDefinitions = header.formatDefinitions();
        this.v43 = v43;
        this.strict = strict;
        this.sink = sink;
    }

    void check(VcfRecord r, int alts) {
        record++;
        // One bulk copy of INFO to the end of the line: every byte of it is read once or more below, and reads
        // from a heap array cost a fraction of reads from the reader's direct buffer.
        int from = r.fieldStart(7);
        int n = r.end() - from;
        if (n > line.length) {
            line = new byte[Math.max(n, 2 * line.length)];
        }
        r.buffer().get(from, line, 0, n);
        length = n;
        int infoEnd = r.fieldEnd(7) - from;
        checkInfo(r, infoEnd, alts);
        if (r.columnCount() > 8) {
            int formatStart = infoEnd + 1;
            int formatEnd = tab(formatStart);
            checkFormat(r, formatStart, formatEnd);
            if (formatProblem != null) {
                sink.problem(r, true, formatProblem);
                return;
            }
            checkSampleValues(r, formatEnd + 1, alts);
        }
    }

    /** The next tab at or after {@code p}, or the line's end. */
    private int tab(int p) {
        while (p < length && line[p] != '\t') {
            p++;
        }
        return p;
    }

    private String text(int s, int e) {
        return new String(line, s, e - s, StandardCharsets.ISO_8859_1);
    }

    /**
     * The rule of the INFO key {@code [s, e)}, the {@code index}th of its record. Files write their INFO keys in the
     * same order record after record, so the key at this place in the previous record is tried first: one compare
     * instead of a hash and a compare.
     */
    private FieldRule infoRule(int index, int s, int e) {
        if (index < previousKeys.length) {
            FieldRule guess = previousKeys[index];
            if (guess != null && guess.matches(line, s, e)) {
                return guess;
            }
        }
        FieldRule rule = lookUp(s, e);
        if (index >= previousKeys.length) {
            previousKeys = Arrays.copyOf(previousKeys, Math.max(index + 1, previousKeys.length * 2));
        }
        previousKeys[index] = rule;
        return rule;
    }

    private FieldRule lookUp(int s, int e) {
        FieldRule rule = info.find(line, s, e);
        if (rule == null) {
            String key = text(s, e);
            rule = new FieldRule("INFO", key, infoDefinitions.get(key), v43);
            info.add(rule);
        }
        return rule;
    }

    private void checkInfo(VcfRecord r, int e, int alts) {
        byte[] b = line;
        int s = 0;
        if (e - s == 1 && b[s] == '.') {
            return;
        }
        if (s == e) {
            sink.problem(r, true, "INFO is empty (use '.')");
            return;
        }
        int index = 0;
        for (int p = s; p <= e; ) {
            int semi = p;
            while (semi < e && b[semi] != ';') {
                semi++;
            }
            int eq = p;
            while (eq < semi && b[eq] != '=') {
                eq++;
            }
            if (eq == p) {
                if (!(semi == e && semi == p && p > s)) {   // a trailing ';' is tolerated, as by bcftools
                    sink.problem(r, true, "INFO entry '" + text(p, semi) + "' has no key");
                }
            } else {
                FieldRule rule = infoRule(index++, p, eq);
                if (!rule.validKey) {
                    sink.problem(r, true, "INFO key '" + rule.key + "' is not a key (a letter or '_', then letters, "
                            + "digits, '_' and '.'; or 1000G)");
                } else if (rule.lastRecord == record) {
                    sink.problem(r, true, "INFO names '" + rule.key + "' twice");
                } else {
                    rule.lastRecord = record;
                    if (!rule.declared && !rule.warned) {
                        rule.warned = true;
                        sink.problem(r, strict, "INFO key '" + rule.key + "' is not declared in the header");
                    }
                    if (rule.definition != null) {
                        checkInfoValue(r, rule, eq, semi, alts);
                    }
                }
            }
            p = semi + 1;
        }
    }

    /** {@code eq} is the '=' of the entry or its end ({@code semi}) when the entry has no value. */
    private void checkInfoValue(VcfRecord r, FieldRule rule, int eq, int semi, int alts) {
        byte[] b = line;
        boolean flag = rule.type == FieldRule.FLAG;
        if (flag) {
            // A Flag's value 0 or 1 reads as absent or present: the specification's own suite has DB=0 among its
            // valid files (hts-specs passed_body_info.vcf) and DB=2 among its invalid ones.
            boolean bit = semi - eq == 2 && (b[eq + 1] == '0' || b[eq + 1] == '1');
            if (eq < semi && !bit) {
                valueProblem(r, "INFO", rule, "is a Flag, which takes no value, but has '" + text(eq + 1, semi)
                        + "'");
            }
        } else if (eq == semi) {
            valueProblem(r, "INFO", rule, "has no value, but only a Flag may have none");
        } else {
            String wrong = ValueCheck.problem(b, eq + 1, semi, rule, alts, -1);
            if (wrong == null) {
                wrong = ReservedValues.problem(rule.meaning, b, eq + 1, semi);
            }
            if (wrong != null) {
                valueProblem(r, "INFO", rule, "value '" + text(eq + 1, semi) + "' " + wrong);
            }
        }
    }

    /** FORMAT's keys {@code [s, e)}: syntax, no duplicates, GT first; worked out again only when FORMAT changes. */
    private void checkFormat(VcfRecord r, int s, int e) {
        if (e - s == lastFormatLength && Arrays.equals(line, s, e, lastFormat, 0, e - s)) {
            return;
        }
        if (e - s > lastFormat.length) {
            lastFormat = new byte[e - s];
        }
        System.arraycopy(line, s, lastFormat, 0, e - s);
        lastFormatLength = e - s;
        formatProblem = null;
        if (e - s == 1 && line[s] == '.') {
            formatRules = new FieldRule[0];
            gtFirst = false;
            return;
        }
        String[] keys = text(s, e).split(":", -1);
        formatRules = new FieldRule[keys.length];
        Set<String> seen = new HashSet<>();
        int keyStart = s;
        for (int i = 0; i < keys.length; i++) {
            String key = keys[i];
            if (!VcfSyntax.validKey(key)) {
                formatProblem = "FORMAT key '" + key + "' is not a key (a letter or '_', then letters, digits, '_' "
                        + "and '.')";
                return;
            }
            if (!seen.add(key)) {
                formatProblem = "FORMAT names '" + key + "' twice";
                return;
            }
            if (key.equals("GT") && i > 0) {
                formatProblem = "GT must be FORMAT's first key, not its " + (i + 1) + "th";
                return;
            }
            FieldRule rule = format.find(line, keyStart, keyStart + key.length());
            if (rule == null) {
                rule = new FieldRule("FORMAT", key, formatDefinitions.get(key), v43);
                format.add(rule);
            }
            if (!rule.declared && !rule.warned) {
                rule.warned = true;
                sink.problem(r, strict, "FORMAT key '" + key + "' is not declared in the header");
            }
            formatRules[i] = rule;
            keyStart += key.length() + 1;
        }
        gtFirst = keys.length > 0 && keys[0].equals("GT");
    }

    /** Every sample's values against FORMAT's keys; GT's syntax and allele indexes always. */
    private void checkSampleValues(VcfRecord r, int first, int alts) {
        byte[] b = line;
        FieldRule[] rules = formatRules;
        int gt = gtFirst ? 0 : -1;
        for (int sample = 0, s = first; s <= length; sample++) {
            int e = tab(s);
            int next = e + 1;
            int ploidy = -1;
            int k = 0;
            for (int p = s; p <= e && k < rules.length; k++) {
                int colon = p;
                while (colon < e && b[colon] != ':') {
                    colon++;
                }
                if (k == gt) {
                    String wrong = ValueCheck.genotypeProblem(b, p, colon, alts);
                    if (wrong != null) {
                        // A GT that is no genotype, or names an ALT the record lacks, is an error. With ALT '.' the
                        // record says nothing of its alleles: a warning then (an error with --strict), as the
                        // specification's own suite accepts 0|1 with ALT '.' (hts-specs passed_body_alt.vcf).
                        boolean syntax = alts > 0 || !wrong.startsWith("names allele");
                        if (syntax || reported.add("GT allele beyond ALT")) {
                            sink.problem(r, syntax || strict, "GT '" + text(p, colon) + "' of sample "
                                    + (sample + 1) + " " + wrong);
                        }
                        return;   // once per record
                    }
                    ploidy = ValueCheck.ploidy(b, p, colon);
                } else if (rules[k].definition != null) {
                    String wrong = ValueCheck.problem(b, p, colon, rules[k], alts, ploidy);
                    if (wrong == null) {
                        wrong = ReservedValues.problem(rules[k].meaning, b, p, colon);
                    }
                    if (wrong != null) {
                        valueProblem(r, "FORMAT", rules[k], "value '" + text(p, colon) + "' of sample "
                                + (sample + 1) + " " + wrong);
                    }
                }
                p = colon + 1;
                if (k == rules.length - 1 && colon < e) {
                    sink.problem(r, true, "sample " + (sample + 1) + " has more fields than FORMAT's "
                            + rules.length);
                    return;
                }
            }
            s = next;
        }
    }

    /**
     * A value against its declaration: an error (the specification's Type and Number are rules, not advice), once
     * per key and rule so that a file with one wrong column does not report every line.
     */
    private void valueProblem(VcfRecord r, String kind, FieldRule rule, String what) {
        String describe = rule.describe(kind);
        String key = describe + (what.contains(" is not ") ? " type" : what.contains(" where Number") ? " number"
                : " meaning");
        if (reported.add(key)) {
            sink.problem(r, true, describe + ": " + what);
        }
    }
}
