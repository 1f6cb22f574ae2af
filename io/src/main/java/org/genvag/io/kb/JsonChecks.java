// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.kb;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.genvag.core.error.InputException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Field access for a knowledge-base file that collects every problem instead of stopping at the first: each is noted
 * with its JSON path ({@code indications[3].dates.ec_decision}) and what was expected, and {@link #throwIfAny}
 * reports them together, so a curator fixes a file in one pass.
 */
final class JsonChecks {
    private static final Pattern ISO_DAY_OR_MONTH = Pattern.compile("(19|20)\\d\\d-(0[1-9]|1[0-2])(-\\d\\d)?");

    private final String source;
    private final List<String> problems = new ArrayList<>();
    private Set<String> sourceKeys = Set.of();

    JsonChecks(String source) {
        this.source = source;
    }

    String source() {
        return source;
    }

    void sourceKeys(Set<String> keys) {
        this.sourceKeys = keys;
    }

    void problem(String at, String what) {
        problems.add(at + ": " + what);
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InputException(source + ": " + problems.size() + " problem(s) in the knowledge base:\n  "
                    + String.join("\n  ", problems));
        }
    }

    String required(JsonNode n, String field, String at) {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            problem(at.isEmpty() ? field : at + "." + field, "required");
            return "";
        }
        return v.asText();
    }

    static String text(JsonNode n, String field, String fallback) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? fallback : v.asText();
    }

    static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null && n.isArray()) {
            n.forEach(x -> out.add(x.asText()));
        }
        return out;
    }

    /**
     * The array {@code field} of {@code root}: an empty array (and a problem) when it is something else, so that
     * callers index it safely ({@code get(i)} of an object would give null).
     */
    JsonNode array(JsonNode root, String field, String at) {
        JsonNode n = root.path(field);
        if (!n.isArray()) {
            problem(at.isEmpty() ? field : at + "." + field, "expected an array");
            return JsonNodeFactory.instance.arrayNode();
        }
        return n;
    }

    /** An ISO date, YYYY-MM-DD or (where a source gives only the month) YYYY-MM; null when absent. */
    String dayOrMonth(JsonNode n, String field, String at) {
        String v = text(n, field, null);
        if (v == null) {
            return null;
        }
        boolean ok = ISO_DAY_OR_MONTH.matcher(v).matches();
        if (ok && v.length() == 10) {
            ok = parses(v);
        }
        if (!ok) {
            problem(at + "." + field, "expected an ISO date YYYY-MM-DD (or YYYY-MM), found '" + v + "'");
            return null;
        }
        return v;
    }

    /** A required calendar day (YYYY-MM-DD), or null with the problem noted. */
    LocalDate day(JsonNode n, String field, String at) {
        String v = required(n, field, at);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            problem(at + "." + field, "expected a day YYYY-MM-DD, found '" + v + "'");
            return null;
        }
    }

    private static boolean parses(String day) {
        try {
            LocalDate.parse(day);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The source keys of an entry: at least one, each defined in 'sources'. */
    List<String> cited(JsonNode node, String at) {
        List<String> keys = strings(node.path("sources"));
        if (keys.isEmpty()) {
            problem(at + ".sources", "every fact cites a source: expected at least one source key");
        }
        for (String k : keys) {
            if (!sourceKeys.contains(k)) {
                problem(at + ".sources", "source '" + k + "' is not defined in 'sources'");
            }
        }
        return keys;
    }
}
