// SPDX-License-Identifier: Apache-2.0
package org.genvag.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.genvag.cli.Main;

import picocli.CommandLine.Command;

/**
 * What {@code ./genvag} runs once per jar and Java, with the JVM recording the classes it loads into a
 * class-data-sharing archive that later runs start from: the command tree's help, and the small questions a lab
 * system asks per sample (a gene panel of a bgzipped, indexed VCF, gene names, a count) on the demo exome. Hidden: not
 * a user's command.
 */
@Command(name = "start-up-training", hidden = true,
        description = "Load what short runs load, for the launcher's class-data-sharing archive.")
public final class StartupTrainingCommand implements Callable<Integer> {
    @Override
    public Integer call() throws IOException {
        Path dir = Files.createTempDirectory("genvag-training-");
        try {
            Path vcf = dir.resolve("exome.vcf.gz");
            Path genes = dir.resolve("genes.txt");
            try (InputStream in = StartupTrainingCommand.class.getResourceAsStream("demo/hapmap_exome_chr22.vcf.gz")) {
                Files.copy(in, vcf);
            }
            try (InputStream in = StartupTrainingCommand.class.getResourceAsStream("demo/chr22-genes.txt")) {
                Files.copy(in, genes);
            }
            Path indexed = dir.resolve("panel.vcf.gz");
            List<String[]> runs = List.of(
                    new String[] {"--help"},
                    new String[] {"filter", vcf.toString(), "--panel", genes.toString(), "-o", indexed.toString()},
                    new String[] {"filter", indexed.toString(), "--panel", genes.toString(), "-o",
                        dir.resolve("again.vcf").toString()},
                    new String[] {"view", "--count", vcf.toString()},
                    new String[] {"genes", "--build", "GRCh38", "BRAF", "NTRK1"});
            PrintWriter quiet = new PrintWriter(OutputStream.nullOutputStream());
            for (String[] run : runs) {
                int exit = Main.run(quiet, quiet, run);
                if (exit != 0) {
                    throw new IllegalStateException("start-up training: genvag " + String.join(" ", run)
                            + " ended with " + exit);
                }
            }
            return 0;
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
