// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How genes are looked up by name or ID in an annotation: upper case, without an ID's version suffix. A key that
 * names several genes maps to -1 and each of them is kept under "key#i".
 */
final class GeneKeys {
    private GeneKeys() {
    }

    static String key(String nameOrId) {
        return unversioned(nameOrId.trim()).toUpperCase(Locale.ROOT);
    }

    /** ENSG00000157764.14 -> ENSG00000157764; NM_004333.6 -> NM_004333; names without a numeric suffix stay. */
    static String unversioned(String id) {
        int dot = id.lastIndexOf('.');
        if (dot <= 0 || dot == id.length() - 1) {
            return id;
        }
        for (int i = dot + 1; i < id.length(); i++) {
            if (!Character.isDigit(id.charAt(i))) {
                return id;
            }
        }
        boolean stable = id.startsWith("ENS") || id.startsWith("NM_") || id.startsWith("NR_")
                || id.startsWith("XM_") || id.startsWith("XR_") || id.startsWith("NC_");
        return stable ? id.substring(0, dot) : id;
    }

    static void put(Map<String, Integer> keys, String nameOrId, int gene) {
        String k = key(nameOrId);
        Integer had = keys.get(k);
        if (had == null) {
            keys.put(k, gene);
        } else if (had != gene) {
            if (had >= 0) {
                keys.put(k, -1);
                keys.put(k + "#0", had);
            }
            int i = 0;
            while (keys.containsKey(k + "#" + i)) {
                if (keys.get(k + "#" + i) == gene) {
                    return;
                }
                i++;
            }
            keys.put(k + "#" + i, gene);
        }
    }

    static List<Integer> many(Map<String, Integer> keys, String nameOrId) {
        String k = key(nameOrId);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; keys.containsKey(k + "#" + i); i++) {
            out.add(keys.get(k + "#" + i));
        }
        return out;
    }
}
