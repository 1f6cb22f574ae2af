// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.vcf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What the validator checks of one INFO or FORMAT key, worked out once per key rather than per value: whether the
 * key is well formed and declared, the definition its values are read by (the header's, else the specification's
 * for a reserved key, else none), its Type as a code, a fixed Number as an int, and what a reserved key's values
 * mean ({@link ReservedValues}).
 */
final class FieldRule {
    static final int STRING = 0;
    static final int INTEGER = 1;
    static final int FLOAT = 2;
    static final int CHARACTER = 3;
    static final int FLAG = 4;

    final String key;
    private final byte[] keyBytes;
    final boolean validKey;
    final boolean declared;
    /** Null when the values cannot be checked: an undeclared key the specification does not reserve. */
    final FieldDefinition definition;
    final int type;
    /** Number as a count, or -1 for A, R, G, '.' and numbers this version adds (P, LA, ...). */
    final int fixedCount;
    /** The meaning of a reserved key's values; null when there is none to check. */
    final ReservedValues.Rule meaning;
    /** The last record that named this key, to find an INFO key named twice in one record. */
    long lastRecord = -1;
    /** Whether its undeclared-key warning has been given. */
    boolean warned;

    FieldRule(String kind, String key, FieldDefinition declaredAs, boolean v43) {
        this.key = key;
        this.keyBytes = key.getBytes(StandardCharsets.ISO_8859_1);
        this.validKey = VcfSyntax.validKey(key);
        this.declared = declaredAs != null;
        this.definition = declaredAs != null ? declaredAs : ReservedKeys.definition(kind, key, v43);
        this.type = definition == null ? STRING : typeCode(definition.type());
        this.fixedCount = definition == null ? -1 : fixedCount(definition.number());
        this.meaning = definition == null ? null : ReservedValues.ruleFor(kind, definition);
    }

    private static int typeCode(String type) {
        return switch (type) {
            case "Integer" -> INTEGER;
            case "Float" -> FLOAT;
            case "Character" -> CHARACTER;
            case "Flag" -> FLAG;
            default -> STRING;   // String, or a malformed Type the header rules report
        };
    }

    private static int fixedCount(String number) {
        if (number.isEmpty() || number.length() > 9) {
            return -1;
        }
        int n = 0;
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** Whether the bytes {@code [s, e)} are this key. */
    boolean matches(byte[] b, int s, int e) {
        return Arrays.equals(keyBytes, 0, keyBytes.length, b, s, e);
    }

    /** The key's bytes (not a copy: callers only read them). */
    byte[] keyBytes() {
        return keyBytes;
    }

    /** "INFO DP (Number=1, Type=Integer)": how a problem names the rule it breaks. */
    String describe(String kind) {
        return kind + " " + definition.id() + " (Number=" + definition.number() + ", Type=" + definition.type() + ")";
    }
}
