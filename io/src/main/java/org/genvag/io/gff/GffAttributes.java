// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.gff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.genvag.core.error.InputException;

/**
 * Column 9 of a GFF3 line ({@code key=value,value;key=value}, values percent-encoded) or of a GTF line
 * ({@code key "value"; key "value";}, a key may repeat: GENCODE writes one {@code tag} per tag). Keys map to their
 * values in order.
 */
final class GffAttributes {
    private GffAttributes() {
    }

    static Map<String, List<String>> gff3(String text, String source, long line) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        gff3Entries(text, source, line, null, (key, values) -> out.computeIfAbsent(key, k -> new ArrayList<>(1))
                .addAll(values));
        return out;
    }

    /**
     * The values of one key of a GFF3 column 9, or null when it is absent; every entry is still checked to be
     * key=value, as {@link #gff3} checks it, without building the map.
     */
    static List<String> gff3Values(String text, String key, String source, long line) {
        List<List<String>> found = new ArrayList<>(1);
        gff3Entries(text, source, line, key, (k, values) -> found.add(values));
        if (found.isEmpty()) {
            return null;
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        List<String> all = new ArrayList<>();
        found.forEach(all::addAll);
        return all;
    }

    /**
     * Walks the {@code key=value,value;...} entries, checking each is key=value, and hands each key with its decoded
     * values to {@code sink}; with {@code only} set, only that key's values are decoded and handed on.
     */
    private static void gff3Entries(String text, String source, long line, String only,
                                    BiConsumer<String, List<String>> sink) {
        if (text.equals(".")) {
            return;
        }
        int p = 0;
        int n = text.length();
        while (p < n) {
            int semi = text.indexOf(';', p);
            int end = semi < 0 ? n : semi;
            int eq = text.indexOf('=', p);
            if (end > p) {
                if (eq < 0 || eq > end) {
                    String entry = text.substring(p, end).trim();
                    if (!entry.isEmpty()) {
                        throw InputException.at(source, line, "GFF3 attribute '" + entry + "' is not key=value");
                    }
                } else if (only == null || isKey(text, p, eq, only)) {
                    List<String> values = new ArrayList<>(1);
                    int v = eq + 1;
                    while (v <= end) {
                        int comma = text.indexOf(',', v);
                        int to = comma < 0 || comma > end ? end : comma;
                        values.add(decode(text.substring(v, to), source, line));
                        v = to + 1;
                    }
                    sink.accept(only != null ? only : text.substring(p, eq).trim(), values);
                }
            }
            p = end + 1;
        }
    }

    /** Whether {@code text[from, to)}, blanks around it ignored, is {@code key}. */
    private static boolean isKey(String text, int from, int to, String key) {
        while (from < to && text.charAt(from) == ' ') {
            from++;
        }
        while (to > from && text.charAt(to - 1) == ' ') {
            to--;
        }
        return to - from == key.length() && text.startsWith(key, from);
    }

    static Map<String, List<String>> gtf(String text, String source, long line) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        int p = 0;
        int n = text.length();
        while (p < n) {
            while (p < n && (text.charAt(p) == ' ' || text.charAt(p) == ';')) {
                p++;
            }
            if (p >= n) {
                break;
            }
            int space = text.indexOf(' ', p);
            if (space < 0) {
                throw InputException.at(source, line, "GTF attribute '" + text.substring(p) + "' has no value "
                        + "(expected key \"value\";)");
            }
            String key = text.substring(p, space);
            int v = space + 1;
            String value;
            if (v < n && text.charAt(v) == '"') {
                int close = text.indexOf('"', v + 1);
                if (close < 0) {
                    throw InputException.at(source, line, "GTF attribute " + key + "'s quoted value is not closed");
                }
                value = text.substring(v + 1, close);
                p = close + 1;
            } else {
                int semi = text.indexOf(';', v);
                int end = semi < 0 ? n : semi;
                value = text.substring(v, end).trim();
                p = end;
            }
            out.computeIfAbsent(key, k -> new ArrayList<>(1)).add(value);
        }
        return out;
    }

    /** GFF3's percent-encoding (%3B for ';', %2C for ',', ...). */
    private static String decode(String s, String source, long line) {
        int pct = s.indexOf('%');
        if (pct < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw InputException.at(source, line, "bad percent-encoding in GFF3 value '" + s + "'");
                }
                b.append((char) (hi * 16 + lo));
                i += 2;
            } else if (c == '%') {
                throw InputException.at(source, line, "bad percent-encoding in GFF3 value '" + s + "'");
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    static String first(Map<String, List<String>> a, String key) {
        List<String> v = a.get(key);
        return v == null || v.isEmpty() ? null : v.get(0);
    }
}
