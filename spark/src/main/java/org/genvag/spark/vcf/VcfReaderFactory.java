// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.vcf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.types.StructType;
import org.genvag.io.source.SplitChunks;
import org.genvag.io.split.Splits;
import org.genvag.io.vcf.VcfRecords;
import org.genvag.spark.hadoop.HadoopConf;
import org.genvag.spark.hadoop.HadoopInput;

/** Shipped to the executors: opens each partition's file through Hadoop and reads the asked-for columns. */
final class VcfReaderFactory implements PartitionReaderFactory {
    private static final long serialVersionUID = 1L;
    private final StructType required;
    private final Map<String, VcfField> info;
    private final Map<String, VcfField> format;
    private final HadoopConf conf;

    VcfReaderFactory(StructType required, Map<String, VcfField> info, Map<String, VcfField> format,
            HadoopConf conf) {
        this.required = required;
        this.info = info;
        this.format = format;
        this.conf = conf;
    }

    @Override
    public PartitionReader<InternalRow> createReader(InputPartition partition) {
        VcfPartition p = (VcfPartition) partition;
        try {
            HadoopInput file = new HadoopInput(p.file(), conf.get());
            VcfRecords records;
            if (p.indexed()) {
                records = PartitionRecords.indexed(p, file);
            } else {
                SplitChunks chunks = Splits.open(file, p.compression(), p.start(), p.firstBlock());
                records = chunks == null ? null : PartitionRecords.split(p, chunks);
            }
            return new VcfPartitionReader(p, records, header -> new VcfRowConverter(required, info, format,
                    header.samples(), p.panel() == null ? null : p.panel().intervals(),
                    p.panel() == null ? null : p.panel().panelNames()));
        } catch (IOException e) {
            throw new UncheckedIOException(p.file() + ": " + e.getMessage(), e);
        }
    }
}
