// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import picocli.CommandLine;

/** genvag's version as the build recorded it: what {@code --version} says and reports carry. */
final class SparkVersion implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"genvag-spark " + get() + " (Java " + Runtime.version() + ")"};
    }

    static String get() {
        Properties p = new Properties();
        try (InputStream in = SparkVersion.class.getResourceAsStream("/org/genvag/spark/versions.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("genvag", "development");
    }
}
