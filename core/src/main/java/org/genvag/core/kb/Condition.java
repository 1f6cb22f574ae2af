// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.kb;

import java.util.List;

/**
 * One condition of a label, in its words. {@code tumourTypes} limits it to tumours of these OncoTree types (the
 * TMB-H label's "paediatric CNS cancers: not established" concerns CNS tumours only); empty means every tumour.
 */
public record Condition(ConditionKind kind, String text, List<String> tumourTypes) {
    public Condition {
        tumourTypes = List.copyOf(tumourTypes);
    }
}
