// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.genome;

/**
 * An annotation of gene positions independent of the gene table (genvag bundles NCBI RefSeq exons per Entrez gene):
 * the witness that decides which of two Ensembl models carrying one Entrez link is the gene and which is a
 * pseudogene copy or patch model elsewhere (GRCh37 AK2 on chromosome 1 at 33.5 Mb, not at 59.1 Mb).
 */
public interface GeneSpans {
    /** No independent annotation: ties stay ambiguous. */
    GeneSpans NONE = new GeneSpans() {
        @Override
        public boolean knows(String entrezId) {
            return false;
        }

        @Override
        public int exonBases(String entrezId, String contig, char strand, int start, int end) {
            return 0;
        }
    };

    /** Whether the annotation places this Entrez gene at all. */
    boolean knows(String entrezId);

    /**
     * How many bases of the gene's exons lie in {@code contig:start-end} (1-based, closed) on {@code strand}; 0 when
     * the annotation places the gene elsewhere or on the other strand.
     */
    int exonBases(String entrezId, String contig, char strand, int start, int end);
}
