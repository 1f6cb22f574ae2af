// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.biomarker;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.genvag.core.biomarker.FusionCall;
import org.genvag.core.biomarker.FusionCaller;
import org.genvag.core.biomarker.Junction;
import org.genvag.core.biomarker.KinaseDomain;
import org.genvag.core.biomarker.Threshold;
import org.genvag.core.biomarker.TmbCalculator;
import org.genvag.core.biomarker.TmbMode;
import org.genvag.core.biomarker.report.BiomarkerAssessor;
import org.genvag.core.biomarker.report.BiomarkerReport;
import org.genvag.core.biomarker.report.Evidence;
import org.genvag.core.biomarker.report.TherapyRules;
import org.genvag.core.error.InputException;
import org.genvag.core.genome.GeneLocator;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.core.interval.IntervalIndex;
import org.genvag.core.kb.Biomarker;
import org.genvag.core.kb.KnowledgeBase;
import org.genvag.core.msi.MsiScorer;
import org.genvag.core.transcript.TranscriptModels;
import org.genvag.core.tumour.TumourType;
import org.genvag.io.bed.BedReader;
import org.genvag.io.genes.GeneTableReader;
import org.genvag.io.gff.GffReader;
import org.genvag.io.kb.KnowledgeBaseReader;
import org.genvag.io.kb.OncoTreeReader;
import org.genvag.io.panel.BuildDetector;
import org.genvag.io.sv.SvJunctionReader;
import org.genvag.io.variants.VariantSources;
import org.genvag.io.vcf.AnnotationLayout;
import org.genvag.io.vcf.VcfReader;
import org.genvag.io.vcf.VcfRecord;
import org.genvag.pipeline.consequence.CsqJob;
import org.genvag.pipeline.consequence.TranscriptSet;

/**
 * Tumour-agnostic biomarker assessment of one tumour, as a library call: one streaming pass over the somatic VCF
 * (hotspots by coordinates, protein changes by annotation, TMB), one over the SV VCF (fusions), then the knowledge
 * base decides. The command line is a thin layer over {@link #run}.
 *
 * <p>Reads the somatic and SV VCFs, the callable BED and the knowledge base (the bundled one, loaded once and
 * shared: it is immutable). Throws {@link InputException} for anything wrong with the inputs (a malformed record, a
 * build the headers contradict, an invalid knowledge base), {@link IOException} when the environment fails.
 * Thread-safe: no state between calls, so tumours may be assessed in parallel.
 */
public final class BiomarkerJob {
    /** Genes whose fusions are reported for review though no tissue-agnostic approval names them. */
    public static final Set<String> REPORTING_ONLY_FUSION_GENES = Set.of("ALK", "ROS1");

    /**
     * @param somaticVcf  SNV/indel VCF (path or "-"), or null
     * @param svVcf       structural-variant VCF, or null
     * @param callable    callable-territory BED for TMB, or null
     * @param territoryMb stated territory size when there is no BED, or null
     * @param build       null: from the VCF headers
     * @param sample      tumour sample name, or null to find it
     * @param kb          a knowledge-base file, or null for the bundled one
     * @param tumourType  the tumour's OncoTree type, or null when not given (then therapies whose labels exclude or
     *                    name tumour types depend on it)
     * @param consequences transcripts and reference to compute consequences from when the somatic VCF has no
     *                    CSQ/ANN of its own (TMB's coding test, protein changes), or null
     */
    public record Request(String somaticVcf, String svVcf, Path callable, Double territoryMb, GenomeBuild build,
                          String sample, Path kb, TmbOptions tmb, int threads, TumourType tumourType,
                          Consequences consequences) {
        /** A request that takes consequences only from the VCF's own annotation. */
        public Request(String somaticVcf, String svVcf, Path callable, Double territoryMb, GenomeBuild build,
                       String sample, Path kb, TmbOptions tmb, int threads, TumourType tumourType) {
            this(somaticVcf, svVcf, callable, territoryMb, build, sample, kb, tmb, threads, tumourType, null);
        }

        /** A request without the tumour's type. */
        public Request(String somaticVcf, String svVcf, Path callable, Double territoryMb, GenomeBuild build,
                       String sample, Path kb, TmbOptions tmb, int threads) {
            this(somaticVcf, svVcf, callable, territoryMb, build, sample, kb, tmb, threads, null, null);
        }

        /** A request for a tumour's somatic and/or SV VCF (paths or "-"; null for none); see {@link RequestBuilder}. */
        public static RequestBuilder builder(String somaticVcf, String svVcf) {
            return new RequestBuilder(somaticVcf, svVcf);
        }

        public Request {
            if (somaticVcf == null && svVcf == null) {
                throw new InputException("give a somatic VCF, an SV VCF or both");
            }
            if (callable != null && territoryMb != null) {
                throw new InputException("give either a callable BED or a territory size, not both");
            }
            if (territoryMb != null && !(territoryMb > 0)) {
                throw new InputException("territory size must be > 0 Mb, got " + territoryMb);
            }
        }
    }

