// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.msi;

/**
 * A microsatellite in the reference: {@code copies} tandem copies of {@code unit} starting at 1-based {@code start},
 * with the reference bases on either side that reads must match to be anchored ({@code leftFlank} ends just before
 * the repeat, {@code rightFlank} starts just after it).
 */
public record RepeatSite(String contig, long start, String unit, int copies, String leftFlank, String rightFlank) {

    /** Last base of the repeat, 1-based. */
    public long end() {
        return start + (long) unit.length() * copies - 1;
    }

    public int length() {
        return unit.length() * copies;
    }
}
