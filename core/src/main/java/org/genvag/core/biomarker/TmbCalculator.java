// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.biomarker;


/**
 * Tumour mutational burden: eligible somatic mutations per megabase of callable territory, following the Friends of
 * Cancer Research harmonisation (coding SNVs and indels; PASS only; minimum VAF and depth; likely germline excluded
 * by population allele frequency when the VCF carries one). Every variant that does not count is counted by reason,
 * so a report can show why the number is what it is. A territory smaller than {@code minMegabases} is not assessable
 * (cBioPortal reports panels under 0.2 Mb as NA).
 */
public final class TmbCalculator {

    /** What TMB needs to know of one variant; NaN or -1 where the VCF does not say. */
    public record Variant(boolean pass, boolean snvOrIndel, boolean coding, double vaf, int depth,
                          double populationAf) {
    }

    public record Options(double minVaf, int minDepth, double maxPopulationAf, double minMegabases,
                          Threshold cutoff) {
        /**
         * genvag's defaults, not a label's: VAF >= 5%, depth >= 25 reads, population AF &lt;= 1%, territory >= 0.2 Mb.
         * The regulatory part is the cut-off, which comes from the knowledge base (>= 10 mut/Mb); labs set the rest.
         */
        public static Options defaults(Threshold cutoff) {
            return new Options(0.05, 25, 0.01, 0.2, cutoff);
        }
    }

    /**
     * @param assessable false when the territory is below the minimum: then {@code value} and {@code high} mean
     *                   nothing and a report says "not assessable"
     */
    public record Result(long mutations, double megabases, double value, boolean high, boolean assessable,
                         Threshold cutoff, long filtered, long notSnvOrIndel, long notCoding, long lowVaf,
                         long lowDepth, long likelyGermline) {
    }

    private final Options options;
    private long mutations;
    private long filtered;
    private long notSnvOrIndel;
    private long notCoding;
    private long lowVaf;
    private long lowDepth;
    private long germline;

    public TmbCalculator(Options options) {
        this.options = options;
    }

    /** Counts the variant if eligible; otherwise counts why not (the first reason that applies). */
    public void add(Variant v) {
        add(v.pass(), v.snvOrIndel(), v.coding(), v.vaf(), v.depth(), v.populationAf());
    }

    /** {@link #add(Variant)} without the record, for streaming callers that must not allocate per record. */
    public void add(boolean pass, boolean snvOrIndel, boolean coding, double vaf, int depth, double populationAf) {
        if (!pass) {
            filtered++;
        } else if (!snvOrIndel) {
            notSnvOrIndel++;
        } else if (!coding) {
            notCoding++;
        } else if (!Double.isNaN(vaf) && vaf < options.minVaf()) {
            lowVaf++;
        } else if (depth >= 0 && depth < options.minDepth()) {
            lowDepth++;
        } else if (!Double.isNaN(populationAf) && populationAf > options.maxPopulationAf()) {
            germline++;
        } else {
            mutations++;
        }
    }

    /** The result over a callable territory of {@code bases} bases. */
    public Result result(long bases) {
        double mb = bases / 1e6;
        boolean assessable = mb >= options.minMegabases() && mb > 0;
        double value = assessable ? mutations / mb : Double.NaN;
        return new Result(mutations, mb, value, assessable && options.cutoff().isMetBy(value), assessable,
                options.cutoff(), filtered, notSnvOrIndel, notCoding, lowVaf, lowDepth, germline);
    }
}
