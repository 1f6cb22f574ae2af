// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.batch;

import java.io.Serializable;
import java.nio.file.Path;

import org.genvag.core.genome.GenomeBuild;
import org.genvag.core.tumour.TumourType;
import org.genvag.pipeline.batch.SampleEntry;

/** A manifest row as a task receives it (java.nio paths do not serialise; their text does). */
record SampleSpec(int index, long line, String id, SampleEntry.Type type, String vcf, String svVcf, String bam,
        String normalBam, String callable, GenomeBuild build, String sample, String tumourCode, String tumourName,
        String tumourRelease) implements Serializable {

    static SampleSpec of(int index, SampleEntry e) {
        TumourType t = e.tumourType();
        return new SampleSpec(index, e.line(), e.id(), e.type(), text(e.vcf()), text(e.svVcf()), text(e.bam()),
                text(e.normalBam()), text(e.callable()), e.build(), e.sample(), t == null ? null : t.code(),
                t == null ? null : t.name(), t == null ? null : t.release());
    }

    SampleEntry entry() {
        return new SampleEntry(line, id, type, path(vcf), path(svVcf), path(bam), path(normalBam), path(callable),
                build, sample, tumourCode == null ? null : new TumourType(tumourCode, tumourName, tumourRelease));
    }

    static String text(Path p) {
        return p == null ? null : p.toString();
    }

    static Path path(String s) {
        return s == null ? null : Path.of(s);
    }
}
