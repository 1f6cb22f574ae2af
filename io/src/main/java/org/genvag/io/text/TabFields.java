// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.text;

import java.util.ArrayList;
import java.util.List;

/** Splits a line of a small tab- or comma-separated table (not a hot path) without regular expressions. */
public final class TabFields {
    private TabFields() {
    }

    public static List<String> split(String line, char separator) {
        List<String> fields = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == separator) {
                fields.add(line.substring(from, i));
                from = i + 1;
            }
        }
        fields.add(line.substring(from));
        return fields;
    }

    /** Comma-separated list where an empty string means an empty list. */
    public static List<String> list(String field) {
        return field.isEmpty() ? List.of() : split(field, ',');
    }
}
