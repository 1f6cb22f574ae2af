// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.biomarker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.genvag.core.genome.Gene;
import org.genvag.core.genome.GeneLocator;
import org.genvag.core.transcript.TranscriptModels;

/**
 * Reads gene fusions involving target genes (NTRK1/2/3, RET, ALK, ROS1) from junctions. A junction makes a fusion
 * transcript only when the two genes are joined head to tail: one breakend keeps its gene's 5' part and the other
 * keeps its gene's 3' part. A breakend keeps a gene's 5' part when it keeps the side the gene starts on (left for a
 * + strand gene, right for a - strand gene). This is the orientation logic of LINX (hmftools) reduced to gene
 * spans. With transcript models (a GFF the lab gives), each fusion that passes the orientation test is placed on its
 * genes' reported transcripts and its reading frame decided ({@link FusionFrame}), and, where the knowledge base
 * states the 3' partner's kinase-domain exons, whether the fusion keeps them ({@link DomainRetention}); without
 * models it is reported as {@link FusionCall.Status#IN_FRAME_UNVERIFIED}.
 */
public final class FusionCaller {
    private final GeneLocator genes;
    private final Set<String> targets;

    private final TranscriptModels models;
    private final Map<String, KinaseDomain> domains;

    public FusionCaller(GeneLocator genes, Set<String> targetThreePrimeGenes) {
        this(genes, targetThreePrimeGenes, null, List.of());
    }

    /**
     * @param models  transcript models to place breakpoints and decide the frame with, or null
     * @param domains the kinase domains the knowledge base states, by 3' partner gene (checked with models only)
     */
    public FusionCaller(GeneLocator genes, Set<String> targetThreePrimeGenes, TranscriptModels models,
                        List<KinaseDomain> domains) {
        this.genes = genes;
        this.targets = Set.copyOf(targetThreePrimeGenes);
        this.models = models;
        this.domains = new HashMap<>();
        domains.forEach(d -> this.domains.putIfAbsent(d.gene(), d));
    }

    /** The fusions this junction forms with a target gene on either side; empty when it touches none. */
    public List<FusionCall> call(Junction j) {
        List<Gene> first = genes.at(j.first().chrom(), j.first().pos());
        List<Gene> second = genes.at(j.second().chrom(), j.second().pos());
        List<FusionCall> out = new ArrayList<>();
        for (Gene a : first) {
            for (Gene b : second) {
                if (a.ensemblId().equals(b.ensemblId()) || a.symbol().equals(b.symbol())
                        || !(targets.contains(a.symbol()) || targets.contains(b.symbol()))) {
                    continue;   // intragenic rearrangements are not fusions
                }
                FusionCall call = orient(a, j.first(), b, j.second(), j);
                if (call != null) {
                    out.add(call);
                }
            }
        }
        return out;
    }

    private FusionCall orient(Gene a, Breakend ea, Gene b, Breakend eb, Junction j) {
        boolean aFive = keepsFivePrime(a, ea);
        boolean bFive = keepsFivePrime(b, eb);
        if (aFive == bFive) {
            // Head to head or tail to tail: no transcript reads through the junction, so no fusion.
            return null;
        }
        Gene five = aFive ? a : b;
        Gene three = aFive ? b : a;
        Breakend threeEnd = aFive ? eb : ea;
        Breakend fiveEnd = aFive ? ea : eb;
        FusionCall.Status status;
        if (!j.pass()) {
            status = FusionCall.Status.FILTERED;
        } else if (targets.contains(three.symbol())) {
            status = FusionCall.Status.IN_FRAME_UNVERIFIED;
        } else {
            status = FusionCall.Status.TARGET_IS_FIVE_PRIME;
        }
        FusionFrame frame = models == null ? null : FusionFrame.of(models, five.symbol(), fiveEnd.chrom(),
                fiveEnd.pos(), three.symbol(), threeEnd.chrom(), threeEnd.pos());
        KinaseDomain d = domains.get(three.symbol());
        DomainRetention domain = models == null || d == null ? null
                : DomainRetention.of(models, d, threeEnd.chrom(), threeEnd.pos());
        if (frame != null && status == FusionCall.Status.IN_FRAME_UNVERIFIED) {
            status = !frame.inFrame() ? FusionCall.Status.OUT_OF_FRAME
                    : domain != null && domain.verdict() == DomainRetention.Verdict.NOT_KEPT
                    ? FusionCall.Status.KINASE_DOMAIN_NOT_KEPT : FusionCall.Status.IN_FRAME;
        }
        return new FusionCall(five, three, status, fractionFromFivePrime(three, threeEnd.pos()), j, frame, domain);
    }

    static boolean keepsFivePrime(Gene g, Breakend e) {
        return e.keepsLeft() == (g.strand() == '+');
    }

    static double fractionFromFivePrime(Gene g, long pos) {
        double f = (double) (pos - g.start()) / Math.max(1, g.length() - 1);
        return g.strand() == '+' ? f : 1 - f;
    }
}
