// SPDX-License-Identifier: Apache-2.0
package org.genvag.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.genvag.core.error.InputException;

/**
 * The invariant every target holds: an input either parses, or raises genvag's {@link InputException} naming the
 * source; any other exception, a hang or an unbounded allocation (an {@link OutOfMemoryError} under the fork's 1 GB
 * heap) is a finding.
 */
final class Inputs {
    private Inputs() {
    }

    interface Parse {
        void run() throws IOException;
    }

    static void parsesOrNamesTheSource(String source, Parse parse) throws IOException {
        try {
            parse.run();
        } catch (InputException e) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(source), "the error names " + source + ": "
                    + e.getMessage());
        }
    }

    /** A file per fork that each input is written to, for readers that take a path. */
    static Path file(String name, byte[] data) {
        try {
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "genvag-fuzz-" + ProcessHandle.current().pid());
            Files.createDirectories(dir);
            Path file = dir.resolve(name);
            Files.write(file, data);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
