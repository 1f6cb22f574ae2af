// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.genome;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.genvag.core.error.InputException;

/** The human reference assemblies genvag ships gene tables for. */
public enum GenomeBuild {
    GRCH37("GRCh37", new long[] {
        249_250_621L, 243_199_373L, 198_022_430L, 191_154_276L, 180_915_260L, 171_115_067L, 159_138_663L,
        146_364_022L, 141_213_431L, 135_534_747L, 135_006_516L, 133_851_895L, 115_169_878L, 107_349_540L,
        102_531_392L, 90_354_753L, 81_195_210L, 78_077_248L, 59_128_983L, 63_025_520L, 48_129_895L, 51_304_566L,
        155_270_560L, 59_373_566L, 16_569L},
        "grch37", "hg19", "b37", "hs37d5", "grch37.p13"),
    GRCH38("GRCh38", new long[] {
        248_956_422L, 242_193_529L, 198_295_559L, 190_214_555L, 181_538_259L, 170_805_979L, 159_345_973L,
        145_138_636L, 138_394_717L, 133_797_422L, 135_086_622L, 133_275_309L, 114_364_328L, 107_043_718L,
        101_991_189L, 90_338_345L, 83_257_441L, 80_373_285L, 58_617_616L, 64_444_167L, 46_709_983L, 50_818_468L,
        156_040_895L, 57_227_415L, 16_569L},
        "grch38", "hg38", "grch38.p13", "grch38.p14", "hs38", "hs38dh");

    /** The primary assembly's chromosomes, in karyotype order, without "chr" prefix (the gene tables' naming). */
    public static final List<String> PRIMARY_CONTIGS = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10",
            "11", "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "22", "X", "Y", "MT");

    private final String displayName;
    private final long[] lengths;
    private final String[] names;

    GenomeBuild(String displayName, long[] lengths, String... names) {
        this.displayName = displayName;
        this.lengths = lengths;
        this.names = names;
    }

    /** Length of chromosome 1: the cheapest fingerprint of a build in a VCF or BAM header. */
    public long chr1Length() {
        return lengths[0];
    }

    /** Length of a primary chromosome named as in {@link #PRIMARY_CONTIGS}. */
    public long length(String contig) {
        int i = PRIMARY_CONTIGS.indexOf(contig);
        if (i < 0) {
            throw new IllegalArgumentException("not a primary " + displayName + " contig: " + contig);
        }
        return lengths[i];
    }

    @Override
    public String toString() {
        return displayName;
    }

    /** Parses GRCh37/GRCh38 and their common aliases (hg19, hg38, b37, ...); anything else is an error. */
    public static GenomeBuild parse(String text) {
        String key = text.trim().toLowerCase(Locale.ROOT);
        for (GenomeBuild build : values()) {
            for (String name : build.names) {
                if (name.equals(key)) {
                    return build;
                }
            }
        }
        throw new InputException("unknown genome build '" + text + "': expected GRCh37 (hg19, b37) or GRCh38 (hg38)");
    }

    /**
     * The build to use for an input: the one asked for, which must agree with what the input's header says when it
     * says anything; otherwise what the header says; otherwise an error asking for --build.
     *
     * @param asked    from --build, or null
     * @param detected from the header, or null
     * @param evidence what in the header tells the build (for the message)
     */
    public static GenomeBuild reconcile(GenomeBuild asked, GenomeBuild detected, String evidence, String source) {
        if (asked != null) {
            if (detected != null && detected != asked) {
                throw new InputException("genome build mismatch: --build " + asked + ", but " + source + " is "
                        + detected + " (" + evidence + ")");
            }
            return asked;
        }
        if (detected == null) {
            // Worded for VCF and BAM alike: a VCF may also name its reference, a BAM only has @SQ lengths.
            throw new InputException(source + ": the header does not tell the genome build (no chromosome 1 of a "
                    + "known length, and no reference named): give --build GRCh37 or --build GRCh38");
        }
        return detected;
    }

    /** The build whose chromosome 1 has this length, if it is one of ours. */
    public static Optional<GenomeBuild> fromChr1Length(long length) {
        for (GenomeBuild build : values()) {
            if (build.chr1Length() == length) {
                return Optional.of(build);
            }
        }
        return Optional.empty();
    }
}
