// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.store;

import java.util.List;

import org.apache.spark.sql.connector.read.InputPartition;

/** One task's blocks of one store, {@code [fromBlock, toBlock)}, and the store's sample names. */
record StorePartition(String path, int fromBlock, int toBlock, List<String> samples) implements InputPartition {
}
