// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.biomarker.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.genvag.core.biomarker.CodonMatch;
import org.genvag.core.biomarker.DomainRetention;
import org.genvag.core.biomarker.FusionCall;
import org.genvag.core.kb.Biomarker;
import org.genvag.core.kb.KnowledgeBase;
import org.genvag.core.kb.ResistanceMutation;
import org.genvag.core.msi.MsiScorer;

/**
 * Turns what the scanners saw into the report: for every knowledge-base biomarker exactly one of matched, assessed
 * and not found, or not assessable (with the reason); non-matching findings at the biomarkers' loci as observations;
 * the current label indications attached to each match, {@link TherapyRules} deciding whether each applies. The
 * scanners call the {@code add...} methods; {@link #report} decides.
 */
public final class BiomarkerAssessor {
    /**
     * A protein change found through a VCF's own annotation: a hotspot biomarker's ({@code biomarkerId}), or a
     * knowledge-base resistance mutation ({@code mutation}, with biomarkerId "resistance").
     */
    public record ProteinFinding(String biomarkerId, String gene, String protein, boolean pass, Evidence evidence,
                                 ResistanceMutation mutation) {
    }

    private final KnowledgeBase kb;
    private final TherapyRules rules;
    private final Map<String, List<Evidence>> hotspotMatches = new LinkedHashMap<>();
    private final Map<String, CodonMatch> codonResults = new LinkedHashMap<>();
    private final List<ProteinFinding> proteins = new ArrayList<>();
    private final List<FusionCall> fusions = new ArrayList<>();
    private final Map<FusionCall, Evidence> fusionEvidence = new LinkedHashMap<>();
    private final List<Observation> observations = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private boolean somaticAssessed;
    private String annotation;
    private boolean svAssessed;
    private String svSource;
    private TmbReport tmb;
    private String tmbNotAssessable = "no somatic VCF";
    private String msiNotAssessable = "MSI is called from the tumour and normal BAMs at microsatellite sites; none "
            + "were given (--bam, --normal-bam, --msi-sites)";
    private MsiScorer.Result msi;

    public BiomarkerAssessor(KnowledgeBase kb, TherapyRules rules) {
        this.kb = kb;
        this.rules = rules;
    }

    /** The somatic VCF was read; {@code annotation} is "CSQ", "ANN" or null when it carried none. */
    public void somaticVcfRead(String annotation) {
        this.somaticAssessed = true;
        this.annotation = annotation;
    }

    public void addCodon(Biomarker b, CodonMatch match, List<Evidence> evidence) {
        codonResults.put(b.id(), match);
        if (match.status() == CodonMatch.Status.MATCH) {
            hotspotMatches.computeIfAbsent(b.id(), k -> new ArrayList<>()).addAll(evidence);
        } else if (match.status() != CodonMatch.Status.NONE) {
            observations.add(new Observation(b.id(), b.name(), label(match.status()), match.note(), evidence));
        }
    }

    public void addProtein(ProteinFinding f) {
        proteins.add(f);
    }

    public void structuralVariantsRead(String source) {
        svAssessed = true;
        svSource = source;
    }

    public void addFusion(FusionCall call, Evidence evidence) {
        fusions.add(call);
        fusionEvidence.put(call, evidence);
    }

    public void tmb(TmbReport report) {
        this.tmb = report;
    }

    public void tmbNotAssessable(String reason) {
        this.tmbNotAssessable = reason;
    }

    public void msiNotAssessable(String reason) {
        this.msiNotAssessable = reason;
    }

    /** The MSI call of the tumour against its normal. */
    public void msi(MsiScorer.Result result) {
        this.msi = result;
    }

    public void warn(String warning) {
        warnings.add(warning);
    }

