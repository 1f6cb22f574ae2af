// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.vcf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.genvag.io.bgzf.BgzfSliceSource;
import org.genvag.io.bgzf.ByteSources;
import org.genvag.io.source.RangeInput;
import org.genvag.io.source.SplitChunks;
import org.genvag.io.vcf.VcfReader;
import org.genvag.io.vcf.VcfRecords;
import org.genvag.io.vcf.VcfSplitReader;

/** The records of one partition: a split of the file, or (panel push-down) its tabix chunks. */
final class PartitionRecords {
    private PartitionRecords() {
    }

    /** The records a split owns ({@link VcfSplitReader}). */
    static VcfRecords split(VcfPartition p, SplitChunks chunks) {
        return new VcfSplitReader(chunks, p.start(), p.end(), p.header(), p.headerEnd(), p.file());
    }

    /**
     * The records of the partition's index chunks, read as genvag filter reads them when it jumps: the header the
     * driver read, then the chunks' bytes, through one {@link VcfReader} (which checks each record as usual).
     */
    static VcfRecords indexed(VcfPartition p, RangeInput file) throws IOException {
        StringBuilder text = new StringBuilder();
        p.header().forEach(line -> text.append(line).append('\n'));
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        ByteBuffer header = ByteBuffer.allocateDirect(bytes.length + 8).order(ByteOrder.LITTLE_ENDIAN);
        header.put(bytes).flip();
        BgzfSliceSource chunks = new BgzfSliceSource(file, p.chunkStarts(), p.chunkEnds());
        return new VcfReader(ByteSources.concat(ByteSources.of(header), chunks), p.file()).withoutLineNumbers();
    }
}
