// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.genome;

import java.util.List;

/**
 * A gene's span on one build. Coordinates are 1-based and closed, as in Ensembl and VCF.
 *
 * @param contig    chromosome without "chr" prefix (1..22, X, Y, MT), as the gene tables store it
 * @param entrezIds NCBI Gene IDs linked to this Ensembl gene, official first; empty when there is none
 * @param aliases   other names: HGNC aliases and previous symbols, never the symbol itself
 */
public record Gene(String contig, int start, int end, char strand, String symbol, String ensemblId,
                   List<String> entrezIds, List<String> aliases) {

    public Gene {
        if (start < 1 || end < start) {
            throw new IllegalArgumentException("gene " + symbol + ": bad span " + start + "-" + end);
        }
        entrezIds = List.copyOf(entrezIds);
        aliases = List.copyOf(aliases);
    }

    public int length() {
        return end - start + 1;
    }

    @Override
    public String toString() {
        return symbol + " (" + ensemblId + ", " + contig + ":" + start + "-" + end + ")";
    }
}
