// SPDX-License-Identifier: Apache-2.0
package org.genvag.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.genvag.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

/** Every Java source of every module opens with its licence (SPDX), so a file copied out of genvag still says it. */
class LicenceHeaderTest {
    static final String HEADER = "// SPDX-License-Identifier: Apache-2.0";

    @Test
    void everyJavaSourceNamesItsLicence() throws IOException {
        Path root = Fixtures.path(".").toAbsolutePath().normalize().getParent().getParent();
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(root)) {
            sources = walk.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> root.relativize(p).toString().contains("/src/"))
                    .filter(p -> !p.toString().contains("/target/")).toList();
        }
        assertTrue(sources.size() > 300, "sources found: " + sources.size());
        List<Path> without = sources.stream().filter(p -> !firstLine(p).equals(HEADER)).toList();
        assertEquals(List.of(), without);
    }

    private static String firstLine(Path p) {
        try (Stream<String> lines = Files.lines(p)) {
            return lines.findFirst().orElse("");
        } catch (IOException e) {
            throw new IllegalStateException(p.toString(), e);
        }
    }
}