    public BiomarkerReport report(String sample, String build, Map<String, String> inputs) {
        List<BiomarkerMatch> matches = new ArrayList<>();
        List<Unassessed> notFound = new ArrayList<>();
        List<Unassessed> notAssessable = new ArrayList<>();
        List<Observation> seen = new ArrayList<>(observations);
        List<ProteinFinding> resistance = new ArrayList<>();
        for (ProteinFinding p : proteins) {
            if (p.biomarkerId().equals("resistance")) {
                resistance.add(p);
                ResistanceMutation m = p.mutation();
                seen.add(new Observation("resistance", p.gene() + " " + p.protein(), !p.pass() ? "filtered"
                        : m.verified() ? "present" : "present, unverified", "acquired resistance mutation named by "
                        + "the knowledge base: " + m.label() + "; " + TherapyRules.responses(m)
                        + (m.verified() ? "" : "; unverified, not used to decide"), List.of(p.evidence())));
            }
        }
        for (Biomarker b : kb.biomarkers()) {
            switch (b.kind()) {
                case HOTSPOT -> hotspot(b, matches, notFound, notAssessable, seen);
                case FUSION -> fusion(b, resistance, matches, notFound, notAssessable, seen);
                case TMB -> tmb(b, matches, notFound, notAssessable);
                case MSI -> msi(b, matches, notFound, notAssessable);
                case EXTERNAL -> notAssessable.add(new Unassessed(b, b.note() == null
                        ? "not a sequencing biomarker" : b.note()));
            }
        }
        reportingOnlyFusions(seen);
        return new BiomarkerReport(sample, build, kb.version(), kb.collected(), rules.tumour(), inputs, matches,
                tmb, notFound, notAssessable, seen, warnings);
    }

    private void hotspot(Biomarker b, List<BiomarkerMatch> matches, List<Unassessed> notFound,
                         List<Unassessed> notAssessable, List<Observation> seen) {
        if (!somaticAssessed) {
            notAssessable.add(new Unassessed(b, "no somatic VCF given"));
            return;
        }
        List<Evidence> evidence = new ArrayList<>(hotspotMatches.getOrDefault(b.id(), List.of()));
        List<String> caveats = new ArrayList<>();
        for (ProteinFinding p : proteins) {
            if (p.biomarkerId().equals(b.id())) {
                if (p.pass()) {
                    evidence.add(p.evidence());
                } else {
                    seen.add(new Observation(b.id(), b.name(), "filtered", "annotated " + p.protein()
                            + " on a record that failed its filters", List.of(p.evidence())));
                }
            }
        }
        CodonMatch codon = codonResults.get(b.id());
        if (evidence.isEmpty()) {
            String where = codon == null ? "no codon position for this build"
                    : "codon " + codon.codon() + " checked by coordinates";
            notFound.add(new Unassessed(b, where + (annotation == null ? "" : "; " + annotation
                    + " annotations checked for " + b.protein())));
            return;
        }
        if (codon != null && codon.status() != CodonMatch.Status.MATCH) {
            caveats.add("the annotation names " + b.protein() + " but the alleles at the codon by coordinates give "
                    + label(codon.status()) + ": check the record");
        }
        matches.add(new BiomarkerMatch(b, b.name(), BiomarkerMatch.MATCH,
                rules.therapies(b, ResistanceFindings.NONE), evidence, caveats));
    }

