// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.msi;

import java.nio.charset.StandardCharsets;

import org.broadinstitute.gatk.nativebindings.smithwaterman.SWAlignerNativeBinding;
import org.broadinstitute.gatk.nativebindings.smithwaterman.SWNativeAlignerResult;
import org.broadinstitute.gatk.nativebindings.smithwaterman.SWOverhangStrategy;
import org.broadinstitute.gatk.nativebindings.smithwaterman.SWParameters;

/**
 * Measures a site's repeat length in a read that the mapper did not anchor cleanly (the repeat or a flank soft-clipped,
 * an indel placed in a flank): the read is aligned locally against the site's haplotype (left flank, repeat, right
 * flank) and counted only when both flanks align base for base without gaps, exactly as a cleanly anchored read
 * must. The length is the number of read bases between the flanks, so it does not depend on where the aligner
 * places an indel inside the repeat.
 * <p>
 * Read-to-haplotype scoring is GATK's (match 10, mismatch -15, gap open -30, extend -5), with the read's overhangs
 * soft-clipped. Not thread-safe: one per worker (the Java aligner keeps scratch).
 */
public final class RepeatRealigner {
    public static final SWParameters READ_TO_HAPLOTYPE = new SWParameters(10, -15, -30, -5);
    /**
     * Longer reads are not realigned (only anchored by their alignment): short-read MSI is what this serves, and
     * GKL's aligner refuses sequences beyond 32,767 bases.
     */
    public static final int MAX_READ_LENGTH = 1000;

    private final SWAlignerNativeBinding aligner;
    private final byte[][] haplotypes;
    private long alignments;

    /** @param sites number of sites, for the haplotype cache (built on first use of a site) */
    public RepeatRealigner(SWAlignerNativeBinding aligner, int sites) {
        this.aligner = aligner;
        this.haplotypes = new byte[sites][];
    }

    public SWAlignerNativeBinding aligner() {
        return aligner;
    }

    /** Alignments run so far (reads that passed the flank pre-check). */
    public long alignments() {
        return alignments;
    }

    /**
     * The repeat length of {@code site} (index {@code id}) in {@code read}, or -1 when the read does not hold both
     * flanks intact around it or is longer than {@value #MAX_READ_LENGTH} bases.
     */
    public int repeatLength(int id, RepeatSite site, byte[] read) {
        if (read.length > MAX_READ_LENGTH) {
            return -1;
        }
        byte[] haplotype = haplotypes[id];
        if (haplotype == null) {
            haplotype = haplotypes[id] = (site.leftFlank() + site.unit().repeat(site.copies()) + site.rightFlank())
                    .getBytes(StandardCharsets.US_ASCII);
        }
        int left = site.leftFlank().length();
        int right = site.rightFlank().length();
        // Both flanks must end up aligned base for base, so each occurs in the read, the left one first: most reads
        // that reach here (a sequencing error in a flank, a clip of foreign sequence) fail this without an alignment.
        int firstLeft = indexOf(read, haplotype, 0, left);
        if (firstLeft < 0 || lastIndexOf(read, haplotype, haplotype.length - right, right) < firstLeft + left) {
            return -1;
        }
        alignments++;
        SWNativeAlignerResult a = aligner.align(haplotype, read, READ_TO_HAPLOTYPE, SWOverhangStrategy.SOFTCLIP);
        return lengthBetweenFlanks(a.cigar, a.alignment_offset, haplotype, read, left, right);
    }

    /** First offset in {@code read} of {@code pattern[from, from + length)}, or -1. */
    static int indexOf(byte[] read, byte[] pattern, int from, int length) {
        outer:
        for (int i = 0; i + length <= read.length; i++) {
            for (int k = 0; k < length; k++) {
                if (read[i + k] != pattern[from + k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Last offset in {@code read} of {@code pattern[from, from + length)}, or -1. */
    static int lastIndexOf(byte[] read, byte[] pattern, int from, int length) {
        outer:
        for (int i = read.length - length; i >= 0; i--) {
            for (int k = 0; k < length; k++) {
                if (read[i + k] != pattern[from + k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * Walks the CIGAR of {@code read} against {@code haplotype} (first aligned base at {@code offset}) and returns
     * the read bases between the flanks, or -1 unless every flank base is an aligned, equal base with no gap between.
     */
    static int lengthBetweenFlanks(String cigar, int offset, byte[] haplotype, byte[] read, int left, int right) {
        int repeatEnd = haplotype.length - right;    // first base of the right flank
        int h = offset;
        int q = 0;
        int leftMatched = 0;
        int rightMatched = 0;
        int lastLeftRead = -1;
        int firstRightRead = -1;
        int n = 0;
        for (int i = 0; i < cigar.length(); i++) {
            char c = cigar.charAt(i);
            if (c >= '0' && c <= '9') {
                n = n * 10 + (c - '0');
                continue;
            }
            switch (c) {
                case 'M', '=', 'X' -> {
                    for (int k = 0; k < n; k++, h++, q++) {
                        boolean inLeft = h < left;
                        boolean inRight = h >= repeatEnd;
                        if ((inLeft || inRight) && haplotype[h] != read[q]) {
                            return -1;
                        }
                        if (inLeft) {
                            // A gap inside the flank shows as a jump in the read between consecutive flank bases.
                            if (leftMatched > 0 && q != lastLeftRead + 1) {
                                return -1;
                            }
                            leftMatched++;
                            lastLeftRead = q;
                        } else if (inRight) {
                            if (rightMatched == 0) {
                                firstRightRead = q;
                            } else if (q != firstRightRead + rightMatched) {
                                return -1;
                            }
                            rightMatched++;
                        }
                    }
                }
                case 'I', 'S' -> q += n;
                case 'D', 'N' -> {
                    // A deleted flank base means the flank is not intact.
                    if (h < left || h + n > repeatEnd) {
                        return -1;
                    }
                    h += n;
                }
                default -> throw new IllegalStateException("unexpected CIGAR operation " + c + " in " + cigar);
            }
            n = 0;
        }
        if (leftMatched != left || rightMatched != right) {
            return -1;
        }
        return firstRightRead - lastLeftRead - 1;
    }
}
