package org.genvag.cli;

import picocli.CommandLine;

/** The version from the jar's manifest (set by Maven), or "development" when run from classes. */
public final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"genvag " + get()};
    }

    /** The jar's version, or "development" when run from classes. */
    public static String get() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