    /**
     * Builds a {@link Request}. Defaults: no callable BED or territory (TMB not assessable), the build from the VCF
     * headers, the tumour sample found in the VCF, the bundled knowledge base, {@link TmbOptions#defaults()}, 2
     * threads, no tumour type.
     */
    public static final class RequestBuilder {
        private final String somaticVcf;
        private final String svVcf;
        private Path callable;
        private Double territoryMb;
        private GenomeBuild build;
        private String sample;
        private Path kb;
        private TmbOptions tmb = TmbOptions.defaults();
        private int threads = 2;
        private TumourType tumourType;
        private Consequences consequences;

        private RequestBuilder(String somaticVcf, String svVcf) {
            this.somaticVcf = somaticVcf;
            this.svVcf = svVcf;
        }

        /** The callable territory for TMB, as a BED. */
        public RequestBuilder callable(Path bed) {
            this.callable = bed;
            return this;
        }

        /** The callable territory's size, when there is no BED. */
        public RequestBuilder territoryMb(double mb) {
            this.territoryMb = mb;
            return this;
        }

        public RequestBuilder genomeBuild(GenomeBuild build) {
            this.build = build;
            return this;
        }

        /** The tumour's sample column, when the VCF holds more than one. */
        public RequestBuilder sample(String sample) {
            this.sample = sample;
            return this;
        }

        /** A knowledge-base file instead of the bundled one. */
        public RequestBuilder knowledgeBase(Path kb) {
            this.kb = kb;
            return this;
        }

        public RequestBuilder tmb(TmbOptions tmb) {
            this.tmb = tmb;
            return this;
        }

        public RequestBuilder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** The tumour's OncoTree type: decides which label indications apply. */
        public RequestBuilder tumourType(TumourType type) {
            this.tumourType = type;
            return this;
        }

        /**
         * Consequences computed by genvag csq from these transcripts and reference when the somatic VCF carries no
         * CSQ/ANN: TMB's coding test and the protein changes (BRAF p.Val600Glu, NTRK resistance) then use them.
         */
        public RequestBuilder consequences(Path gff, Path reference) {
            this.consequences = new Consequences(gff, reference);
            return this;
        }

        public Request build() {
            return new Request(somaticVcf, svVcf, callable, territoryMb, build, sample, kb, tmb, threads, tumourType,
                    consequences);
        }
    }

    /** A GFF3/GTF of transcripts and the reference FASTA (with .fai) that genvag csq computes consequences with. */
    public record Consequences(Path gff, Path reference) {
    }

    /** TMB settings a lab chooses; the cut-off comes from the knowledge base unless overridden. */
    public record TmbOptions(double minVaf, int minDepth, double maxPopulationAf, TmbMode mode,
                             Double cutoff) {
        public static TmbOptions defaults() {
            return new TmbOptions(0.05, 25, 0.01, TmbMode.CODING, null);
        }
    }

    public record Outcome(BiomarkerReport report, KnowledgeBase kb, GenomeBuild build, long somaticRecords,
                          SvJunctionReader.Result structuralVariants) {
    }

    private BiomarkerJob() {
    }

    public static Outcome run(Request q) throws IOException {
        return run(q, null);
    }

    /** The same, with the MSI call of the tumour against its normal (from {@code MsiCall}), or null for none. */
    public static Outcome run(Request q, MsiScorer.Result msi) throws IOException {
        KnowledgeBase kb = q.kb() == null ? KnowledgeBaseReader.bundled() : KnowledgeBaseReader.read(q.kb());
        BiomarkerAssessor assessor = new BiomarkerAssessor(kb, new TherapyRules(kb, OncoTreeReader.bundled(),
                q.tumourType()));
        if (msi != null) {
            assessor.msi(msi);
        }
        Map<String, String> inputs = new LinkedHashMap<>();
        Path annotated = null;
        // Transcripts, when given, serve both the somatic VCF's consequences and the fusions' frames.
        TranscriptModels models = q.consequences() == null ? null : GffReader.read(q.consequences().gff());
        try {
            if (q.somaticVcf() != null) {
                inputs.put("somaticVcf", q.somaticVcf());
                annotated = withConsequences(q, models, kb, assessor, inputs);
            }
            return assess(q, kb, assessor, inputs, annotated, models);
        } finally {
            if (annotated != null) {
                Files.deleteIfExists(annotated);
            }
        }
    }

