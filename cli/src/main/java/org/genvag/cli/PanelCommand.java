// SPDX-License-Identifier: Apache-2.0
package org.genvag.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.genvag.core.genome.GeneResolver;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.core.panel.GenePanel;
import org.genvag.core.panel.PanelIntervals;
import org.genvag.core.panel.Unresolved;
import org.genvag.io.genes.GeneTableReader;
import org.genvag.io.panel.PanelBedWriter;
import org.genvag.io.panel.PanelReader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "panel", mixinStandardHelpOptions = true,
        header = "Resolve panels on a build; report unknown and ambiguous genes.",
        description = {"Load and resolve panels on a build; report unknown and ambiguous genes; optionally write the",
            "merged regions as BED. Exit 2 when any gene does not resolve, unless --allow-unresolved."})
final class PanelCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Panels panels;

    @Option(names = "--build", defaultValue = "GRCh38", description = "GRCh37 or GRCh38 (default: ${DEFAULT-VALUE})")
    String build;

    @Option(names = "--bed", description = "write the merged panel regions here (BED, genes in column 4)")
    Path bed;

    @Option(names = "--chr-prefix", description = "name contigs chr1..chr22, chrX, chrY, chrM in the BED")
    boolean chrPrefix;

    @Override
    public Integer call() throws IOException {
        GeneResolver genes = GeneTableReader.bundled(GenomeBuild.parse(build));
        List<GenePanel> resolved = PanelReader.resolveAll(panels.files, genes, panels.strict());
        PanelIntervals intervals = PanelIntervals.of(resolved, panels.padding());
        PrintWriter out = spec.commandLine().getOut();
        for (GenePanel p : resolved) {
            out.printf("%s (%s): %d genes resolved, %d regions, %d unresolved%n", p.label(), p.build(),
                    p.genes().size(), p.regions().size(), p.unresolved().size());
            for (Unresolved u : p.unresolved()) {
                out.println("  warning: " + u);
            }
        }
        out.printf("%d bases in %d merged regions%n", intervals.index().coveredBases(), countMerged(intervals));
        if (bed != null) {
            PanelBedWriter.write(intervals, bed, chrPrefix);
            out.println("wrote " + bed);
        }
        return 0;
    }

    private static int countMerged(PanelIntervals intervals) throws IOException {
        var buf = new ByteArrayOutputStream();
        PanelBedWriter.write(intervals, buf, false);
        return (int) buf.toString(StandardCharsets.US_ASCII).lines().count();
    }
}
