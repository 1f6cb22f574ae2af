// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.kb;

import java.util.List;

/**
 * The tumours an indication covers: every solid tumour (a tissue-agnostic label), or named tumour types only (the
 * EU's pembrolizumab for five MSI-H tumour types), in both cases less the exclusions a label states. Codes are
 * OncoTree's; a code covers its descendants.
 */
public record TumourScope(Kind kind, List<String> included, List<TumourExclusion> excluded) {
    public enum Kind { SOLID_TUMOURS, NAMED_TYPES }

    /** OncoTree's haematological roots: a tissue-agnostic label about "solid tumors" does not cover them. */
    public static final List<String> NOT_SOLID = List.of("LYMPH", "MYELOID");

    public TumourScope {
        included = List.copyOf(included);
        excluded = List.copyOf(excluded);
    }

    public boolean tissueAgnostic() {
        return kind == Kind.SOLID_TUMOURS;
    }
}