    private void fusion(Biomarker b, List<ProteinFinding> resistance, List<BiomarkerMatch> matches,
                        List<Unassessed> notFound, List<Unassessed> notAssessable, List<Observation> seen) {
        if (!svAssessed) {
            notAssessable.add(new Unassessed(b, "no structural-variant VCF given (--sv-vcf); RNA fusion assays "
                    + "are not read"));
            return;
        }
        Map<String, List<FusionCall>> byName = new LinkedHashMap<>();
        int observed = seen.size();
        for (FusionCall c : fusions) {
            boolean threeIsTarget = b.threePrimeGenes().contains(c.threePrime().symbol());
            boolean fiveIsTarget = b.threePrimeGenes().contains(c.fivePrime().symbol());
            if (c.readsThrough() && threeIsTarget) {
                byName.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(c);
            } else if (c.status() == FusionCall.Status.OUT_OF_FRAME && threeIsTarget) {
                seen.add(new Observation(b.id(), c.name() + " fusion", "out of frame", "on transcripts "
                        + c.frame().fiveTranscript() + " and " + c.frame().threeTranscript() + ": "
                        + c.frame().detail() + "; an out-of-frame fusion is not a match",
                        List.of(fusionEvidence.get(c))));
            } else if (c.status() == FusionCall.Status.KINASE_DOMAIN_NOT_KEPT && threeIsTarget) {
                seen.add(new Observation(b.id(), c.name() + " fusion", "kinase domain not retained", "in frame on "
                        + "transcripts " + c.frame().fiveTranscript() + " and " + c.frame().threeTranscript() + ", but "
                        + c.domain().detail() + "; a kinase-less fusion is not a match",
                        List.of(fusionEvidence.get(c))));
            } else if (c.status() == FusionCall.Status.FILTERED && (threeIsTarget || fiveIsTarget)) {
                seen.add(new Observation(b.id(), c.name() + " fusion", "filtered", "the caller's filters failed "
                        + "the junction: " + c.junction().filter(), List.of(fusionEvidence.get(c))));
            } else if (c.status() == FusionCall.Status.TARGET_IS_FIVE_PRIME && fiveIsTarget) {
                seen.add(new Observation(b.id(), c.name() + " fusion", "kinase domain not retained",
                        c.fivePrime().symbol() + " is the 5' partner: its 3' kinase domain is not in the fusion",
                        List.of(fusionEvidence.get(c))));
            }
        }
        if (byName.isEmpty()) {
            String genes = String.join("/", b.threePrimeGenes());
            notFound.add(new Unassessed(b, seen.size() > observed
                    ? "no junction in " + svSource + " makes a fusion of " + genes + " as the 3' partner that reads "
                    + "through in frame with its kinase domain (the junctions that involve them are listed as "
                    + "observations)"
                    : "no junction in " + svSource + " joins " + genes + " as the 3' partner"));
            return;
        }
        for (Map.Entry<String, List<FusionCall>> e : byName.entrySet()) {
            List<Evidence> evidence = new ArrayList<>();
            List<String> caveats = new ArrayList<>();
            String three = e.getValue().get(0).threePrime().symbol();
            for (FusionCall c : e.getValue()) {
                evidence.add(fusionEvidence.get(c));
                if (c.frame() != null) {
                    caveats.add(String.format(Locale.ROOT, "junction %s: %s (%s) to %s (%s) on %s and %s: %s; %s",
                            String.join(",", c.records()), c.fivePrime().symbol(), c.frame().fiveAt(), three,
                            c.frame().threeAt(), c.frame().fiveTranscript(), c.frame().threeTranscript(),
                            c.frame().detail(), domainWords(c)));
                    continue;
                }
                caveats.add(String.format(Locale.ROOT, "junction %s: the %s breakpoint lies %.0f%% along the gene "
                        + "from its 5' end; the orientation keeps its 3' part, but the reading frame and the "
                        + "kinase-domain exons are not verified (genvag's gene tables hold no exon models; give a GFF "
                        + "to place the breakpoints): confirm by RNA or the breakpoint's exon",
                        String.join(",", c.records()), three, 100 * c.threePrimeFraction()));
            }
            List<ProteinFinding> found = resistance.stream().filter(p -> p.pass() && p.gene().equals(three))
                    .toList();
            String notAssessed = null;
            if (!somaticAssessed) {
                notAssessed = "no somatic VCF";
            } else if (annotation == null) {
                notAssessed = "the somatic VCF carries no VEP or SnpEff protein annotation";
            }
            if (notAssessed != null) {
                caveats.add("acquired resistance mutations were not assessed: " + notAssessed);
            }
            found.forEach(p -> evidence.add(p.evidence()));
            ResistanceFindings findings = new ResistanceFindings(notAssessed,
                    found.stream().map(ProteinFinding::mutation).distinct().toList());
            boolean resistant = findings.found().stream().anyMatch(ResistanceMutation::verified);
            matches.add(new BiomarkerMatch(b, e.getKey() + " fusion", resistant ? BiomarkerMatch.RESISTANCE
                    : BiomarkerMatch.MATCH, rules.therapies(b, findings), evidence, caveats));
        }
    }

