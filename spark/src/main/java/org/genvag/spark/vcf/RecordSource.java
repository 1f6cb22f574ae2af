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
import org.genvag.io.vcf.ContigDictionary;
import org.genvag.io.vcf.VcfHeader;
import org.genvag.io.vcf.VcfReader;
import org.genvag.io.vcf.VcfRecord;
import org.genvag.io.vcf.VcfSplitReader;

/** The records of one partition: a split of the file, or (panel push-down) its tabix chunks. */
interface RecordSource extends AutoCloseable {

    boolean next(VcfRecord record) throws IOException;

    VcfHeader header();

    ContigDictionary contigs();

    @Override
    void close() throws IOException;

    /** The records a split owns ({@link VcfSplitReader}). */
    static RecordSource split(VcfPartition p, SplitChunks chunks) {
        VcfSplitReader reader = new VcfSplitReader(chunks, p.start(), p.end(), p.header(), p.headerEnd(), p.file());
        return new RecordSource() {
            @Override
            public boolean next(VcfRecord record) throws IOException {
                return reader.next(record);
            }

            @Override
            public VcfHeader header() {
                return reader.header();
            }

            @Override
            public ContigDictionary contigs() {
                return reader.contigs();
            }

            @Override
            public void close() throws IOException {
                reader.close();
            }
        };
    }

    /**
     * The records of the partition's index chunks, read as genvag filter reads them when it jumps: the header the
     * driver read, then the chunks' bytes, through one {@link VcfReader} (which checks each record as usual).
     */
    static RecordSource indexed(VcfPartition p, RangeInput file) throws IOException {
        StringBuilder text = new StringBuilder();
        p.header().forEach(line -> text.append(line).append('\n'));
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        ByteBuffer header = ByteBuffer.allocateDirect(bytes.length + 8).order(ByteOrder.LITTLE_ENDIAN);
        header.put(bytes).flip();
        BgzfSliceSource chunks = new BgzfSliceSource(file, p.chunkStarts(), p.chunkEnds());
        VcfReader reader = new VcfReader(ByteSources.concat(ByteSources.of(header), chunks), p.file());
        return new RecordSource() {
            @Override
            public boolean next(VcfRecord record) throws IOException {
                return reader.next(record);
            }

            @Override
            public VcfHeader header() {
                return reader.header();
            }

            @Override
            public ContigDictionary contigs() {
                return reader.contigs();
            }

            @Override
            public void close() throws IOException {
                reader.close();
            }
        };
    }
}
