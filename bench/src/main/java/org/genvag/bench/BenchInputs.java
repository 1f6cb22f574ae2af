// SPDX-License-Identifier: Apache-2.0
package org.genvag.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.genvag.testdata.Contig;
import org.genvag.testdata.SyntheticGenome;
import org.genvag.testdata.VcfGenerator;

/** Benchmark inputs, generated once per JVM into a cache directory (never committed). */
final class BenchInputs {
    private BenchInputs() {
    }

    static Path dir() throws IOException {
        return Files.createDirectories(Path.of(System.getProperty("genvag.bench.dir",
                System.getProperty("java.io.tmpdir") + "/genvag-bench")));
    }

    /** A WGS-like single-sample VCF.gz (GRCh38 contigs) of the given record count, from seed 42. */
    static synchronized Path wgsVcf(long records) throws IOException {
        Path p = dir().resolve("wgs-" + records + ".vcf.gz");
        if (!Files.exists(p)) {
            new VcfGenerator(new SyntheticGenome(42), Contig.parse("GRCh38", true), 1, 42).write(records, p);
        }
        return p;
    }

    /**
     * The 944-gene benchmark panel, as the repository bundles it for the demo; run benchmarks from the repository
     * root or point {@code -Dgenvag.panel944} at the file.
     */
    static Path panel944() {
        Path p = Path.of(System.getProperty("genvag.panel944",
                "data/src/main/resources/org/genvag/data/panels/metabolic-944.tsv"));
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException(p + " not found: run from the repository root or set -Dgenvag.panel944");
        }
        return p;
    }
}
