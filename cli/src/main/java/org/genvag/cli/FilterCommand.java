// SPDX-License-Identifier: Apache-2.0
package org.genvag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.genvag.core.error.InputException;
import org.genvag.core.panel.GenePanel;
import org.genvag.core.panel.PanelIntervals;
import org.genvag.core.panel.Unresolved;
import org.genvag.core.transcript.TargetKind;
import org.genvag.io.ReadMode;
import org.genvag.io.output.OutputPaths;
import org.genvag.io.vcf.VcfOutputType;
import org.genvag.pipeline.panel.PanelBuild;
import org.genvag.pipeline.panel.PanelFiltering;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "filter", mixinStandardHelpOptions = true,
        description = {"Keep the VCF records that overlap the genes or regions of one or more panels.",
            "Records are written byte-identical plus INFO GENVAG_GENES (genes hit) and GENVAG_PANELS (panels hit).",
            "Panels: gene list, TSV with a gene column, BED, or PanelApp JSON."})
final class FilterCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Panels panels;

    @Parameters(index = "0", arity = "0..1", paramLabel = "IN", description = "input VCF (.vcf, .vcf.gz, a variant "
            + "store, - for stdin), as bcftools takes it; or --in")
    String positional;

    @Option(names = {"-i", "--in"}, description = "input VCF, as an option (the positional IN is the same)")
    String in;

    @Option(names = {"-o", "--out"}, defaultValue = "-", description = "output VCF (.vcf.gz for BGZF), - for stdout")
    String out;

    @Mixin
    InputBuild build;

    @Option(names = {"-O", "--output-type"}, paramLabel = "v|z", description = "v: plain VCF, z: BGZF-compressed VCF, "
            + "as bcftools' -O; for standard output (a file's name decides, and must agree)")
    String outputType;

    @Option(names = "--index", description = "write a tabix index beside a .vcf.gz output")
    boolean index;

    @Option(names = "--mode", defaultValue = "auto", description = "auto (default): use the input's tabix index when "
            + "the panel covers little of the genome; stream: read everything; index: require the index")
    String mode;

    /** Default: gene (a record anywhere in the gene's span is kept). */
    @Mixin
    TargetOptions targetOptions;

    @Mixin
    Threads threads;

    @Override
    public Integer call() throws IOException {
        if (positional != null && in != null && !positional.equals(in)) {
            throw new InputException("two inputs given (" + positional + " and --in " + in + "): give one");
        }
        in = positional != null ? positional : in;
        if (in == null) {
            throw new InputException("no input: give the VCF as the first argument (or with --in)");
        }
        OutputPaths.requireNotInput(out, in);
        ReadMode readMode = ReadMode.parse(mode);
        PanelFiltering.Result r = PanelFiltering.run(in, out, outputType == null ? null
                : VcfOutputType.parse(outputType), new PanelFiltering.Options(panels.files,
                build.orFromHeaders(), panels.padding(), panels.strict(), readMode, threads.count(), index,
                targetOptions.gff, targetOptions.kind(TargetKind.GENE)));
        summary(spec.commandLine().getErr(), r);
        return 0;
    }

    static void summary(PrintWriter err, PanelFiltering.Result r) {
        PanelIntervals intervals = r.intervals();
        err.printf("genvag filter: %s (%s, %s): %d records read, %d kept%n", r.source(), PanelBuild.name(r.build()),
                r.buildEvidence(), r.recordsRead(), r.recordsKept());
        for (GenePanel p : r.panels()) {
            err.printf("  panel %s: %d genes resolved, %d regions, %d unresolved%n", p.label(), p.genes().size(),
                    p.regions().size(), p.unresolved().size());
            for (Unresolved u : p.unresolved()) {
                err.println("    warning: " + u);
            }
        }
        err.printf("  %d bases in the panels%s%n", intervals.index().coveredBases(),
                intervals.padding() > 0 ? " (padding " + intervals.padding() + ")" : "");
        if (!r.renamedContigs().isEmpty()) {
            List<String> n = r.renamedContigs();
            err.println("  contig names: VCF and panel name contigs differently; matched " + n.size() + " contigs ("
                    + String.join(", ", n.subList(0, Math.min(4, n.size()))) + (n.size() > 4 ? ", ..." : "") + ")");
        }
        if (r.unsortedLookups() > 0) {
            err.println("  input is not sorted: " + r.unsortedLookups() + " records were looked up by binary search");
        }
        err.println("  read: " + r.readPlan());
        err.println("  records per gene (gene, panel, records):");
        for (int label = 0; label < intervals.labelCount(); label++) {
            err.printf("    %s\t%s\t%d%n", intervals.geneOf(label),
                    intervals.panels().get(intervals.panelOf(label)).name(), r.perLabel()[label]);
        }
    }
}
