// SPDX-License-Identifier: Apache-2.0
package org.genvag.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/** The committed real fixtures under {@code testdata/fixtures} (see testdata/PROVENANCE.md). */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path root() {
        String dir = System.getProperty("genvag.fixtures");
        if (dir == null) {
            throw new IllegalStateException("system property genvag.fixtures is not set (the parent pom sets it)");
        }
        return Path.of(dir);
    }

    public static Path path(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException("fixture missing: " + p);
        }
        return p;
    }
}
