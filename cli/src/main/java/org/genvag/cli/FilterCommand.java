package org.genvag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.genvag.core.error.InputException;
import org.genvag.core.genome.GeneResolver;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.core.panel.GenePanel;
import org.genvag.core.panel.PanelIntervals;
import org.genvag.core.panel.PanelResolver;
import org.genvag.core.panel.Unresolved;
import org.genvag.io.genes.GeneTableReader;
import org.genvag.io.panel.BuildDetector;
import org.genvag.io.panel.PanelReadPlan;
import org.genvag.io.panel.PanelReader;
import org.genvag.io.panel.PanelVcfFilter;
import org.genvag.io.vcf.VcfReader;
import org.genvag.io.vcf.VcfRecord;
import org.genvag.io.vcf.VcfWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "filter", mixinStandardHelpOptions = true,
        description = {"Keep the VCF records that overlap the genes or regions of one or more panels.",
            "Records are written byte-identical plus INFO GENVAG_GENES (genes hit) and GENVAG_PANELS (panels hit).",
            "Panels: gene list, TSV with a gene column, BED, or PanelApp JSON."})
final class FilterCommand implements Callable<Integer> {
    private static final byte[] GENES_KEY = "GENVAG_GENES".getBytes(StandardCharsets.US_ASCII);

    @Spec
    CommandSpec spec;

    @Option(names = "--panel", required = true, paramLabel = "PANEL", description = "panel file (repeatable)")
    List<Path> panels;

    @Option(names = {"-i", "--in"}, required = true, description = "input VCF (.vcf, .vcf.gz, - for stdin)")
    String in;

    @Option(names = {"-o", "--out"}, defaultValue = "-", description = "output VCF (.vcf.gz for BGZF), - for stdout")
    String out;

    @Option(names = "--build", description = "GRCh37 or GRCh38; must agree with the VCF header when it tells")
    String build;

    @Option(names = "--padding", defaultValue = "0", description = "bases added each side of every gene and region "
            + "(default: ${DEFAULT-VALUE})")
    long padding;

    @Option(names = "--strict", description = "unknown or ambiguous panel genes are an error, not a warning")
    boolean strict;

    @Option(names = "--index", description = "write a tabix index beside a .vcf.gz output")
    boolean index;

    @Option(names = "--mode", defaultValue = "auto", description = "auto (default): use the input's tabix index when "
            + "the panel covers little of the genome; stream: read everything; index: require the index")
    String mode;

    @Mixin
    Threads threads;

    @Override
    public Integer call() throws IOException {
        if (padding < 0) {
            throw new InputException("--padding must be >= 0, got " + padding);
        }
        PrintWriter err = spec.commandLine().getErr();
        PanelReadPlan.Mode readMode = switch (mode.toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> PanelReadPlan.Mode.AUTO;
            case "stream" -> PanelReadPlan.Mode.STREAM;
            case "index" -> PanelReadPlan.Mode.INDEX;
            default -> throw new InputException("--mode must be auto, stream or index, got '" + mode + "'");
        };
        // When the index may be used, read the header on one thread: a parallel reader would start inflating the
        // whole file ahead of a decision that may skip 98% of it.
        boolean mayIndex = readMode != PanelReadPlan.Mode.STREAM && !in.equals("-")
                && java.nio.file.Files.isRegularFile(Path.of(in + ".tbi"));
        try (VcfReader streamed = VcfReader.open(in, mayIndex ? 1 : threads.count())) {
            VcfReader reader = streamed;
            GenomeBuild b = chooseBuild(reader);
            GeneResolver genes = GeneTableReader.bundled(b);
            List<GenePanel> resolved = new ArrayList<>();
            for (Path p : panels) {
                resolved.add(PanelResolver.resolve(PanelReader.read(p), genes, strict));
            }
            PanelIntervals intervals = PanelIntervals.of(resolved, padding);
            PanelReadPlan plan = PanelReadPlan.choose(in, streamed.header(), intervals, readMode);
            if (plan.indexed()) {
                reader = plan.openIndexed(in, streamed);
            } else if (mayIndex) {
                reader = VcfReader.open(in, threads.count());
            }
            PanelVcfFilter filter = new PanelVcfFilter(intervals, reader.contigs(), reader.source());
            List<String> panelNames = new ArrayList<>();
            resolved.forEach(p -> panelNames.add(p.name()));
            try (VcfWriter writer = VcfWriter.open(out, index, reader.contigs().names())) {
                writer.writeHeader(reader.header().linesWith(List.of(
                        "##INFO=<ID=GENVAG_GENES,Number=.,Type=String,Description=\"Panel genes or regions whose "
                                + "span (padding " + padding + ") overlaps the record's REF (genvag filter)\">",
                        "##INFO=<ID=GENVAG_PANELS,Number=.,Type=String,Description=\"Panels hit (genvag filter)\">",
                        "##genvag_filter=<panels=\"" + String.join(",", panelNames) + "\",build=" + b + ",padding="
                                + padding + ">")));
                VcfRecord r = new VcfRecord();
                while (reader.next(r)) {
                    if (filter.test(r)) {
                        writer.write(r, GENES_KEY, withPanels(filter, intervals));
                    }
                }
                writer.commit();
            } finally {
                if (reader != streamed) {
                    reader.close();
                }
            }
            summary(err, reader, b, resolved, intervals, filter);
            err.println("  read: " + plan.reason());
        }
        return 0;
    }

