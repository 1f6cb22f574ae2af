// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.biomarker.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One record behind a finding: CHROM:POS:REF:ALT (or the SV record IDs), its FILTER, the tumour's allele fraction,
 * depth and supporting reads where the VCF gives them (NaN or -1 where not), how it was found ("genomic
 * coordinates", "VEP CSQ p.Val600Glu", "breakend pair"), and for SVs the caller's own support fields.
 */
public record Evidence(String record, String filter, double vaf, int depth, int altReads, String via,
                       Map<String, Integer> support) {
    public Evidence {
        support = Collections.unmodifiableMap(new LinkedHashMap<>(support));
    }

    public static Evidence of(String record, String filter, String via) {
        return new Evidence(record, filter, Double.NaN, -1, -1, via, Map.of());
    }
}
