// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.genvag.core.error.InputException;
import org.genvag.io.bgzf.ByteSources;
import org.genvag.io.store.StoreBlock;
import org.genvag.io.store.StoreReader;
import org.genvag.io.vcf.VcfHeader;
import org.genvag.io.vcf.VcfReader;
import org.genvag.spark.hadoop.LocalPaths;

/** What the driver learns of one store: the header of the VCF it holds, and its blocks' sizes to plan by. */
record StoreFile(String path, VcfHeader header, List<StoreBlock> blocks) {

    static StoreFile read(String path) throws IOException {
        try (StoreReader store = StoreReader.open(local(path))) {
            byte[] bytes = store.header();
            ByteBuffer buffer = ByteBuffer.allocateDirect(bytes.length + 8).order(ByteOrder.LITTLE_ENDIAN);
            buffer.put(bytes).flip();
            try (VcfReader header = new VcfReader(ByteSources.of(buffer), path)) {
                return new StoreFile(path, header.header(), List.copyOf(store.blocks()));
            }
        }
    }

    /**
     * Stores are read through the local file system (memory-mapped blocks): a path, or a file: URI; a shared file
     * system serves a cluster.
     */
    static Path local(String path) {
        Path local = LocalPaths.of(path);
        if (local == null) {
            throw new InputException(path + ": genvag-store reads stores on a local or shared file system (a path or "
                    + "file: URI), not " + path.substring(0, path.indexOf(':') + 1));
        }
        return local;
    }

    /** Partitions of consecutive blocks, about {@code bytes} of stored blocks each. */
    List<StorePartition> partitions(long bytes) {
        List<StorePartition> out = new ArrayList<>();
        int from = 0;
        long size = 0;
        for (int i = 0; i < blocks.size(); i++) {
            size += blocks.get(i).length();
            if (size >= bytes || i == blocks.size() - 1) {
                out.add(new StorePartition(path, blocks.get(from).number(), blocks.get(i).number() + 1,
                        header.samples()));
                from = i + 1;
                size = 0;
            }
        }
        return out;
    }
}
