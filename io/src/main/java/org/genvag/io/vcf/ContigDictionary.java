// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.vcf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Contig names to dense indexes, in header order; contigs met in records but not declared are appended. */
public final class ContigDictionary {
    private final List<String> names = new ArrayList<>();
    private final List<Long> lengths = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private int declared;

    void declare(String name, Long length) {
        if (index.putIfAbsent(name, names.size()) == null) {
            names.add(name);
            lengths.add(length);
            declared = names.size();
        }
    }

    /** Index of the name, adding it (undeclared) when new. */
    public int intern(String name) {
        Integer i = index.get(name);
        if (i != null) {
            return i;
        }
        names.add(name);
        lengths.add(-1L);
        index.put(name, names.size() - 1);
        return names.size() - 1;
    }

    public int indexOf(String name) {
        Integer i = index.get(name);
        return i == null ? -1 : i;
    }

    public String name(int index) {
        return names.get(index);
    }

    /** Length from the header, or -1 when undeclared or given without length. */
    public long length(int index) {
        return lengths.get(index);
    }

    public boolean isDeclared(int index) {
        return index < declared;
    }

    public int size() {
        return names.size();
    }

    public List<String> names() {
        return List.copyOf(names);
    }
}
