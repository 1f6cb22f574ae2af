// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.variants;

import java.io.IOException;
import java.nio.file.Path;

import org.genvag.io.store.StoreReader;
import org.genvag.io.vcf.VcfReader;

/**
 * The one place that decides "VCF or variant store?": every command that reads variants opens them here, so a
 * sample kept as a store (.gvs) reads back as the VCF it was built from, byte for byte. It sits above both formats
 * so that the store may use the VCF reader and the VCF reader never needs the store.
 */
public final class VariantSources {
    private VariantSources() {
    }

    /** A VCF (plain, gzip or BGZF; "-" for standard input) or a variant store, as a VCF reader. */
    public static VcfReader open(String pathOrDash, int threads) throws IOException {
        if (!pathOrDash.equals("-") && StoreReader.isStore(Path.of(pathOrDash))) {
            return new VcfReader(StoreReader.open(Path.of(pathOrDash)).source(b -> true), pathOrDash);
        }
        return VcfReader.open(pathOrDash, threads);
    }
}
