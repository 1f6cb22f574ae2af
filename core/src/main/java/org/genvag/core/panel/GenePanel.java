// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.panel;

import java.util.List;

import org.genvag.core.genome.GenomeBuild;

/**
 * A virtual gene panel resolved on one build: its genes (with the panel's confidence and mode of inheritance),
 * explicit regions, and the names that did not resolve, which are reported, never dropped silently.
 */
public record GenePanel(String name, String version, GenomeBuild build, List<PanelGene> genes,
                        List<PanelRegion> regions, List<Unresolved> unresolved) {
    public GenePanel {
        genes = List.copyOf(genes);
        regions = List.copyOf(regions);
        unresolved = List.copyOf(unresolved);
    }

    /** "name" or "name vVERSION". */
    public String label() {
        return version == null || version.isEmpty() ? name : name + " v" + version;
    }
}
