// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.biomarker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides whether called alleles make a codon hotspot, by what they do to the codon rather than by one coordinate:
 * the alleles touching the codon are applied to the reference codon per haplotype and the result translated. So the
 * SNV c.1799T>A, the MNV c.1799_1800delinsAA in one record, and the same MNV as two phased records are all V600E;
 * V600K (c.1798_1799delinsAA) is not, even when split into two records of which one is V600E's own SNV.
 *
 * <p>Calls are placed on two haplotypes in every way their phase allows (an unphased call on either; a phase set as
 * called or flipped; two calls at one base never on one haplotype). A match needs the target amino acid on some
 * haplotype in every arrangement; none in any is another change; anything between is ambiguous, never guessed.
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
        // Units that can each sit two ways on the two haplotypes: an unphased allele (on 1 or on 2) or a phase set
        // (as called, or flipped). Every arrangement is tried; two alleles at one position never share a haplotype.
        List<List<CalledAllele>[]> units = new ArrayList<>();
        Map<Long, List<CalledAllele>[]> phaseSets = new LinkedHashMap<>();
        for (CalledAllele a : touching) {
            @SuppressWarnings("unchecked")
            List<CalledAllele>[] unit = a.haplotype() > 0
                    ? phaseSets.computeIfAbsent(a.phaseSet(), k -> newUnit(units)) : newUnit(units);
            unit[a.haplotype() == 2 ? 1 : 0].add(a);
        }
        if (units.size() > 12) {
            return new CodonMatch(CodonMatch.Status.AMBIGUOUS, h.refCodon(), 'X', touching,
                    "too many separate calls at one codon to place on haplotypes");
        }
        int withTarget = 0;
        int valid = 0;
        CodonMatch example = null;
        CodonMatch other = null;
        for (int mask = 0; mask < (1 << units.size()); mask++) {
            List<CalledAllele> hap1 = new ArrayList<>();
            List<CalledAllele> hap2 = new ArrayList<>();
            for (int u = 0; u < units.size(); u++) {
                boolean flip = (mask & (1 << u)) != 0;
                hap1.addAll(units.get(u)[flip ? 1 : 0]);
                hap2.addAll(units.get(u)[flip ? 0 : 1]);
            }
            if (conflicting(hap1) || conflicting(hap2)) {
                continue;
            }
            valid++;
            boolean found = false;
            for (List<CalledAllele> hap : List.of(hap1, hap2)) {
                if (hap.isEmpty()) {
                    continue;
                }
                String codon = apply(h, hap);
                char aa = GeneticCode.translate(codon);
                if (aa == h.targetAminoAcid()) {
                    found = true;
                    if (example == null) {
                        example = new CodonMatch(CodonMatch.Status.MATCH, codon, aa, hap, null);
                    }
                } else if (other == null) {
                    other = new CodonMatch(CodonMatch.Status.OTHER_CHANGE, codon, aa, hap,
                            "the codon becomes " + codon + " (" + aa + "), not " + h.targetAminoAcid());
                }
            }
            withTarget += found ? 1 : 0;
        }
        if (valid > 0 && withTarget == valid) {
            return example;
        }
        if (withTarget == 0 && other != null) {
            return other;
        }
        return new CodonMatch(CodonMatch.Status.AMBIGUOUS, h.refCodon(), 'X', touching,
                "the calls at the codon give " + h.targetAminoAcid() + " in " + withTarget + " of " + valid
                        + " ways they can sit on two haplotypes: phase them to decide");
    }

    @SuppressWarnings("unchecked")
    private static List<CalledAllele>[] newUnit(List<List<CalledAllele>[]> units) {
        List<CalledAllele>[] unit = new List[] {new ArrayList<>(), new ArrayList<>()};
        units.add(unit);
        return unit;
    }

    /** True when two alleles on one haplotype claim the same base. */
    private static boolean conflicting(List<CalledAllele> haplotype) {
        for (int i = 0; i < haplotype.size(); i++) {
            for (int j = i + 1; j < haplotype.size(); j++) {
                CalledAllele a = haplotype.get(i);
                CalledAllele b = haplotype.get(j);
                if (a.pos() <= b.end() && b.pos() <= a.end()) {
                    return true;
                }
            }
        }
        return false;
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
