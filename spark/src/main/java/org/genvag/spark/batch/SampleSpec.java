// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.batch;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Map;

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

    /** The row with each stand-in for a remote input ({@link RemoteManifest}) replaced by the input's URI. */
    SampleSpec withRemote(Map<String, String> uriOf) {
        return new SampleSpec(index, line, id, type, uri(vcf, uriOf), uri(svVcf, uriOf), uri(bam, uriOf),
                uri(normalBam, uriOf), uri(callable, uriOf), build, sample, tumourCode, tumourName, tumourRelease);
    }

    private static String uri(String value, Map<String, String> uriOf) {
        return value == null ? null : uriOf.getOrDefault(value, value);
    }

    /** The row as the task runs it: remote inputs copied by {@code staging}, local ones as they are. */
    SampleEntry entry(InputStaging staging) throws IOException {
        return new SampleEntry(line, id, type, path(staging.local(vcf)), path(staging.local(svVcf)),
                path(staging.local(bam)), path(staging.local(normalBam)), path(staging.local(callable)), build,
                sample, tumourCode == null ? null : new TumourType(tumourCode, tumourName, tumourRelease));
    }

    /** "germline" or "tumour", as outcomes name the type. */
    String typeName() {
        return type == SampleEntry.Type.GERMLINE ? "germline" : "tumour";
    }

    static String text(Path p) {
        return p == null ? null : p.toString();
    }

    static Path path(String s) {
        return s == null ? null : Path.of(s);
    }
}
