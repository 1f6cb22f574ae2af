// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.vcf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.genvag.io.bgzf.ByteSources.Compression;
import org.genvag.io.split.SplitChunks;
import org.genvag.io.split.Splits;
import org.genvag.io.vcf.VcfHeader;
import org.genvag.io.vcf.VcfReader;
import org.genvag.io.vcf.VcfSplitReader;
import org.genvag.spark.hadoop.HadoopInput;

/**
 * What the driver learns of one VCF before it plans the tasks: its header (read once, through Hadoop's FileSystem),
 * how it is compressed, its length, and where the header ends.
 */
record VcfFile(String path, Compression compression, long length, List<String> header, long headerEnd,
        VcfHeader parsedHeader) {

    static VcfFile read(String path, Configuration conf) throws IOException {
        HadoopInput input = new HadoopInput(path, conf);
        Compression compression = Splits.compression(input);
        VcfHeader parsed;
        try (VcfReader reader = VcfReader.open(input.openAt(0), path, 1)) {
            parsed = reader.header();
        }
        long headerEnd;
        try (SplitChunks chunks = Splits.open(input, compression, 0)) {
            headerEnd = VcfSplitReader.headerEnd(chunks);
        }
        return new VcfFile(path, compression, input.length(), List.copyOf(parsed.lines()), headerEnd, parsed);
    }

    /** Partitions of about {@code bytes} (compressed) each; a gzip file (not BGZF) is one. */
    List<VcfPartition> partitions(long bytes) {
        List<VcfPartition> out = new ArrayList<>();
        if (compression == Compression.GZIP) {
            out.add(new VcfPartition(path, compression, 0, Long.MAX_VALUE, header, headerEnd));
            return out;
        }
        for (long start = 0; start < length; start += bytes) {
            long end = Math.min(length, start + bytes);
            out.add(new VcfPartition(path, compression, start, end, header, headerEnd));
        }
        return out;
    }
}
