// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.genvag.core.error.InputException;

/** Checks on where a command may write, made before it reads anything. */
public final class OutputPaths {
    private OutputPaths() {
    }

    /**
     * Refuses an output that is one of the inputs: the rename at the end would silently replace the input with the
     * result (bcftools refuses the same). Standard input and output ("-") are never the same file as a path.
     */
    public static void requireNotInput(String out, String... inputs) {
        if (out == null || out.equals("-")) {
            return;
        }
        Path o = Path.of(out);
        for (String in : inputs) {
            if (in == null || in.equals("-")) {
                continue;
            }
            Path i = Path.of(in);
            if (o.toAbsolutePath().normalize().equals(i.toAbsolutePath().normalize()) || sameFile(o, i)) {
                throw new InputException("-o " + out + " is the input " + in + ": write the output to another file");
            }
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;   // unreadable: whichever is at fault is reported when it is opened
        }
    }
}
