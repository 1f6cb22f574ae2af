// SPDX-License-Identifier: Apache-2.0
package org.genvag.testdata;

/** A 0-based, half-open interval on a contig, by the contig's index in the generator's contig list. */
public record Region(int contigIndex, long start, long end) {
    public Region {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("empty or negative region " + start + "-" + end);
        }
    }
}
