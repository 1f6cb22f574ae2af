// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.store;

/**
 * One data block as the store's index describes it: its contig, the smallest POS and largest END of its records
 * (1-based, closed), where its bytes lie in the file, how many records it holds, and the xxHash32 of its bytes.
 */
public record StoreBlock(int number, String contig, long minPos, long maxEnd, long offset, int length, int records,
                         int checksum) {

    /** True when some record of the block may overlap {@code [start, end]} (1-based, closed) on its contig. */
    public boolean mayOverlap(long start, long end) {
        return minPos <= end && maxEnd >= start;
    }

    @Override
    public String toString() {
        return "block " + number + " (" + contig + ":" + minPos + "-" + maxEnd + ", " + records + " records, offset "
                + offset + ")";
    }
}
