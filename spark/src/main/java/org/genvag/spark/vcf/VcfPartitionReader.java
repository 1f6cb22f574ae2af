// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.vcf;

import java.io.IOException;
import java.util.function.Function;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.genvag.io.split.SplitChunks;
import org.genvag.io.vcf.VcfHeader;
import org.genvag.io.vcf.VcfRecord;
import org.genvag.io.vcf.VcfSplitReader;

/** Reads one partition's records with genvag's split reader and converts each to a row of the asked-for columns. */
final class VcfPartitionReader implements PartitionReader<InternalRow> {
    private final VcfSplitReader reader;
    private final VcfRowConverter converter;
    private final VcfRecord record = new VcfRecord();
    private InternalRow row;

    /** {@code chunks} null: nothing can start in this partition (after a BGZF file's last data block). */
    VcfPartitionReader(VcfPartition p, SplitChunks chunks, Function<VcfHeader, VcfRowConverter> converters) {
        this.reader = chunks == null ? null
                : new VcfSplitReader(chunks, p.start(), p.end(), p.header(), p.headerEnd(), p.file());
        this.converter = reader == null ? null : converters.apply(reader.header());
    }

    @Override
    public boolean next() throws IOException {
        if (reader == null || !reader.next(record)) {
            return false;
        }
        row = converter.convert(record);
        return true;
    }

    @Override
    public InternalRow get() {
        return row;
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
        }
    }
}
