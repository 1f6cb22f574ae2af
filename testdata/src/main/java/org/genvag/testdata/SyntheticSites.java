// SPDX-License-Identifier: Apache-2.0
package org.genvag.testdata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.genvag.core.msi.MicrosatelliteScanner;
import org.genvag.core.msi.RepeatSite;

/**
 * The microsatellite sites of some regions of a synthetic genome, scanned straight from its bases: a FASTA of
 * whole GRCh38-sized chromosomes would be gigabytes, and a panel or demo needs only its regions. Homopolymers from
 * 10 bases and other units from 5 copies, the repeats MSI callers score; sites come sorted by contig and start.
 */
public final class SyntheticSites {
    public static final MicrosatelliteScanner.Options OPTIONS = new MicrosatelliteScanner.Options(10, 5, 6, 5, 100);

    private SyntheticSites() {
    }

    public static List<RepeatSite> inRegions(SyntheticGenome genome, List<Contig> contigs, List<Region> regions) {
        MicrosatelliteScanner scanner = new MicrosatelliteScanner(OPTIONS);
        List<RepeatSite> sites = new ArrayList<>();
        List<Region> sorted = new ArrayList<>(regions);
        sorted.sort(Comparator.comparingInt(Region::contigIndex).thenComparingLong(Region::start));
        for (Region r : sorted) {
            byte[] seq = new byte[(int) (r.end() - r.start())];
            genome.bases(r.contigIndex(), r.start(), seq, 0, seq.length);
            scanner.scan(contigs.get(r.contigIndex()).name(), seq, seq.length, r.start(), 0, seq.length, sites::add);
        }
        return sites;
    }
}
