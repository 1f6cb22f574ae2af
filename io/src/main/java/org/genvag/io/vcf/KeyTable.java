// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.vcf;

/**
 * INFO or FORMAT keys to their {@link FieldRule}, looked up by the key's bytes in the record so that a key seen
 * before costs a hash and a compare, not a String. Open addressing over a power-of-two table of the rules
 * themselves (each holds its key's bytes); at most {@link #LIMIT} keys are kept, so a file with endless distinct
 * keys cannot grow it without bound (those beyond are worked out each time).
 */
final class KeyTable {
    static final int LIMIT = 4096;
    private FieldRule[] rules = new FieldRule[64];
    private int size;

    /** The rule of the key {@code [s, e)}, or null when the key has not been added. */
    FieldRule find(byte[] b, int s, int e) {
        int mask = rules.length - 1;
        for (int i = hash(b, s, e) & mask; ; i = (i + 1) & mask) {
            FieldRule r = rules[i];
            if (r == null || r.matches(b, s, e)) {
                return r;
            }
        }
    }

    /** Remembers {@code rule} for its key, while there is room. */
    void add(FieldRule rule) {
        if (size >= LIMIT) {
            return;
        }
        if (2 * (size + 1) > rules.length) {
            FieldRule[] old = rules;
            rules = new FieldRule[old.length * 2];
            for (FieldRule r : old) {
                if (r != null) {
                    put(r);
                }
            }
        }
        put(rule);
        size++;
    }

    private void put(FieldRule rule) {
        int mask = rules.length - 1;
        byte[] key = rule.keyBytes();
        int i = hash(key, 0, key.length) & mask;
        while (rules[i] != null) {
            i = (i + 1) & mask;
        }
        rules[i] = rule;
    }

    private static int hash(byte[] b, int s, int e) {
        int h = 0;
        for (int i = s; i < e; i++) {
            h = 31 * h + b[i];
        }
        return h ^ (h >>> 16);
    }
}
