// SPDX-License-Identifier: Apache-2.0
package org.genvag.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.genvag.core.genome.Gene;
import org.genvag.core.genome.GeneResolution;
import org.genvag.core.genome.GeneResolver;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.io.genes.GeneTableReader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "genes", mixinStandardHelpOptions = true,
        description = {"Resolve gene names (symbol, alias, previous symbol, Ensembl or Entrez ID) to their spans.",
            "Prints one TSV row per name; exits 2 when any name is unknown or ambiguous."})
final class GenesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--build", defaultValue = "GRCh38", description = "GRCh37 or GRCh38 (default: ${DEFAULT-VALUE})")
    String build;

    @Parameters(arity = "1..*", paramLabel = "NAME", description = "gene names or IDs")
    List<String> names;

    @Override
    public Integer call() {
        GeneResolver resolver = GeneTableReader.bundled(GenomeBuild.parse(build));
        PrintWriter out = spec.commandLine().getOut();
        out.println("query\tstatus\tmatched_by\tsymbol\tensembl\tentrez\tchrom\tstart\tend\tstrand\tchosen_by");
        boolean allFound = true;
        for (String name : names) {
            GeneResolution r = resolver.resolve(name);
            if (r instanceof GeneResolution.Found f) {
                print(out, name, "found", f.matchedBy().name().toLowerCase(), f.gene(), f.choice());
            } else if (r instanceof GeneResolution.Ambiguous a) {
                allFound = false;
                for (Gene g : a.candidates()) {
                    print(out, name, "ambiguous", a.matchedBy().name().toLowerCase(), g, null);
                }
            } else {
                allFound = false;
                out.println(name + "\tunknown\t.\t.\t.\t.\t.\t.\t.\t.\t.");
            }
        }
        return allFound ? 0 : Main.EXIT_INPUT;
    }

    /** {@code choice}: the rule that chose this model among several carrying the name (see GeneResolver), or null. */
    private static void print(PrintWriter out, String query, String status, String how, Gene g, String choice) {
        out.println(query + "\t" + status + "\t" + how + "\t" + g.symbol() + "\t" + g.ensemblId() + "\t"
                + (g.entrezIds().isEmpty() ? "." : String.join(",", g.entrezIds())) + "\t" + g.contig() + "\t"
                + g.start() + "\t" + g.end() + "\t" + g.strand() + "\t" + (choice == null ? "." : choice));
    }
}
