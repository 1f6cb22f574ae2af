// SPDX-License-Identifier: Apache-2.0
package org.genvag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;

import org.genvag.core.error.InputException;
import org.genvag.core.kb.Indication;
import org.genvag.core.kb.KnowledgeBase;
import org.genvag.core.kb.ReviewDue;
import org.genvag.io.kb.KnowledgeBaseReader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "kb", mixinStandardHelpOptions = true,
        header = "The tumour-agnostic knowledge base: check it, list its entries.",
        description = {"The tumour-agnostic knowledge base: label indications with status, dates and history, the",
            "biomarkers' genomic definitions, NTRK resistance per drug. Layout: docs/knowledge-base.md."},
        subcommands = {KbCommand.Check.class})
final class KbCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            header = "Validate a knowledge base; list entries due for review.",
            description = {"Validate a knowledge base (every problem with its JSON path) and list the entries not",
                "verified against their sources in the last 12 months.",
                "Exit 0 when valid and reviewed, 2 when invalid or any entry is due for review."})
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--kb", description = "knowledge-base file (genvag-kb/2 JSON); default: the bundled one")
        Path kb;

        @Option(names = "--as-of", description = "the day to count the 12 months back from (YYYY-MM-DD; default: "
                + "today)")
        String asOf;

        @Override
        public Integer call() throws IOException {
            LocalDate today = day(asOf);
            KnowledgeBase k = kb == null ? KnowledgeBaseReader.bundled() : KnowledgeBaseReader.read(kb);
            PrintWriter out = spec.commandLine().getOut();
            String name = kb == null ? "bundled knowledge base" : kb.toString();
            List<Indication> indications = k.indications();
            long approved = indications.stream().filter(i -> i.status().isApproved()).count();
            out.printf("%s: version %s, OncoTree %s: %d biomarkers, %d resistance mutations, %d indications (%d "
                    + "approved, %d pending or withdrawn; %d superseded)%n", name, k.version(), k.oncotreeRelease(),
                    k.biomarkers().size(), k.resistance().size(), indications.size(), approved,
                    indications.size() - approved, indications.stream().filter(i -> !isCurrent(k, i)).count());
            List<ReviewDue.Entry> due = ReviewDue.of(k, today);
            for (ReviewDue.Entry e : due) {
                out.printf("  review due: %s: %s%n", e.what(), e.why());
            }
            out.printf("%s: %s%n", name, due.isEmpty() ? "valid; every entry verified within " + ReviewDue.MONTHS
                    + " months of " + today : "valid; " + due.size() + " entries due for review");
            return due.isEmpty() ? 0 : Main.EXIT_INPUT;
        }

        private static boolean isCurrent(KnowledgeBase k, Indication i) {
            return i.biomarkers().stream().anyMatch(b -> k.currentFor(b).contains(i));
        }

        private static LocalDate day(String text) {
            if (text == null) {
                return LocalDate.now();
            }
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new InputException("--as-of: expected a day YYYY-MM-DD, got '" + text + "'");
            }
        }
    }
}
