package org.genvag.cli;

import picocli.CommandLine;

/** The version from the jar's manifest (set by Maven), or "development" when run from classes. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"genvag " + (v == null ? "development" : v)};
    }
}
