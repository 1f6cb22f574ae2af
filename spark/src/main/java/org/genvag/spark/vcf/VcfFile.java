// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.vcf;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.genvag.core.error.InputException;
import org.genvag.io.bgzf.ByteSources.Compression;
import org.genvag.io.bgzf.GziIndex;
import org.genvag.io.source.SplitChunks;
import org.genvag.io.split.Splits;
import org.genvag.io.vcf.VcfHeader;
import org.genvag.io.vcf.VcfReader;
import org.genvag.io.vcf.VcfSplitReader;
import org.genvag.spark.hadoop.HadoopInput;
import org.genvag.spark.panel.PanelPlanner;
import org.genvag.spark.panel.ShippedPanel;

/**
 * What the driver learns of one VCF before it plans the tasks: its header (read once, through Hadoop's FileSystem),
 * how it is compressed, its length, and where the header ends.
 */
record VcfFile(String path, Compression compression, long length, List<String> header, long headerEnd,
        VcfHeader parsedHeader, GziIndex gzi) {

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
        return new VcfFile(path, compression, input.length(), List.copyOf(parsed.lines()), headerEnd, parsed,
                compression == Compression.BGZF ? gzi(path, conf) : null);
    }

    /** The file's .gzi index when it has one, newer than the file; null without. */
    private static GziIndex gzi(String path, Configuration conf) throws IOException {
        HadoopInput gzi = new HadoopInput(path + ".gzi", conf);
        if (!gzi.isFile()) {
            return null;
        }
        if (gzi.modified() < new HadoopInput(path, conf).modified()) {
            throw new InputException(gzi.name() + " is older than " + path + ": re-index it (bgzip -r " + path
                    + ")");
        }
        try (InputStream in = gzi.openAt(0)) {
            return GziIndex.read(in, gzi.name());
        }
    }

    /**
     * Partitions of about {@code bytes} (compressed) each; a gzip file (not BGZF) is one. With a panel plan that
     * has index chunks, partitions are runs of chunks spanning about {@code bytes} each.
     */
    List<VcfPartition> partitions(long bytes, PanelPlanner.FilePlan plan) {
        List<VcfPartition> out = new ArrayList<>();
        ShippedPanel panel = plan == null ? null : plan.panel();
        if (plan != null && plan.chunks() != null) {
            List<long[]> run = new ArrayList<>();
            long span = 0;
            for (long[] chunk : plan.chunks().pairs()) {
                run.add(chunk);
                span += (chunk[1] >>> 16) - (chunk[0] >>> 16) + 1;
                if (span >= bytes) {
                    out.add(indexed(run, panel));
                    run.clear();
                    span = 0;
                }
            }
            if (!run.isEmpty()) {
                out.add(indexed(run, panel));
            }
            return out;
        }
        if (compression == Compression.GZIP) {
            out.add(new VcfPartition(path, compression, 0, Long.MAX_VALUE, -1, header, headerEnd, panel, null, null));
            return out;
        }
        for (long start = 0; start < length; start += bytes) {
            long end = Math.min(length, start + bytes);
            long block = gzi == null ? -1 : gzi.firstBlockAtOrAfter(start);
            if (gzi != null && (block < 0 || block >= end)) {
                continue;   // no block starts here: the partition would own no record
            }
            out.add(new VcfPartition(path, compression, start, end, block, header, headerEnd, panel, null, null));
        }
        return out;
    }

    private VcfPartition indexed(List<long[]> chunks, ShippedPanel panel) {
        long[] starts = new long[chunks.size()];
        long[] ends = new long[chunks.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = chunks.get(i)[0];
            ends[i] = chunks.get(i)[1];
        }
        return new VcfPartition(path, compression, 0, 0, -1, header, headerEnd, panel, starts, ends);
    }
}
