// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.panel;

/**
 * An explicit region of a panel: 0-based, half-open, on a contig named canonically (see
 * {@link org.genvag.core.genome.ContigNames}), with the name the panel gives it (a gene, or "contig:start-end").
 */
public record PanelRegion(String contig, long start, long end, String name) {
    public PanelRegion {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad region " + contig + ":" + start + "-" + end);
        }
    }
}
