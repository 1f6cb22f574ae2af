// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.biomarker;

import java.util.List;

import org.genvag.core.genome.Gene;

/**
 * A gene fusion read from a junction: the 5' partner contributes its start (promoter, first exons), the 3' partner
 * its end. {@code threePrimeFraction} is where the 3' breakpoint lies along that gene from its 5' end (0..1): the
 * kinase domains of NTRK1/2/3 and RET are encoded in their 3' exons, so a breakpoint near the 3' end cannot keep them.
 *
 * @param status {@link Status#IN_FRAME_UNVERIFIED} when the orientation keeps the target gene's 3' part and no
 *               transcript models were given to check the frame; {@link Status#IN_FRAME} or
 *               {@link Status#OUT_OF_FRAME} when they were ({@code frame} says how);
 *               {@link Status#KINASE_DOMAIN_NOT_KEPT} when it is in frame but the 3' partner's breakpoint lies
 *               within or after its kinase-domain exons; {@link Status#TARGET_IS_FIVE_PRIME} when the target gene is
 *               the 5' partner, so its kinase domain is lost; {@link Status#FILTERED} when the caller's filters
 *               failed the junction
 * @param frame  the breakpoints on the reported transcripts and the frame verdict, or null without transcript models
 * @param domain whether the 3' partner keeps its kinase domain, or null without transcript models or without a
 *               sourced domain for that gene in the knowledge base
 */
public record FusionCall(Gene fivePrime, Gene threePrime, Status status, double threePrimeFraction,
                         Junction junction, FusionFrame frame, DomainRetention domain) {

    public enum Status {
        IN_FRAME_UNVERIFIED, IN_FRAME, OUT_OF_FRAME, KINASE_DOMAIN_NOT_KEPT, TARGET_IS_FIVE_PRIME, FILTERED
    }

    /** A call whose frame was not checked. */
    public FusionCall(Gene fivePrime, Gene threePrime, Status status, double threePrimeFraction, Junction junction) {
        this(fivePrime, threePrime, status, threePrimeFraction, junction, null, null);
    }

    /** Whether the orientation (and, when checked, the frame) makes a fusion transcript of the 3' partner's end. */
    public boolean readsThrough() {
        return status == Status.IN_FRAME_UNVERIFIED || status == Status.IN_FRAME;
    }

    /** HGNC fusion notation, 5' partner first: ETV6::NTRK3. */
    public String name() {
        return fivePrime.symbol() + "::" + threePrime.symbol();
    }

    public List<String> records() {
        return junction.records();
    }
}
