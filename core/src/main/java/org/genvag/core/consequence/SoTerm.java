// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.consequence;

/**
 * The Sequence Ontology terms genvag assigns, in the order of severity Ensembl VEP ranks them ("Calculated variant
 * consequences", ensembl.org/info/genome/variation/prediction/predicted_data.html, release 105 and later), each with
 * the IMPACT VEP gives it. The ordinal is the rank: a lower ordinal is more severe.
 */
public enum SoTerm {
    TRANSCRIPT_ABLATION("transcript_ablation", Impact.HIGH),
    SPLICE_ACCEPTOR_VARIANT("splice_acceptor_variant", Impact.HIGH),
    SPLICE_DONOR_VARIANT("splice_donor_variant", Impact.HIGH),
    STOP_GAINED("stop_gained", Impact.HIGH),
    FRAMESHIFT_VARIANT("frameshift_variant", Impact.HIGH),
    STOP_LOST("stop_lost", Impact.HIGH),
    START_LOST("start_lost", Impact.HIGH),
    INFRAME_INSERTION("inframe_insertion", Impact.MODERATE),
    INFRAME_DELETION("inframe_deletion", Impact.MODERATE),
    MISSENSE_VARIANT("missense_variant", Impact.MODERATE),
    PROTEIN_ALTERING_VARIANT("protein_altering_variant", Impact.MODERATE),
    SPLICE_DONOR_5TH_BASE_VARIANT("splice_donor_5th_base_variant", Impact.LOW),
    SPLICE_REGION_VARIANT("splice_region_variant", Impact.LOW),
    SPLICE_DONOR_REGION_VARIANT("splice_donor_region_variant", Impact.LOW),
    SPLICE_POLYPYRIMIDINE_TRACT_VARIANT("splice_polypyrimidine_tract_variant", Impact.LOW),
    INCOMPLETE_TERMINAL_CODON_VARIANT("incomplete_terminal_codon_variant", Impact.LOW),
    START_RETAINED_VARIANT("start_retained_variant", Impact.LOW),
    STOP_RETAINED_VARIANT("stop_retained_variant", Impact.LOW),
    SYNONYMOUS_VARIANT("synonymous_variant", Impact.LOW),
    CODING_SEQUENCE_VARIANT("coding_sequence_variant", Impact.MODIFIER),
    FIVE_PRIME_UTR_VARIANT("5_prime_UTR_variant", Impact.MODIFIER),
    THREE_PRIME_UTR_VARIANT("3_prime_UTR_variant", Impact.MODIFIER),
    NON_CODING_TRANSCRIPT_EXON_VARIANT("non_coding_transcript_exon_variant", Impact.MODIFIER),
    INTRON_VARIANT("intron_variant", Impact.MODIFIER),
    NON_CODING_TRANSCRIPT_VARIANT("non_coding_transcript_variant", Impact.MODIFIER),
    UPSTREAM_GENE_VARIANT("upstream_gene_variant", Impact.MODIFIER),
    DOWNSTREAM_GENE_VARIANT("downstream_gene_variant", Impact.MODIFIER),
    INTERGENIC_VARIANT("intergenic_variant", Impact.MODIFIER);

    private static final SoTerm[] ALL = values();
    private final String term;
    private final Impact impact;

    SoTerm(String term, Impact impact) {
        this.term = term;
        this.impact = impact;
    }

    /** The term as VEP writes it in CSQ. */
    public String term() {
        return term;
    }

    public Impact impact() {
        return impact;
    }

    public int bit() {
        return 1 << ordinal();
    }

    /** The most severe term of a set of {@link #bit()}s, or null for none. */
    public static SoTerm mostSevere(int terms) {
        return terms == 0 ? null : ALL[Integer.numberOfTrailingZeros(terms)];
    }

    /** The terms of a set, most severe first, joined with {@code &} as VEP joins them in CSQ. */
    public static String join(int terms) {
        StringBuilder out = new StringBuilder();
        for (int rest = terms; rest != 0; rest &= rest - 1) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(ALL[Integer.numberOfTrailingZeros(rest)].term);
        }
        return out.toString();
    }

    /** The term VEP writes as {@code term}, or null. */
    public static SoTerm byTerm(String term) {
        for (SoTerm t : ALL) {
            if (t.term.equals(term)) {
                return t;
            }
        }
        return null;
    }
}