    /**
     * The somatic VCF with genvag's consequences, in a temporary file, when they were asked for (null otherwise): as
     * INFO/CSQ when the VCF has no CSQ/ANN of its own, which the scans then use; beside its own, as
     * INFO/{@value #OWN_TAG}, compared with it for the knowledge base's protein changes. A VCF's own annotation is
     * what the lab's pipeline reported: it keeps deciding.
     */
    private static Path withConsequences(Request q, TranscriptModels models, KnowledgeBase kb,
                                         BiomarkerAssessor assessor, Map<String, String> inputs) throws IOException {
        if (q.consequences() == null || q.somaticVcf().equals("-")) {
            return null;
        }
        boolean own;
        try (VcfReader reader = VariantSources.open(q.somaticVcf(), 1)) {
            own = AnnotationLayout.of(reader) != null;
        }
        Path out = Files.createTempFile("genvag-somatic-csq", ".vcf.gz");
        try {
            // Beside a VCF's own annotation, genvag's goes under a key of its own: the VCF's still decides, and
            // where the two name different knowledge-base protein changes, the report says so.
            CsqJob.run(new CsqJob.Request(q.somaticVcf(), out.toString(), null, q.consequences().gff(),
                    q.consequences().reference(), TranscriptSet.ALL, false, q.threads(), own ? OWN_TAG : "CSQ"),
                    models, new PrintWriter(Writer.nullWriter()));
            inputs.put("consequences", "genvag csq: " + q.consequences().gff() + ", " + q.consequences().reference()
                    + (own ? " (compared with the VCF's own annotation, which is used)" : ""));
            if (own) {
                compareProteinChanges(out, q.somaticVcf(), kb, assessor);
                compareCodingTest(out, q.somaticVcf(), q.tmb().mode(), assessor);
            }
            return out;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(out);
            throw e;
        }
    }

    /** The INFO key genvag's consequences take beside a VCF's own CSQ/ANN. */
    static final String OWN_TAG = "GENVAG_CSQ";

    /**
     * Knowledge-base protein changes (hotspots by protein, NTRK resistance mutations) that the VCF's own annotation
     * and genvag's do not both name, each a warning in the report.
     */
    private static void compareProteinChanges(Path annotated, String source, KnowledgeBase kb,
                                              BiomarkerAssessor assessor) throws IOException {
        try (VcfReader reader = VariantSources.open(annotated.toString(), 1)) {
            ProteinAnnotationScanner theirs = new ProteinAnnotationScanner(kb, AnnotationLayout.of(reader), -1);
            ProteinAnnotationScanner ours = new ProteinAnnotationScanner(kb, AnnotationLayout.of(reader, OWN_TAG), -1);
            VcfRecord r = new VcfRecord();
            while (reader.next(r)) {
                theirs.accept(r);
                ours.accept(r);
            }
            Set<String> a = keys(theirs.hits());
            Set<String> b = keys(ours.hits());
            for (String k : a) {
                if (!b.contains(k)) {
                    assessor.warn(source + ": its " + theirs.annotation() + " names " + k + "; genvag's consequences "
                            + "do not (the VCF's annotation is used)");
                }
            }
            for (String k : b) {
                if (!a.contains(k)) {
                    assessor.warn(source + ": genvag's consequences name " + k + "; its " + theirs.annotation()
                            + " does not (the VCF's annotation is used)");
                }
            }
        }
    }

