// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.vcf;

import java.util.List;

import org.apache.spark.sql.connector.read.InputPartition;
import org.genvag.io.bgzf.ByteSources.Compression;
import org.genvag.spark.panel.ShippedPanel;

/**
 * One task's part of one VCF: the records whose preceding newline has a key in {@code [start, end)} (a BGZF block
 * range, a byte range of plain text, or all of a gzip file); or, with a panel and a tabix index, the index chunks
 * {@code chunkStarts}/{@code chunkEnds} (virtual offsets). {@code firstBlock}: where its first BGZF block starts,
 * when a {@code .gzi} index told the driver (-1: the task finds it). It carries the header the driver read, so a
 * task does not read it again, and the panel (null: none) its records are filtered by and labelled with.
 */
record VcfPartition(String file, Compression compression, long start, long end, long firstBlock, List<String> header,
        long headerEnd, ShippedPanel panel, long[] chunkStarts, long[] chunkEnds) implements InputPartition {

    boolean indexed() {
        return chunkStarts != null;
    }
}
