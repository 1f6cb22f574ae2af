// SPDX-License-Identifier: Apache-2.0
package org.genvag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.genvag.io.variants.VariantSources;
import org.genvag.io.vcf.VcfReader;
import org.genvag.io.vcf.VcfValidator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check every record of a VCF; print each problem as FILE:LINE and the record count.",
            "Exit 0 when valid, 2 when any error is found."})
final class ValidateCommand implements Callable<Integer> {
    private static final int MAX_PRINTED = 1000;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "VCF, VCF.gz, or - for standard input")
    String in;

    @Option(names = "--strict", description = "undeclared contigs, FILTERs, INFO and FORMAT keys are errors, "
            + "not warnings")
    boolean strict;

    @Mixin
    Threads threads;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        int[] printed = {0};
        VcfValidator.Result result;
        try (VcfReader reader = VariantSources.open(in, threads.count())) {
            result = new VcfValidator(strict, p -> {
                if (printed[0]++ < MAX_PRINTED) {
                    err.println(p);
                }
            }).validate(reader);
        }
        if (printed[0] > MAX_PRINTED) {
            err.println("... " + (printed[0] - MAX_PRINTED) + " more problems not shown");
        }
        out.printf("%s: %d records, %d errors, %d warnings: %s%n", in, result.records(), result.errors(),
                result.warnings(), result.errors() == 0 ? "valid" : "INVALID");
        return result.errors() == 0 ? 0 : Main.EXIT_INPUT;
    }
}
