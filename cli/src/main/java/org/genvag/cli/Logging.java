// SPDX-License-Identifier: Apache-2.0
package org.genvag.cli;

import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** One plain line per message on standard error ("genvag: ..."), shown only with --verbose; warnings always. */
final class Logging {
    private Logging() {
    }

    static void configure(boolean verbose) {
        Logger root = Logger.getLogger("");
        for (var h : root.getHandlers()) {
            root.removeHandler(h);
        }
        ConsoleHandler handler = new ConsoleHandler();
        handler.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord r) {
                return "genvag: " + (r.getLevel().intValue() >= Level.WARNING.intValue() ? "warning: " : "")
                        + formatMessage(r) + System.lineSeparator();
            }
        });
        Level level = verbose ? Level.INFO : Level.WARNING;
        handler.setLevel(level);
        root.setLevel(level);
        root.addHandler(handler);
    }
}
