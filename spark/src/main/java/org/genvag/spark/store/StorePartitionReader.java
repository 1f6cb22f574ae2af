// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.store;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.genvag.io.store.StoreReader;

/**
 * A partition's blocks, one block at a time: the store hands records to a visitor, so each block's rows are made
 * and queued, then handed to Spark; memory holds one block's rows, not the partition's.
 */
final class StorePartitionReader implements PartitionReader<InternalRow> {
    private final StoreReader store;
    private final StorePartition partition;
    private final StoreRowConverter converter;
    private final ArrayDeque<InternalRow> queue = new ArrayDeque<>();
    private final List<InternalRow> made = new ArrayList<>();
    private int block;
    private InternalRow row;

    StorePartitionReader(StoreReader store, StorePartition partition, StoreRowConverter converter) {
        this.store = store;
        this.partition = partition;
        this.converter = converter;
        this.block = partition.fromBlock();
    }

    @Override
    public boolean next() throws IOException {
        while (queue.isEmpty()) {
            if (block >= partition.toBlock()) {
                return false;
            }
            made.clear();
            store.forEachRecord(block, block + 1, converter.formatKeys(), r -> converter.rows(r, made));
            queue.addAll(made);
            block++;
        }
        row = queue.poll();
        return true;
    }

    @Override
    public InternalRow get() {
        return row;
    }

    @Override
    public void close() throws IOException {
        store.close();
    }
}
