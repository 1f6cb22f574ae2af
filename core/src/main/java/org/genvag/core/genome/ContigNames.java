// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.genome;

/**
 * The two ways human contigs are named: UCSC ("chr1", "chrM") and Ensembl/NCBI ("1", "MT"). genvag's gene tables use
 * the Ensembl form; {@link #canonical} maps either form to it so that a VCF, a BAM, a BED and the gene tables can be
 * matched contig by contig, and every renaming is reported by the caller.
 */
public final class ContigNames {
    private ContigNames() {
    }

    /** "chr1" -> "1", "chrM"/"M"/"chrMT" -> "MT", "chrX" -> "X"; anything else (e.g. "chrUn_xyz", "HLA-A") as is. */
    public static String canonical(String name) {
        String n = name.startsWith("chr") ? name.substring(3) : name;
        if (n.equals("M")) {
            return "MT";
        }
        return name.startsWith("chr") && !GenomeBuild.PRIMARY_CONTIGS.contains(n) && !n.equals("MT") ? name : n;
    }
}
