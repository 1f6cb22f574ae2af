// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.biomarker;

/**
 * One ALT allele as a caller reported it (a multi-allelic record gives one per ALT): 1-based POS, REF and ALT as in
 * the VCF, whether the record passed its filters, and its phase: {@code haplotype} 1 or 2 within {@code phaseSet}
 * when the genotype is phased, 0 when it is not. {@code id} names the record for evidence (CHROM:POS:REF:ALT).
 */
public record CalledAllele(String chrom, long pos, String ref, String alt, boolean pass, long phaseSet, int haplotype,
                           String id) {

    /** The allele with shared leading and trailing bases removed: the change itself, at its real position. */
    public CalledAllele trimmed() {
        int end = 0;
        while (end < Math.min(ref.length(), alt.length()) - 1
                && ref.charAt(ref.length() - 1 - end) == alt.charAt(alt.length() - 1 - end)) {
            end++;
        }
        String r = ref.substring(0, ref.length() - end);
        String a = alt.substring(0, alt.length() - end);
        int start = 0;
        while (start < Math.min(r.length(), a.length()) - 1 && r.charAt(start) == a.charAt(start)) {
            start++;
        }
        return new CalledAllele(chrom, pos + start, r.substring(start), a.substring(start), pass, phaseSet, haplotype,
                id);
    }

    /** Same length REF and ALT: substitutions only (SNV or MNV), which keep the reading frame. */
    public boolean isSubstitution() {
        return ref.length() == alt.length();
    }

    public long end() {
        return pos + ref.length() - 1;
    }
}