    /** What the caveat says of the kinase domain of an in-frame fusion. */
    private static String domainWords(FusionCall c) {
        if (c.domain() == null) {
            return "whether the kinase domain is kept is not verified (the knowledge base states no sourced "
                    + "kinase-domain exons for " + c.threePrime().symbol() + "): confirm by RNA";
        }
        if (c.domain().verdict() == DomainRetention.Verdict.NOT_CHECKED) {
            return "whether the kinase domain is kept is not verified: " + c.domain().detail() + ": confirm by RNA";
        }
        return c.domain().detail();
    }

    /** Fusions of target genes the knowledge base has no tissue-agnostic biomarker for (ALK, ROS1). */
    private void reportingOnlyFusions(List<Observation> seen) {
        for (FusionCall c : fusions) {
            boolean known = kb.biomarkers().stream().anyMatch(b -> b.kind() == Biomarker.Kind.FUSION
                    && (b.threePrimeGenes().contains(c.threePrime().symbol())
                    || b.threePrimeGenes().contains(c.fivePrime().symbol())));
            if (!known && c.readsThrough()) {
                seen.add(new Observation("", c.name() + " fusion", "reported, not matched", "no tissue-agnostic "
                        + "approval names this gene; listed for review", List.of(fusionEvidence.get(c))));
            }
        }
    }

    private void tmb(Biomarker b, List<BiomarkerMatch> matches, List<Unassessed> notFound,
                     List<Unassessed> notAssessable) {
        if (tmb == null) {
            notAssessable.add(new Unassessed(b, tmbNotAssessable));
            return;
        }
        var r = tmb.result();
        if (!r.assessable()) {
            notAssessable.add(new Unassessed(b, String.format(Locale.ROOT, "territory of %.3f Mb is below the "
                    + "minimum for TMB", r.megabases())));
            return;
        }
        String summary = String.format(Locale.ROOT, "%.2f mut/Mb (%d mutations / %.3f Mb), cut-off %s %s",
                r.value(), r.mutations(), r.megabases(), r.cutoff().comparison(), trim(r.cutoff().value()));
        if (!r.high()) {
            notFound.add(new Unassessed(b, summary));
            return;
        }
        List<String> caveats = List.of("the label's cut-off applies to an FDA-approved test (FoundationOne CDx); "
                + "panel and caller differences shift TMB (Friends of Cancer Research harmonisation)");
        matches.add(new BiomarkerMatch(b, b.name(), BiomarkerMatch.MATCH,
                rules.therapies(b, ResistanceFindings.NONE),
                List.of(Evidence.of("TMB " + summary, "PASS", "TMB over " + tmb.territoryFrom())), caveats));
    }

    private void msi(Biomarker b, List<BiomarkerMatch> matches, List<Unassessed> notFound,
                     List<Unassessed> notAssessable) {
        if (msi == null) {
            notAssessable.add(new Unassessed(b, msiNotAssessable));
            return;
        }
        var o = msi.options();
        String summary = String.format(Locale.ROOT, "MSI score %.2f%% (%d of %d evaluable sites unstable; MSI-H at "
                + ">= %s, indeterminate from %s)", msi.score(), msi.unstable(), msi.evaluable(), trim(o.highCutoff()),
                trim(o.indeterminateCutoff()));
        switch (msi.status()) {
            case MSI_H -> matches.add(new BiomarkerMatch(b, b.name(), BiomarkerMatch.MATCH,
                    rules.therapies(b, ResistanceFindings.NONE),
                    List.of(Evidence.of(summary, "PASS", "tumour vs normal at microsatellite sites")),
                    List.of("MSI from sequencing satisfies 'MSI-H' label wording only; cut-offs are method-specific "
                            + "and the labels name validated tests")));
            case MSS -> notFound.add(new Unassessed(b, "MSS: " + summary));
            case INDETERMINATE -> notAssessable.add(new Unassessed(b, "indeterminate: " + summary
                    + "; confirm by IHC or PCR"));
            case NOT_ASSESSABLE -> notAssessable.add(new Unassessed(b, String.format(Locale.ROOT, "only %d "
                    + "evaluable sites (at least %d needed)", msi.evaluable(), o.minSites())));
        }
    }

    private static String label(CodonMatch.Status s) {
        return s.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
