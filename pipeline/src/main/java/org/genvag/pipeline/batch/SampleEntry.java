// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.batch;

import java.nio.file.Path;

import org.genvag.core.genome.GenomeBuild;
import org.genvag.core.tumour.TumourType;

/**
 * One manifest row: a sample, whether it is germline or a tumour, and its inputs (null where the manifest leaves
 * the column empty). Paths are resolved against the manifest's directory. {@code build} is null when the manifest
 * does not say (then the files' headers must). {@code sample} names the VCF column the row is about; null when the
 * VCF has one sample (or, for a tumour, when its header names the tumour column). {@code tumourType} is null when
 * the manifest does not give it.
 */
public record SampleEntry(long line, String id, Type type, Path vcf, Path svVcf, Path bam, Path normalBam,
                          Path callable, GenomeBuild build, String sample, TumourType tumourType) {

    public enum Type { GERMLINE, TUMOUR }
}
