package org.genvag.core.biomarker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides whether called alleles make a codon hotspot, by what they do to the codon rather than by one coordinate:
 * the alleles touching the codon are applied to the reference codon per haplotype and the result translated. So the
 * SNV c.1799T>A, the MNV c.1799_1800delinsAA in one record, and the same MNV as two phased records are all V600E;
 * V600K (c.1798_1799delinsAA) is not, even when split into two records of which one is V600E's own SNV; unphased
 * alleles that would give different amino acids together and apart are ambiguous, never guessed.
 */
public final class CodonMatcher {
    private CodonMatcher() {
    }

    public static CodonMatch evaluate(CodonHotspot h, List<CalledAllele> calls) {
        List<CalledAllele> touching = new ArrayList<>();
        List<CalledAllele> filtered = new ArrayList<>();
        for (CalledAllele raw : calls) {
            CalledAllele a = raw.trimmed();
            if (!a.chrom().equals(h.chrom()) || a.end() < h.first() || a.pos() > h.last()) {
                continue;
            }
            (a.pass() ? touching : filtered).add(a);
        }
        if (touching.isEmpty()) {
            return filtered.isEmpty() ? new CodonMatch(CodonMatch.Status.NONE, h.refCodon(), ref(h), List.of(), null)
                    : new CodonMatch(CodonMatch.Status.FILTERED, h.refCodon(), ref(h), filtered,
                            "alleles at the codon failed their filters");
        }
        for (CalledAllele a : touching) {
            if (!a.isSubstitution()) {
                return new CodonMatch(CodonMatch.Status.OTHER_CHANGE, h.refCodon(), 'X', List.of(a),
                        "an insertion or deletion changes the codon (frameshift or in-frame indel)");
            }
        }
        // Phased alleles group by (phase set, haplotype); unphased ones cannot be placed.
        Map<String, List<CalledAllele>> haplotypes = new LinkedHashMap<>();
        List<CalledAllele> unphased = new ArrayList<>();
        for (CalledAllele a : touching) {
            if (a.haplotype() > 0) {
                haplotypes.computeIfAbsent(a.phaseSet() + "|" + a.haplotype(), k -> new ArrayList<>()).add(a);
            } else {
                unphased.add(a);
            }
        }
        List<List<CalledAllele>> candidates = new ArrayList<>(haplotypes.values());
        if (!unphased.isEmpty()) {
            if (!haplotypes.isEmpty() || unphased.size() > 1) {
                // Each unphased allele alone, and all together: if they disagree, the call is ambiguous.
                List<Character> outcomes = new ArrayList<>();
                for (CalledAllele a : unphased) {
                    outcomes.add(translate(h, List.of(a)));
                }
                outcomes.add(translate(h, touching));
                char first = outcomes.get(0);
                if (outcomes.stream().anyMatch(c -> c != first)) {
                    return new CodonMatch(CodonMatch.Status.AMBIGUOUS, h.refCodon(), 'X', touching,
                            "unphased alleles at the codon give " + outcomes + " depending on phase");
                }
            }
            candidates.add(unphased);
        }
        CodonMatch other = null;
        for (List<CalledAllele> haplotype : candidates) {
            String codon = apply(h, haplotype);
            char aa = GeneticCode.translate(codon);
            if (aa == h.targetAminoAcid()) {
                return new CodonMatch(CodonMatch.Status.MATCH, codon, aa, haplotype, null);
            }
            if (other == null) {
                other = new CodonMatch(CodonMatch.Status.OTHER_CHANGE, codon, aa, haplotype,
                        "the codon becomes " + codon + " (" + aa + "), not " + h.targetAminoAcid());
            }
        }
        return other;
    }

    private static char ref(CodonHotspot h) {
        return GeneticCode.translate(h.refCodon());
    }

    private static char translate(CodonHotspot h, List<CalledAllele> alleles) {
        return GeneticCode.translate(apply(h, alleles));
    }

    /** The codon as the transcript reads it after the alleles' substitutions. */
    static String apply(CodonHotspot h, List<CalledAllele> alleles) {
        char[] codon = h.refCodon().toCharArray();
        for (CalledAllele a : alleles) {
            for (int i = 0; i < a.alt().length(); i++) {
                long genomic = a.pos() + i;
                for (int k = 0; k < 3; k++) {
                    if (h.positions()[k] == genomic) {
                        char base = a.alt().charAt(i);
                        codon[k] = h.minusStrand() ? GeneticCode.complement(base) : Character.toUpperCase(base);
                    }
                }
            }
        }
        return new String(codon);
    }
}
