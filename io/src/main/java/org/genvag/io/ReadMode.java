// SPDX-License-Identifier: Apache-2.0
package org.genvag.io;

import java.util.Locale;

import org.genvag.core.error.InputException;

/** How to read an indexed file for a panel: decide (auto), read it all (stream), or jump with its index (index). */
public enum ReadMode {
    AUTO, STREAM, INDEX;

    /** Parses the --mode option: auto, stream or index. */
    public static ReadMode parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "auto" -> AUTO;
            case "stream" -> STREAM;
            case "index" -> INDEX;
            default -> throw new InputException("--mode must be auto, stream or index, got '" + text + "'");
        };
    }
}
