// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.batch;

import java.io.Serializable;
import java.util.List;

import org.genvag.core.transcript.TargetKind;
import org.genvag.pipeline.batch.BatchOptions;

/** A batch's options as a task receives them; each task runs one sample, so its own threads are the executor's. */
record BatchSpec(List<String> panels, long padding, String kb, boolean force, String genvagVersion, String msiSites,
        String msiBaseline, boolean allowUnresolved, String gff, TargetKind targets, String reference)
        implements Serializable {

    static BatchSpec of(BatchOptions o) {
        return new BatchSpec(o.panels().stream().map(SampleSpec::text).toList(), o.padding(), SampleSpec.text(o.kb()),
                o.force(), o.genvagVersion(), SampleSpec.text(o.msiSites()), SampleSpec.text(o.msiBaseline()),
                o.allowUnresolved(), SampleSpec.text(o.gff()), o.targets(), SampleSpec.text(o.reference()));
    }

    BatchOptions options() {
        return new BatchOptions(panels.stream().map(SampleSpec::path).toList(), padding, SampleSpec.path(kb), 1,
                force, genvagVersion, SampleSpec.path(msiSites), SampleSpec.path(msiBaseline), allowUnresolved,
                SampleSpec.path(gff), targets, SampleSpec.path(reference));
    }
}
