// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.kb;

import java.util.List;

/** A biomarker allele on one build: 1-based POS, REF and ALT as a VCF writes them, with its source keys. */
public record Allele(String chrom, long pos, String ref, String alt, String hgvsC, List<String> sources) {
    public Allele {
        sources = List.copyOf(sources);
    }
}
