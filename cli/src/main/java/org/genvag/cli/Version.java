// SPDX-License-Identifier: Apache-2.0
package org.genvag.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import picocli.CommandLine;

/**
 * What {@code genvag --version} says: genvag's version and those of the libraries that decide what it reads
 * (htsjdk) and how fast (Intel GKL), as the build recorded them, and the Java running it.
 */
public final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        Properties v = recorded();
        return new String[] {"genvag " + get() + " (htsjdk " + v.getProperty("htsjdk", "?") + ", Intel GKL "
                + v.getProperty("gkl", "?") + "; Java " + Runtime.version() + ")"};
    }

    /** The jar's version, or "development" when run from classes. */
    public static String get() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? recorded().getProperty("genvag", "development") : v;
    }

    private static Properties recorded() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("versions.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
