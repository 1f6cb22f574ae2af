// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.panel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.genvag.core.genome.GenomeBuild;

/**
 * A panel as read from its file, before gene names are resolved against a build's gene table. Readers in
 * {@code genvag-io} produce drafts; {@link PanelResolver} turns them into {@link GenePanel}s.
 */
public final class PanelDraft {
    /**
     * A gene entry. {@code coordinates} holds spans the panel itself gives per build (PanelApp does), used when the
     * name does not resolve in genvag's table; {@code ensemblId} is a second identifier to try.
     */
    /** @param transcript the transcript the panel reports the gene on (a TSV's {@code transcript} column), or null */
    public record Entry(String name, String where, String confidence, String modeOfInheritance, String ensemblId,
                        Map<GenomeBuild, PanelRegion> coordinates, String transcript) {
        public Entry {
            coordinates = Map.copyOf(coordinates);
        }

        public Entry(String name, String where, String confidence, String modeOfInheritance, String ensemblId,
                     Map<GenomeBuild, PanelRegion> coordinates) {
            this(name, where, confidence, modeOfInheritance, ensemblId, coordinates, null);
        }
    }

    private final String name;
    private final String version;
    private final List<Entry> entries = new ArrayList<>();
    private final List<PanelRegion> regions = new ArrayList<>();

    public PanelDraft(String name, String version) {
        this.name = name;
        this.version = version;
    }

    public PanelDraft add(Entry e) {
        entries.add(e);
        return this;
    }

    public PanelDraft add(PanelRegion r) {
        regions.add(r);
        return this;
    }

    public String name() {
        return name;
    }

    public String version() {
        return version;
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public List<PanelRegion> regions() {
        return List.copyOf(regions);
    }
}