    /** GENVAG_GENES value, then ";GENVAG_PANELS=..." so one INFO insertion carries both tags. */
    private static byte[] withPanels(PanelVcfFilter filter, PanelIntervals intervals) {
        StringBuilder panelsHit = new StringBuilder();
        int last = -1;
        for (int h = 0; h < filter.hitCount(); h++) {
            int p = intervals.panelOf(filter.hitLabel(h));
            if (p != last && panelsHit.indexOf(intervals.panels().get(p).name()) < 0) {
                panelsHit.append(panelsHit.length() > 0 ? "," : "").append(safe(intervals.panels().get(p).name()));
            }
            last = p;
        }
        byte[] genes = filter.genesValue();
        byte[] tail = (";GENVAG_PANELS=" + panelsHit).getBytes(StandardCharsets.US_ASCII);
        byte[] out = java.util.Arrays.copyOf(genes, genes.length + tail.length);
        System.arraycopy(tail, 0, out, genes.length, tail.length);
        return out;
    }

    private static String safe(String s) {
        return s.replace(';', '_').replace('=', '_').replace(',', '_').replace(' ', '_');
    }

    private GenomeBuild chooseBuild(VcfReader reader) {
        Optional<BuildDetector.Detected> detected = BuildDetector.detect(reader.header());
        if (build != null) {
            GenomeBuild asked = GenomeBuild.parse(build);
            if (detected.isPresent() && detected.get().build() != asked) {
                throw new InputException("genome build mismatch: --build " + asked + ", but " + reader.source()
                        + " is " + detected.get().build() + " (" + detected.get().evidence() + ")");
            }
            return asked;
        }
        return detected.map(BuildDetector.Detected::build).orElseThrow(() -> new InputException(reader.source()
                + ": the header does not tell the genome build (no chromosome 1 length, no ##reference naming one):"
                + " give --build GRCh37 or --build GRCh38"));
    }

    private void summary(PrintWriter err, VcfReader reader, GenomeBuild b, List<GenePanel> panels,
                         PanelIntervals intervals, PanelVcfFilter filter) {
        err.printf("genvag filter: %s (%s): %d records read, %d kept%n", reader.source(), b, filter.recordsRead(),
                filter.recordsKept());
        for (GenePanel p : panels) {
            err.printf("  panel %s: %d genes resolved, %d regions, %d unresolved; %d bases%s%n", p.label(),
                    p.genes().size(), p.regions().size(), p.unresolved().size(), intervals.index().coveredBases(),
                    intervals.padding() > 0 ? " (padding " + intervals.padding() + ")" : "");
            for (Unresolved u : p.unresolved()) {
                err.println("    warning: " + u);
            }
        }
        if (!filter.renamedContigs().isEmpty()) {
            List<String> r = filter.renamedContigs();
            err.println("  contig names: VCF and panel name contigs differently; matched " + r.size() + " contigs ("
                    + String.join(", ", r.subList(0, Math.min(4, r.size()))) + (r.size() > 4 ? ", ..." : "") + ")");
        }
        if (filter.repositions() > 0) {
            err.println("  input is not sorted: " + filter.repositions() + " records were looked up by binary search");
        }
        err.println("  records per gene (gene, panel, records):");
        for (int label = 0; label < intervals.labelCount(); label++) {
            err.printf("    %s\t%s\t%d%n", intervals.geneOf(label),
                    intervals.panels().get(intervals.panelOf(label)).name(), filter.hits(label));
        }
    }
}