    /**
     * TMB's coding test (a counted Sequence Ontology term in the annotation) on every PASS record of plain bases, by
     * the VCF's own annotation and by genvag's: where they disagree, a warning with the counts either way and the
     * first records (the territory, VAF and depth filters come after and apply to both alike).
     */
    private static void compareCodingTest(Path annotated, String source, TmbMode mode, BiomarkerAssessor assessor)
            throws IOException {
        byte[][] terms = TmbScanner.countedTerms(mode);
        long onlyTheirs = 0;
        long onlyOurs = 0;
        List<String> examples = new ArrayList<>();
        String theirName;
        try (VcfReader reader = VariantSources.open(annotated.toString(), 1)) {
            AnnotationLayout theirLayout = AnnotationLayout.of(reader);
            AnnotationLayout ourLayout = AnnotationLayout.of(reader, OWN_TAG);
            theirName = theirLayout.key().name();
            VcfRecord r = new VcfRecord();
            while (reader.next(r)) {
                if (!r.isPass() || !r.altsArePlainBases()) {
                    continue;
                }
                boolean theirs = TmbScanner.namesCountedTerm(r, r.info(theirLayout.key()), terms);
                boolean ours = TmbScanner.namesCountedTerm(r, r.info(ourLayout.key()), terms);
                if (theirs != ours) {
                    onlyTheirs += theirs ? 1 : 0;
                    onlyOurs += ours ? 1 : 0;
                    if (examples.size() < 3) {
                        examples.add(r.contigName() + ":" + r.pos() + " " + r.ref() + ">" + r.alt()
                                + (theirs ? " (coding by " + theirName + ")" : " (coding by genvag)"));
                    }
                }
            }
        }
        if (onlyTheirs + onlyOurs > 0) {
            assessor.warn(source + ": TMB's " + mode.name().toLowerCase(Locale.ROOT) + " test differs between its "
                    + theirName + " and genvag's consequences on " + (onlyTheirs + onlyOurs) + " PASS record"
                    + (onlyTheirs + onlyOurs == 1 ? "" : "s") + " (" + onlyTheirs + " counted only by " + theirName
                    + ", " + onlyOurs + " only by genvag; " + String.join(", ", examples) + (onlyTheirs + onlyOurs > 3
                    ? ", ..." : "") + "): the VCF's annotation is used");
        }
    }

    private static Set<String> keys(List<ProteinAnnotationScanner.Hit> hits) {
        Set<String> out = new LinkedHashSet<>();
        for (ProteinAnnotationScanner.Hit h : hits) {
            out.add(h.gene() + " " + ProteinAnnotationScanner.threeLetter(h.protein()) + " at " + h.record());
        }
        return out;
    }

    private static Outcome assess(Request q, KnowledgeBase kb, BiomarkerAssessor assessor, Map<String, String> inputs,
                                  Path annotated, TranscriptModels models) throws IOException {
        GenomeBuild build = q.build();
        String sampleName = q.sample();
        long somaticRecords = 0;
        if (q.somaticVcf() != null) {
            String somatic = annotated != null ? annotated.toString() : q.somaticVcf();
            try (VcfReader reader = VariantSources.open(somatic, q.threads())) {
                build = build(q.build(), reader);
                int sample = TumourSample.pick(reader, q.sample());
                sampleName = sample < 0 ? sampleName : reader.samples().get(sample);
                warnIfRenamed(q.sample(), sampleName, reader, assessor);
                somaticRecords = scanSomatic(reader, kb, build, sample, q, assessor, inputs);
            }
        }
        SvJunctionReader.Result sv = null;
        if (q.svVcf() != null) {
            inputs.put("svVcf", q.svVcf());
            try (VcfReader reader = VariantSources.open(q.svVcf(), q.threads())) {
                GenomeBuild svBuild = build(build, reader);
                build = svBuild;
                // The name asked for, else the somatic VCF's tumour when this file has it, else this file's own.
                String wanted = q.sample() != null ? q.sample()
                        : sampleName != null && reader.samples().contains(sampleName) ? sampleName : null;
                int sample = TumourSample.pick(reader, wanted);
                if (sample >= 0) {
                    warnIfRenamed(q.sample(), reader.samples().get(sample), reader, assessor);
                    sampleName = sampleName == null ? reader.samples().get(sample) : sampleName;
                }
                sv = SvJunctionReader.read(reader, sample);
                fusions(sv, kb, build, assessor, models);
                assessor.structuralVariantsRead(q.svVcf());
            }
        }
        String name = sampleName == null ? "unnamed" : sampleName;
        return new Outcome(assessor.report(name, build.toString(), inputs), kb, build, somaticRecords, sv);
    }

    private static void warnIfRenamed(String asked, String used, VcfReader reader, BiomarkerAssessor assessor) {
        if (asked != null && used != null && !asked.equals(used)) {
            assessor.warn(reader.source() + " has one sample, '" + used + "', not '" + asked + "': it was used");
        }
    }

