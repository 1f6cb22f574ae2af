// SPDX-License-Identifier: Apache-2.0
package org.genvag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.genvag.core.error.InputException;
import org.genvag.io.output.OutputPaths;
import org.genvag.io.store.StoreReader;
import org.genvag.io.store.StoreWriter;
import org.genvag.io.variants.VariantSources;
import org.genvag.io.vcf.VcfReader;
import org.genvag.pipeline.panel.StorePanelQuery;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "store", mixinStandardHelpOptions = true,
        header = "Variant stores (.gvs): build, query and inspect compact per-sample stores.",
        description = {"Variant stores (.gvs): a sample's VCF kept as LZ4-compressed columns in blocks with an index, so",
            "panel questions decode only the blocks they touch. 'genvag view S.gvs' gives the VCF back byte for byte;",
            "'genvag filter --in S.gvs' filters it exactly as the VCF. Format: docs/variant-store.md."},
        subcommands = {StoreCommand.Build.class, StoreCommand.Query.class, StoreCommand.Info.class})
final class StoreCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "build", mixinStandardHelpOptions = true,
            description = "Convert a VCF (single- or multi-sample, gVCF too) into a variant store.")
    static final class Build implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "IN", description = "VCF, VCF.gz, or - for standard input")
        String in;

        @Option(names = {"-o", "--out"}, required = true, description = "store to write (SAMPLE.gvs)")
        Path out;

        @Option(names = "--block-records", defaultValue = "256", description = "records per block (default: "
                + "${DEFAULT-VALUE})")
        int blockRecords;

        @Option(names = "--high", description = "LZ4 HC: a smaller store, slower to build, as fast to query")
        boolean high;

        @Mixin
        Threads threads;

        @Override
        public Integer call() throws IOException {
            OutputPaths.requireNotInput(out.toString(), in);
            try (VcfReader reader = VariantSources.open(in, threads.count())) {
                StoreWriter.Summary s = StoreWriter.write(reader, out, new StoreWriter.Options(blockRecords, high,
                        threads.count()));
                spec.commandLine().getErr().printf("genvag store build: %s -> %s: %d records in %d blocks, %d bytes%n",
                        reader.source(), out, s.records(), s.blocks(), s.bytes());
            }
            return 0;
        }
    }

    @Command(name = "info", header = "What a store holds, and each column's size.", mixinStandardHelpOptions = true,
            description = {"What a store holds and where its bytes go: records, blocks, and each column's size before",
                "and after LZ4, largest first (every block's checksum is verified on the way)."})
    static final class Info implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "STORE", description = "a .gvs store")
        Path store;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            try (StoreReader reader = StoreReader.open(store)) {
                long size = Files.size(store);
                List<StoreReader.ColumnSize> columns = reader.columnSizes();
                long inColumns = columns.stream().mapToLong(StoreReader.ColumnSize::storedBytes).sum();
                out.printf("store\t%s%nbytes\t%d%nrecords\t%d%nblocks\t%d%ncolumn bytes\t%d%n"
                        + "other bytes (header, block and column framing, index)\t%d%n%n", store, size,
                        reader.records(), reader.blocks().size(), inColumns, size - inColumns);
                out.println("column\tblocks\tlz4_input_bytes\tstored_bytes\tshare_of_file");
                for (StoreReader.ColumnSize c : columns) {
                    out.printf("%s\t%d\t%d\t%d\t%.2f%%%n", c.name(), c.blocks(), c.lz4InputBytes(),
                            c.storedBytes(), 100.0 * c.storedBytes() / size);
                }
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "query", header = "Ask a panel of many stores at once.", mixinStandardHelpOptions = true,
            description = {"Ask a panel of many stores at once, in parallel: one TSV row per sample and kept variant",
                "(store, sample, chrom, pos, id, ref, alt, qual, filter, genes, gt, dp, ad), or with --format vcf",
                "one VCF per store in the directory -o names (NAME.vcf.gz, indexed: what 'genvag filter' writes)."})
    static final class Query implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Panels panels;

        @Option(names = "--stores", required = true, description = "directory of .gvs stores, or one store")
        Path stores;

        @Option(names = {"-o", "--out"}, required = true, description = "TSV to write (a directory with --format vcf)")
        Path out;

        @Option(names = "--format", defaultValue = "tsv", description = "tsv (default) or vcf")
        String format;

        @Mixin
        InputBuild build;

        @Mixin
        Threads threads;

        @Override
        public Integer call() throws IOException {
            List<Path> list = Files.isDirectory(stores) ? StorePanelQuery.storesIn(stores)
                    : new ArrayList<>(List.of(stores));
            StorePanelQuery.Options options = new StorePanelQuery.Options(panels.files,
                    build.orFromHeaders(), panels.padding(), panels.strict(), threads.count());
            List<StorePanelQuery.StoreResult> results = switch (format) {
                case "tsv" -> StorePanelQuery.run(list, out, options);
                case "vcf" -> {
                    if (Files.exists(out) && !Files.isDirectory(out)) {
                        throw new InputException(out + ": --format vcf writes one VCF per store into a directory, "
                                + "and this is a file");
                    }
                    yield StorePanelQuery.runVcf(list, out, options);
                }
                default -> throw new InputException("--format must be tsv or vcf, got '" + format + "'");
            };
            PrintWriter err = spec.commandLine().getErr();
            long rows = results.stream().mapToLong(StorePanelQuery.StoreResult::rows).sum();
            err.printf("genvag store query: %d stores, %d %s -> %s%n", results.size(), rows,
                    format.equals("vcf") ? "records" : "rows", out);
            for (StorePanelQuery.StoreResult r : results) {
                err.printf("  %s (%s): %d records kept; %s%n", r.store().getFileName(), r.build(), r.recordsKept(),
                        r.readPlan());
            }
            return 0;
        }
    }
}
