// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.consequence;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.genvag.core.consequence.SoTerm;
import org.genvag.core.consequence.TranscriptEffect;

/**
 * One transcript's part of a bcftools csq BCSQ value (entries {@code consequence|gene|transcript|biotype|strand|
 * amino_acid_change|dna_change}, several per transcript when a splice term is given apart), with its terms mapped to
 * VEP's. Intron and non-coding entries name no transcript: they are keyed "gene:NAME".
 */
record BcftoolsCsq(EnumSet<SoTerm> terms, String aminoAcids) {

    static Map<String, BcftoolsCsq> parse(String bcsq) {
        Map<String, BcftoolsCsq> out = new TreeMap<>();
        for (String entry : bcsq.split(",")) {
            if (entry.startsWith("@")) {
                continue;
            }
            String[] f = entry.split("\\|", -1);
            if (f.length < 3) {
                continue;
            }
            String key = f[2].isEmpty() ? "gene:" + f[1] : f[2];
            BcftoolsCsq old = out.get(key);
            EnumSet<SoTerm> terms = old == null ? EnumSet.noneOf(SoTerm.class) : old.terms;
            for (String t : f[0].replace("*", "").split("&")) {
                terms.addAll(vep(t));
            }
            String aa = f.length > 5 && !f[5].isEmpty() ? f[5] : old == null ? null : old.aminoAcids;
            out.put(key, new BcftoolsCsq(terms, aa));
        }
        return out;
    }

    SoTerm mostSevere() {
        return terms.isEmpty() ? null : terms.iterator().next();
    }

    /** genvag's most severe term without VEP's finer splice terms, which bcftools has no names for. */
    static SoTerm comparableMostSevere(TranscriptEffect e) {
        return SoTerm.mostSevere(e.terms() & ~(SoTerm.SPLICE_DONOR_5TH_BASE_VARIANT.bit()
                | SoTerm.SPLICE_DONOR_REGION_VARIANT.bit() | SoTerm.SPLICE_POLYPYRIMIDINE_TRACT_VARIANT.bit()));
    }

    /** genvag's change in bcftools' notation: "600V>600E", or "54L" when unchanged. */
    static String aminoAcids(TranscriptEffect e) {
        String pos = e.proteinPosition().split("-")[0];
        String[] aa = e.aminoAcids().split("/");
        return aa.length == 1 ? pos + aa[0] : pos + aa[0] + ">" + pos + aa[1];
    }

    static Set<SoTerm> vep(String bcftools) {
        return switch (bcftools) {
            case "missense" -> Set.of(SoTerm.MISSENSE_VARIANT);
            case "synonymous" -> Set.of(SoTerm.SYNONYMOUS_VARIANT);
            case "stop_gained" -> Set.of(SoTerm.STOP_GAINED);
            case "frameshift" -> Set.of(SoTerm.FRAMESHIFT_VARIANT);
            case "inframe_deletion" -> Set.of(SoTerm.INFRAME_DELETION);
            case "inframe_insertion" -> Set.of(SoTerm.INFRAME_INSERTION);
            case "inframe_altering" -> Set.of(SoTerm.PROTEIN_ALTERING_VARIANT);
            case "splice_region" -> Set.of(SoTerm.SPLICE_REGION_VARIANT);
            case "splice_donor" -> Set.of(SoTerm.SPLICE_DONOR_VARIANT);
            case "splice_acceptor" -> Set.of(SoTerm.SPLICE_ACCEPTOR_VARIANT);
            case "start_lost" -> Set.of(SoTerm.START_LOST);
            case "stop_lost" -> Set.of(SoTerm.STOP_LOST);
            case "start_retained" -> Set.of(SoTerm.START_RETAINED_VARIANT);
            case "stop_retained" -> Set.of(SoTerm.STOP_RETAINED_VARIANT);
            case "5_prime_utr" -> Set.of(SoTerm.FIVE_PRIME_UTR_VARIANT);
            case "3_prime_utr" -> Set.of(SoTerm.THREE_PRIME_UTR_VARIANT);
            case "intron" -> Set.of(SoTerm.INTRON_VARIANT);
            case "non_coding" -> Set.of(SoTerm.NON_CODING_TRANSCRIPT_EXON_VARIANT);
            case "coding_sequence" -> Set.of(SoTerm.CODING_SEQUENCE_VARIANT);
            case "intergenic" -> Set.of(SoTerm.INTERGENIC_VARIANT);
            default -> Set.of();
        };
    }
}
