// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.kb;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.genvag.core.biomarker.CodonHotspot;
import org.genvag.core.biomarker.KinaseDomain;
import org.genvag.core.biomarker.Threshold;
import org.genvag.core.genome.GenomeBuild;

/**
 * A biomarker the approvals name, with its genomic definition where sequencing can assess it: alleles per build for
 * a hotspot (and, for a protein change, its HGVS protein form and its codon per build), the 3' partner genes for a
 * fusion (with the exons of each partner's kinase domain where a source states them), a threshold for TMB.
 * {@code unverified} lists what the sources did not
 * settle: such facts are reported, never used as matching rules. {@code suggestedBy} names sequencing biomarkers
 * that point to this one without proving it (MSI-H to dMMR): the therapies of this biomarker are then listed beside
 * the sequencing match as depending on the test that defines it.
 */
public record Biomarker(String id, String name, Kind kind, String gene, String protein, List<String> threePrimeGenes,
                        List<KinaseDomain> kinaseDomains,
                        Map<GenomeBuild, List<Allele>> alleles, Map<GenomeBuild, CodonHotspot> codons,
                        Threshold threshold, boolean assessableFromSequencing, List<String> suggestedBy, String note,
                        List<String> unverified, LocalDate lastVerified, List<String> sources) {

    public enum Kind { HOTSPOT, FUSION, TMB, MSI, EXTERNAL }

    public Biomarker {
        threePrimeGenes = List.copyOf(threePrimeGenes);
        kinaseDomains = List.copyOf(kinaseDomains);
        alleles = Map.copyOf(alleles);
        codons = Map.copyOf(codons);
        suggestedBy = List.copyOf(suggestedBy);
        unverified = List.copyOf(unverified);
        sources = List.copyOf(sources);
    }

    /** The kinase domain the knowledge base states for this 3' partner gene, if any. */
    public Optional<KinaseDomain> kinaseDomain(String gene) {
        return kinaseDomains.stream().filter(d -> d.gene().equals(gene)).findFirst();
    }
}
