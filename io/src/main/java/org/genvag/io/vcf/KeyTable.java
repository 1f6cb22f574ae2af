package org.genvag.io.vcf;

import java.nio.charset.StandardCharsets;

/**
 * INFO or FORMAT keys to their {@link FieldRule}, looked up by the key's bytes in the record so that a key seen
 * before costs a hash and a compare, not a String. Open addressing over a power-of-two table; at most
 * {@link #LIMIT} keys are kept, so a file with endless distinct keys cannot grow it without bound (those beyond are
 * worked out each time).
 */
final class KeyTable {
    static final int LIMIT = 4096;
    private byte[][] keys = new byte[64][];
    private FieldRule[] rules = new FieldRule[64];
    private int size;

    /** The rule of the key {@code [s, e)}, or null when the key has not been added. */
    FieldRule find(byte[] b, int s, int e) {
        int mask = keys.length - 1;
        for (int i = hash(b, s, e) & mask; ; i = (i + 1) & mask) {
            byte[] k = keys[i];
            if (k == null) {
                return null;
            }
            if (k.length == e - s && same(k, b, s)) {
                return rules[i];
            }
        }
    }

    /** Remembers {@code rule} for its key, while there is room. */
    void add(FieldRule rule) {
        if (size >= LIMIT) {
            return;
        }
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        byte[] key = rule.key.getBytes(StandardCharsets.ISO_8859_1);
        put(key, rule);
        size++;
    }

    private void put(byte[] key, FieldRule rule) {
        int mask = keys.length - 1;
        int i = hash(key, 0, key.length) & mask;
        while (keys[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        rules[i] = rule;
    }

    private void grow() {
        byte[][] oldKeys = keys;
        FieldRule[] oldRules = rules;
        keys = new byte[oldKeys.length * 2][];
        rules = new FieldRule[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                put(oldKeys[i], oldRules[i]);
            }
        }
    }

    private static boolean same(byte[] k, byte[] b, int s) {
        for (int i = 0; i < k.length; i++) {
            if (k[i] != b[s + i]) {
                return false;
            }
        }
        return true;
    }

    private static int hash(byte[] b, int s, int e) {
        int h = 0;
        for (int i = s; i < e; i++) {
            h = 31 * h + b[i];
        }
        return h ^ (h >>> 16);
    }
}