    private static GenomeBuild build(GenomeBuild asked, VcfReader reader) {
        Optional<BuildDetector.Detected> detected = BuildDetector.detect(reader.header());
        return GenomeBuild.reconcile(asked, detected.map(BuildDetector.Detected::build).orElse(null),
                detected.map(BuildDetector.Detected::evidence).orElse(null), reader.source());
    }

    private static long scanSomatic(VcfReader reader, KnowledgeBase kb, GenomeBuild build, int sample, Request q,
                                    BiomarkerAssessor assessor, Map<String, String> inputs) throws IOException {
        AnnotationLayout layout = AnnotationLayout.of(reader);
        SomaticVcfScan scan = new SomaticVcfScan(kb, build, sample, layout,
                tmbScanner(kb, layout, sample, q, assessor, inputs,
                reader.header().infoIds()));
        // Record order does not matter here (hotspots collect, TMB's territory cursor seeks backwards), so an
        // unsorted somatic VCF is read as it is.
        scan.readAll(reader);
        scan.report(assessor);
        return reader.recordsRead();
    }

    private static TmbScanner tmbScanner(KnowledgeBase kb, AnnotationLayout layout, int sample, Request q,
                                         BiomarkerAssessor assessor, Map<String, String> inputs,
                                         Set<String> infoIds) throws IOException {
        Optional<Biomarker> marker = kb.biomarkers().stream().filter(b -> b.kind() == Biomarker.Kind.TMB)
                .findFirst();
        if (marker.isEmpty() || marker.get().threshold() == null) {
            return null;
        }
        var threshold = marker.get().threshold();
        if (q.tmb().cutoff() != null) {
            threshold = new Threshold(q.tmb().cutoff(), threshold.comparison(), threshold.unit());
        }
        TmbCalculator.Options options = new TmbCalculator.Options(q.tmb().minVaf(), q.tmb().minDepth(),
                q.tmb().maxPopulationAf(), 0.2, threshold);
        if (q.callable() != null) {
            inputs.put("callable", q.callable().toString());
            IntervalIndex territory = BedReader.index(q.callable(), "callable");
            return new TmbScanner(options, territory, territory.coveredBases(), "callable BED "
                    + q.callable().getFileName(), layout, q.tmb().mode(), sample, infoIds);
        }
        if (q.territoryMb() != null) {
            return new TmbScanner(options, null, Math.round(q.territoryMb() * 1e6), "stated size", layout,
                    q.tmb().mode(), sample, infoIds);
        }
        assessor.tmbNotAssessable("no callable territory: give a callable BED (--callable) or its size "
                + "(--territory-mb)");
        return null;
    }

    private static void fusions(SvJunctionReader.Result sv, KnowledgeBase kb, GenomeBuild build,
                                BiomarkerAssessor assessor, TranscriptModels models) {
        Set<String> targets = new LinkedHashSet<>(REPORTING_ONLY_FUSION_GENES);
        List<KinaseDomain> domains = new ArrayList<>();
        kb.biomarkers().stream().filter(b -> b.kind() == Biomarker.Kind.FUSION).forEach(b -> {
            targets.addAll(b.threePrimeGenes());
            domains.addAll(b.kinaseDomains());
        });
        FusionCaller caller = new FusionCaller(new GeneLocator(GeneTableReader.bundled(build).genes()), targets,
                models, domains);
        for (Junction j : sv.junctions()) {
            for (FusionCall c : caller.call(j)) {
                assessor.addFusion(c, new Evidence(String.join(",", c.records()), j.filter(), Double.NaN, -1,
                        supportTotal(j), "SV junction " + j.first() + " - " + j.second() + " (" + j.svType() + ")",
                        j.support()));
            }
        }
    }

    /**
     * Alt-supporting reads: GRIDSS VF, else read pairs plus split reads (Manta PR+SR, DELLY DV+RV or PE+SR, GRIDSS
     * RP+SR); -1 when the caller gave neither (then the evidence lists the fields it did give).
     */
    private static int supportTotal(Junction j) {
        Map<String, Integer> s = j.support();
        if (s.containsKey("VF")) {
            return s.get("VF");
        }
        int total = 0;
        boolean any = false;
        for (String k : List.of("PR", "SR", "RP", "DV", "RV", "PE")) {
            if (s.containsKey(k)) {
                total += s.get(k);
                any = true;
            }
        }
        return any ? total : -1;
    }
}
