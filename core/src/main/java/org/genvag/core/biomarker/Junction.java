// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.biomarker;

import java.util.List;
import java.util.Map;

/**
 * A structural-variant junction joining two breakends, with what the caller said about it: the records it came from
 * (ID and CHROM:POS), whether they passed their filters (and which filters they failed), and the read support in
 * the caller's own terms (Manta PR/SR, GRIDSS VF/RP/SR, DELLY DV/RV), kept as named numbers.
 */
public record Junction(Breakend first, Breakend second, String svType, List<String> records, boolean pass,
                       String filter, Map<String, Integer> support) {
    public Junction {
        records = List.copyOf(records);
        support = Map.copyOf(support);
    }
}
