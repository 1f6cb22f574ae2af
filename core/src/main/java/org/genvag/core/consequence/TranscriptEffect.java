// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.consequence;

/**
 * What one ALT allele does to one transcript, in the fields VEP's CSQ gives them. Text fields are empty where VEP
 * leaves them empty (no HGVSp for a UTR variant, no EXON for an intronic one).
 *
 * @param transcript      index into the transcript models
 * @param terms           {@link SoTerm} bits
 * @param exon            "3/10": the exon holding the allele and the transcript's exon count
 * @param intron          "2/9"
 * @param hgvsc           c. (or n.) description without the transcript: "c.1799T>A", "c.88+1G>A"
 * @param hgvsp           p. description in parentheses: "p.(Val600Glu)"; empty when the protein is not changed
 *                        at a coding position (UTR, intron) or cannot be predicted
 * @param cdnaPosition    "1860" or "1860-1861"
 * @param cdsPosition     "1799"
 * @param proteinPosition "600"
 * @param aminoAcids      "V/E", or "L" when unchanged
 * @param codons          "gTg/gAg": changed bases upper case
 */
public record TranscriptEffect(int transcript, int terms, String exon, String intron, String hgvsc, String hgvsp,
                               String cdnaPosition, String cdsPosition, String proteinPosition, String aminoAcids,
                               String codons) {

    public SoTerm mostSevere() {
        return SoTerm.mostSevere(terms);
    }

    public boolean has(SoTerm term) {
        return (terms & term.bit()) != 0;
    }
}
