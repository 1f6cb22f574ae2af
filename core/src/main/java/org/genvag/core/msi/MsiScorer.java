// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.msi;
import java.util.BitSet;
import java.util.Locale;

/**
 * Tumour against normal, site by site, as MSIsensor does: a site is evaluable when both samples have at least
 * {@code minReads} reads measuring it; it is unstable when a chi-square test of homogeneity between the two
 * repeat-length distributions gives p below {@code maxP}. The score is the percentage of evaluable sites that are
 * unstable. Calls follow MSK-IMPACT's MSIsensor cut-offs (>= 10 MSI-H, 3 to &lt; 10 indeterminate, below 3 MSS;
 * Middha et al. 2017); fewer than {@code minSites} evaluable sites is "not assessable", never a guess (MSIsensor-pro
 * works from about 50 sites).
 */
public final class MsiScorer {

    public enum Status { MSI_H, INDETERMINATE, MSS, NOT_ASSESSABLE }

    public record Options(int minReads, double maxP, int minSites, double highCutoff, double indeterminateCutoff) {
        public static Options defaults() {
            return new Options(20, 0.01, 50, 10, 3);
        }
    }

    /** {@code evaluableSites} and {@code unstableSites} flag sites by their index in the site list. */
    public record Result(Status status, double score, int evaluable, int unstable, int sites, Options options,
                         BitSet evaluableSites, BitSet unstableSites) {
        /** The status as a batch summary writes it: "msi-h (32.78%)", "mss (1.20%)", "not-assessable". */
        public String summary() {
            return status.name().toLowerCase(Locale.ROOT).replace('_', '-')
                    + (Double.isNaN(score) ? "" : String.format(Locale.ROOT, " (%.2f%%)", score));
        }
    }

    /**
     * Why MSI cannot be called for a tumour from the inputs it has, or null when it can: a tumour BAM, a site list,
     * and a matched normal BAM or a baseline of pooled normals.
     */
    public static String missingInput(boolean tumourBam, boolean normalBam, boolean baseline, boolean siteList) {
        if (!tumourBam) {
            return "no tumour BAM";
        }
        if (!siteList) {
            return "no microsatellite site list (--msi-sites)";
        }
        if (!normalBam && !baseline) {
            return "no normal BAM and no baseline of normals (--msi-baseline)";
        }
        return null;
    }

    private MsiScorer() {
    }

    public static Result score(LengthHistograms tumour, LengthHistograms normal, Options o) {
        int evaluable = 0;
        int unstable = 0;
        BitSet evaluableSites = new BitSet(tumour.sites());
        BitSet unstableSites = new BitSet(tumour.sites());
        for (int s = 0; s < tumour.sites(); s++) {
            if (tumour.reads(s) < o.minReads() || normal.reads(s) < o.minReads()) {
                continue;
            }
            evaluable++;
            evaluableSites.set(s);
            if (pValue(tumour, normal, s) < o.maxP()) {
                unstable++;
                unstableSites.set(s);
            }
        }
        double score = evaluable == 0 ? Double.NaN : 100.0 * unstable / evaluable;
        Status status = evaluable < o.minSites() ? Status.NOT_ASSESSABLE : score >= o.highCutoff() ? Status.MSI_H
                : score >= o.indeterminateCutoff() ? Status.INDETERMINATE : Status.MSS;
        return new Result(status, score, evaluable, unstable, tumour.sites(), o, evaluableSites, unstableSites);
    }

    /** Chi-square test of homogeneity on the 2 x L table of lengths seen in either sample. */
    static double pValue(LengthHistograms t, LengthHistograms n, int s) {
        double nt = t.reads(s);
        double nn = n.reads(s);
        double total = nt + nn;
        double chi = 0;
        int columns = 0;
        for (int len = 0; len <= LengthHistograms.MAX_LENGTH; len++) {
            int a = t.count(s, len);
            int b = n.count(s, len);
            if (a + b == 0) {
                continue;
            }
            columns++;
            double ea = nt * (a + b) / total;
            double eb = nn * (a + b) / total;
            chi += (a - ea) * (a - ea) / ea + (b - eb) * (b - eb) / eb;
        }
        int df = columns - 1;
        return df < 1 ? 1.0 : Gamma.upperRegularized(df / 2.0, chi / 2.0);
    }
}
