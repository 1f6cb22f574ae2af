// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.store;

import java.nio.ByteBuffer;

import org.genvag.io.vcf.VcfLineBatch;
import org.genvag.io.vcf.VcfRecord;

/** The lines of one future block ({@link VcfLineBatch}) and the contig they are all on. */
final class RecordBatch {
    final VcfLineBatch lines = new VcfLineBatch();
    String contig;

    void clear() {
        lines.clear();
        contig = null;
    }

    int size() {
        return lines.size();
    }

    void add(VcfRecord r) {
        lines.add(r);
    }

    /** Feeds every line to {@code shredder} as a record view. */
    void shred(BlockShredder shredder, VcfRecord view, String source) {
        ByteBuffer buf = lines.buffer();
        for (int i = 0; i < lines.size(); i++) {
            lines.view(i, buf, view, source);
            shredder.add(view, lines.array());
        }
    }
}
