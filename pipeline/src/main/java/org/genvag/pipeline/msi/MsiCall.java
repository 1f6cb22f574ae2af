// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.msi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.genvag.core.msi.LengthHistograms;
import org.genvag.core.msi.MsiScorer;
import org.genvag.core.msi.RepeatSite;
import org.genvag.io.bam.BamReader;
import org.genvag.io.msi.SiteList;
import org.genvag.io.output.JsonFiles;
import org.genvag.io.output.OutputGroup;
import org.genvag.pipeline.schema.OutputSchema;


/**
 * MSI of a tumour against its normal: repeat lengths measured at every site in both BAMs (one streaming pass
 * each), then scored site by site ({@link MsiScorer}). The JSON names the method, the cut-offs and the counts
 * behind the score, so a reviewer can see why a tumour was called MSI-H, MSS, indeterminate or not assessable.
 */
public final class MsiCall {

    /**
     * The call and the reads behind it: measurements (one per read and site) in each BAM, and how many of them
     * needed a realignment to be anchored ({@code normalRealigned} is -1 against a baseline: not known).
     */
    public record Outcome(MsiScorer.Result result, long tumourMeasurements, long normalMeasurements,
                          long tumourRealigned, long normalRealigned) {
    }

    private MsiCall() {
    }

    public static Outcome run(String tumourBam, String normalBam, Path sites, MsiScorer.Options options, int threads)
            throws IOException {
        List<RepeatSite> list = SiteList.read(sites);
        LengthHistograms tumour = new LengthHistograms(list.size());
        LengthHistograms normal = new LengthHistograms(list.size());
        RepeatLengthCounter t;
        RepeatLengthCounter n;
        try (BamReader r = BamReader.open(tumourBam, threads)) {
            t = RepeatLengthCounter.count(r, list, tumour);
        }
        try (BamReader r = BamReader.open(normalBam, threads)) {
            n = RepeatLengthCounter.count(r, list, normal);
        }
        return new Outcome(MsiScorer.score(tumour, normal, options), t.counted(), n.counted(), t.realigned(),
                n.realigned());
    }

    /**
     * Tumour against normal when the tumour was counted elsewhere (in the coverage pass): only the normal is read.
     */
    public static Outcome scoreCounted(LengthHistograms tumour, RepeatLengthCounter tumourCounter, String normalBam,
                                       List<RepeatSite> list, MsiScorer.Options options, int threads)
            throws IOException {
        LengthHistograms normal = new LengthHistograms(list.size());
        RepeatLengthCounter n;
        try (BamReader r = BamReader.open(normalBam, threads)) {
            n = RepeatLengthCounter.count(r, list, normal);
        }
        return new Outcome(MsiScorer.score(tumour, normal, options), tumourCounter.counted(), n.counted(),
                tumourCounter.realigned(), n.realigned());
    }

    /**
     * Tumour-only: the tumour against a baseline of pooled normals ({@link MsiBaseline}) built with the same site
     * list.
     */
    public static Outcome runAgainstBaseline(String tumourBam, Path baseline, Path sites, MsiScorer.Options options,
                                             int threads) throws IOException {
        List<RepeatSite> list = SiteList.read(sites);
        MsiBaseline.Baseline b = MsiBaseline.read(baseline, list);
        LengthHistograms tumour = new LengthHistograms(list.size());
        RepeatLengthCounter t;
        try (BamReader r = BamReader.open(tumourBam, threads)) {
            t = RepeatLengthCounter.count(r, list, tumour);
        }
        return scoreAgainst(tumour, t, b, options);
    }

    /** Tumour-only, the tumour counted elsewhere (in the coverage pass), against a baseline already read. */
    public static Outcome scoreCountedAgainstBaseline(LengthHistograms tumour, RepeatLengthCounter tumourCounter,
                                                      MsiBaseline.Baseline baseline, MsiScorer.Options options) {
        return scoreAgainst(tumour, tumourCounter, baseline, options);
    }

    private static Outcome scoreAgainst(LengthHistograms tumour, RepeatLengthCounter tumourCounter,
                                        MsiBaseline.Baseline b, MsiScorer.Options options) {
        long pooled = 0;
        for (int s = 0; s < tumour.sites(); s++) {
            pooled += b.pooled().reads(s);
        }
        return new Outcome(MsiScorer.score(tumour, b.pooled(), options), tumourCounter.counted(), pooled,
                tumourCounter.realigned(), -1);
    }

    public static void write(Outcome o, String tumourBam, String normalBam, Path sites, Path out) throws IOException {
        try (OutputGroup group = new OutputGroup()) {
            write(group, o, tumourBam, normalBam, sites, out);
            group.commit();
        }
    }

    /** As a member of a job's outputs, which appear together. */
    public static void write(OutputGroup group, Outcome o, String tumourBam, String normalBam, Path sites, Path out)
            throws IOException {
        MsiScorer.Result r = o.result();
        Map<String, Object> m = OutputSchema.MSI.newObject();
        m.put("status", r.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        m.put("score", Double.isNaN(r.score()) ? null : Math.round(r.score() * 100) / 100.0);
        m.put("unit", "% of evaluable sites that are unstable");
        m.put("evaluableSites", r.evaluable());
        m.put("unstableSites", r.unstable());
        m.put("sites", r.sites());
        m.put("method", "tumour vs " + (normalBam.startsWith("baseline") ? "pooled normals" : "matched normal")
                + "; per site chi-square test of the repeat-length distributions (MSIsensor's approach); cut-offs of "
                + "MSK-IMPACT (Middha et al. 2017)");
        Map<String, Object> cut = new LinkedHashMap<>();
        cut.put("msiHigh", ">= " + r.options().highCutoff());
        cut.put("indeterminate", ">= " + r.options().indeterminateCutoff() + " and < " + r.options().highCutoff());
        cut.put("unstableSiteP", "< " + r.options().maxP());
        cut.put("minReadsPerSite", r.options().minReads());
        cut.put("minEvaluableSites", r.options().minSites());
        m.put("cutoffs", cut);
        m.put("tumourBam", tumourBam);
        m.put("normalBam", normalBam);
        m.put("siteList", sites.toString());
        Map<String, Object> measured = new LinkedHashMap<>();
        measured.put("tumour", o.tumourMeasurements());
        measured.put("normal", o.normalMeasurements());
        m.put("readsMeasured", measured);
        Map<String, Object> realigned = new LinkedHashMap<>();
        realigned.put("tumour", o.tumourRealigned());
        if (o.normalRealigned() >= 0) {
            realigned.put("normal", o.normalRealigned());
        }
        m.put("readsRealigned", realigned);
        m.put("anchoring", "both 5-base flanks exact in the read: by the read's alignment, or else by a Smith-Waterman "
                + "realignment against the site (counted in readsRealigned); flag mask 1796, MAPQ >= 20");
        JsonFiles.write(group, out, m);
    }
}
