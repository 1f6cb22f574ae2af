// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.vcf;

import java.io.IOException;
import java.util.function.Function;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.genvag.io.vcf.VcfHeader;
import org.genvag.io.vcf.VcfRecord;
import org.genvag.io.vcf.VcfRecords;
import org.genvag.pipeline.panel.PanelVcfFilter;

/**
 * Reads one partition's records with genvag's readers, keeps those in the panel (when there is one: the same test
 * genvag filter makes) and converts each to a row of the asked-for columns.
 */
final class VcfPartitionReader implements PartitionReader<InternalRow> {
    private final VcfRecords records;
    private final VcfRowConverter converter;
    private final PanelVcfFilter filter;
    private final VcfRecord record = new VcfRecord();
    private InternalRow row;

    /** {@code records} null: nothing can start in this partition (after a BGZF file's last data block). */
    VcfPartitionReader(VcfPartition p, VcfRecords records, Function<VcfHeader, VcfRowConverter> converters) {
        this.records = records;
        this.converter = records == null ? null : converters.apply(records.header());
        this.filter = records == null || p.panel() == null ? null
                : new PanelVcfFilter(p.panel().intervals(), records.contigs(), p.file());
    }

    @Override
    public boolean next() throws IOException {
        if (records == null) {
            return false;
        }
        while (records.next(record)) {
            if (filter == null || filter.test(record)) {
                row = converter.convert(record, filter);
                return true;
            }
        }
        return false;
    }

    @Override
    public InternalRow get() {
        return row;
    }

    @Override
    public void close() throws IOException {
        if (records != null) {
            records.close();
        }
    }
}
