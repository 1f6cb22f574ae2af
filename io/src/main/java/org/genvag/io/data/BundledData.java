// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The reference files of the {@code genvag-data} artifact (gene tables, RefSeq exon tables, example panels), kept
 * out of this jar so that a lab can audit, replace or exclude them. Where they are missing, the message names the
 * artifact to add and the reader that takes the lab's own file instead.
 */
public final class BundledData {
    private static final String ROOT = "org/genvag/data/";

    private BundledData() {
    }

    /**
     * Opens a bundled file by its path under {@code org/genvag/data/} ({@code genes/GRCh38.genes.tsv.gz}).
     *
     * @param insteadHint what the caller can use instead when {@code genvag-data} is not on the class path
     * @throws IllegalStateException when the file is not there
     */
    public static InputStream open(String path, String insteadHint) {
        InputStream in = BundledData.class.getClassLoader().getResourceAsStream(ROOT + path);
        if (in == null) {
            throw new IllegalStateException("bundled data file " + path + " not found: add org.genvag:genvag-data to "
                    + "the class path, or " + insteadHint);
        }
        return in;
    }

    /**
     * Copies a bundled file to {@code target} (replacing it), for tools that take files: the example panels
     * ({@code panels/metabolic-944.tsv}, {@code panels/tumour-agnostic.txt}) are read as files by every job.
     */
    public static Path copy(String path, Path target) throws IOException {
        try (InputStream in = open(path, "give your own file")) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    /** Whether a bundled file is present (the {@code genvag-data} jar may be excluded). */
    public static boolean exists(String path) {
        try (InputStream in = BundledData.class.getClassLoader().getResourceAsStream(ROOT + path)) {
            return in != null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
