// SPDX-License-Identifier: Apache-2.0
package org.genvag.cli;

import org.genvag.io.bgzf.BlockCompressors;
import org.genvag.io.bgzf.BlockInflaters;
import org.genvag.pipeline.align.Aligners;

/**
 * The command line's way to force a native or pure-Java implementation:
 * {@code -Dgenvag.inflater=jdk|gkl|libdeflate|auto}, {@code -Dgenvag.deflater=jdk|libdeflate|auto} and
 * {@code -Dgenvag.aligner=java|gkl|auto} (in {@code GENVAG_JAVA_OPTS}). The library reads no system property; this
 * maps them to its {@code prefer} calls, once per run.
 */
final class NativeOptions {
    private NativeOptions() {
    }

    static void apply() {
        String inflater = System.getProperty("genvag.inflater");
        if (inflater != null) {
            BlockInflaters.prefer(inflater);
        }
        String deflater = System.getProperty("genvag.deflater");
        if (deflater != null) {
            BlockCompressors.prefer(deflater);
        }
        String aligner = System.getProperty("genvag.aligner");
        if (aligner != null) {
            Aligners.prefer(aligner);
        }
    }
}
