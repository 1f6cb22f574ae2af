// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.biomarker;

/**
 * One side of a structural-variant junction: the base at {@code pos} (1-based) and which side of it the rearranged
 * chromosome keeps. {@code keepsLeft}: the sequence up to and including {@code pos} joins the junction (VCF ALT
 * {@code t[p[} or {@code t]p]} for this side); otherwise the sequence from {@code pos} onwards does.
 */
public record Breakend(String chrom, long pos, boolean keepsLeft) {

    @Override
    public String toString() {
        return chrom + ":" + pos + (keepsLeft ? "(keeps left)" : "(keeps right)");
    }
}
