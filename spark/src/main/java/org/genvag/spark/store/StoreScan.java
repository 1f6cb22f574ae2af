// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.genvag.io.store.StoreReader;
import org.genvag.spark.vcf.VcfField;

/**
 * The stores of one {@code load} as a table, its scan and its tasks' reader factory: one class, as each part is a
 * few lines; the columns a query asks for decide which FORMAT columns the tasks decompress.
 */
final class StoreScan implements SupportsRead, ScanBuilder, SupportsPushDownRequiredColumns, Scan, Batch {
    private final List<StoreFile> files;
    private final Map<String, VcfField> format;
    private final long partitionBytes;
    private StructType required;

    StoreScan(List<StoreFile> files, Map<String, VcfField> format, long partitionBytes) {
        this.files = files;
        this.format = format;
        this.partitionBytes = partitionBytes;
        this.required = StoreSchema.of(format);
    }

    @Override
    public String name() {
        return "genvag-store";
    }

    @Override
    public StructType schema() {
        return StoreSchema.of(format);
    }

    @Override
    public Set<TableCapability> capabilities() {
        return EnumSet.of(TableCapability.BATCH_READ);
    }

    @Override
    public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
        return new StoreScan(files, format, partitionBytes);
    }

    @Override
    public void pruneColumns(StructType requiredSchema) {
        this.required = requiredSchema;
    }

    @Override
    public Scan build() {
        return this;
    }

    @Override
    public StructType readSchema() {
        return required;
    }

    @Override
    public Batch toBatch() {
        return this;
    }

    @Override
    public InputPartition[] planInputPartitions() {
        List<StorePartition> out = new ArrayList<>();
        files.forEach(f -> out.addAll(f.partitions(partitionBytes)));
        return out.toArray(new InputPartition[0]);
    }

    @Override
    public PartitionReaderFactory createReaderFactory() {
        return new Factory(required, format);
    }

    /** Shipped to the executors: opens each partition's store and reads its blocks. */
    private record Factory(StructType required, Map<String, VcfField> format) implements PartitionReaderFactory {
        @Override
        public PartitionReader<InternalRow> createReader(InputPartition partition) {
            StorePartition p = (StorePartition) partition;
            try {
                return new StorePartitionReader(StoreReader.open(StoreFile.local(p.path())), p,
                        new StoreRowConverter(required, format, p.samples(), p.path()));
            } catch (IOException e) {
                throw new UncheckedIOException(p.path() + ": " + e.getMessage(), e);
            }
        }
    }
}
