// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.hadoop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.Row;
import org.genvag.pipeline.batch.BatchRun;
import org.genvag.pipeline.batch.ManifestReader;
import org.genvag.spark.GenvagSpark;
import org.genvag.spark.LocalSpark;
import org.genvag.spark.batch.DistributedBatchTest;
import org.genvag.testsupport.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hdfs://} paths through Hadoop's FileSystem: a NameNode and a DataNode in this JVM (MiniDFSCluster) with a
 * 64 KiB block size and 4 KiB partitions, so HDFS blocks and genvag's partitions fall mid-record; the rows read from HDFS
 * equal the rows read from the local copy; a distributed batch writes to HDFS what genvag annotate writes locally.
 */
class HdfsTest {
    /** Hadoop's Path, named apart from java.nio's. */
    private static final class HPath extends org.apache.hadoop.fs.Path {
        HPath(String path) {
            super(path);
        }
    }

    @TempDir
    static Path base;
    private static MiniDFSCluster cluster;
    private static String root;

    @BeforeAll
    static void start() throws IOException {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.resolve("dfs").toString());
        conf.setLong("dfs.blocksize", 1 << 16);
        conf.setLong("dfs.namenode.fs-limits.min-block-size", 1 << 16);
        cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        cluster.waitActive();
        root = "hdfs://localhost:" + cluster.getNameNodePort();
        FileSystem fs = cluster.getFileSystem();
        for (String f : List.of("vcf/chr22.vcf.gz", "vcf/hapmap_exome_chr22.vcf.gz", "vcf/realn02.g.vcf")) {
            fs.copyFromLocalFile(new HPath(Fixtures.path(f).toString()),
                    new HPath(root + "/data/" + Path.of(f).getFileName()));
        }
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.shutdown();
        }
    }

    @Test
    void hdfsRowsEqualLocalRows() {
        for (String f : List.of("chr22.vcf.gz", "hapmap_exome_chr22.vcf.gz", "realn02.g.vcf")) {
            List<Row> local = rows(Fixtures.path("vcf/" + f).toString());
            List<Row> remote = rows(root + "/data/" + f);
            assertTrue(local.size() > 400, f);
            assertEquals(local, remote, f);
        }
    }

    @Test
    void aDirectoryOnHdfsReadsEveryFileInIt() {
        long expected = 0;
        for (String f : List.of("chr22.vcf.gz", "hapmap_exome_chr22.vcf.gz", "realn02.g.vcf")) {
            expected += rows(Fixtures.path("vcf/" + f).toString()).size();
        }
        long n = LocalSpark.get().read().format("genvag-vcf").option("partitionBytes", 65_536)
                .load(root + "/data").select("contig", "start").count();
        assertEquals(expected, n);
    }

    @Test
    void aBatchWritesToHdfsWhatGenvagAnnotateWritesLocally() throws IOException {
        Path manifest = DistributedBatchTest.manifest(base);
        Path single = base.resolve("single");
        BatchRun.run(ManifestReader.read(manifest), single, DistributedBatchTest.options(base, false), null);
        String remote = root + "/batch";
        List<Row> summary = GenvagSpark.annotate(LocalSpark.get(), manifest, DistributedBatchTest.options(base, false),
                remote).collectAsList();
        assertEquals(List.of("done", "done", "failed"), summary.stream().map(r -> r.getString(2)).toList());
        Path copied = Files.createDirectories(base.resolve("from-hdfs"));
        cluster.getFileSystem().copyToLocalFile(false, new HPath(remote), new HPath(copied.toString()), true);
        DistributedBatchTest.assertSameSampleOutputs(single, copied.resolve("batch"));
        assertEquals(DistributedBatchTest.withoutSeconds(single.resolve("summary.tsv")),
                DistributedBatchTest.withoutSeconds(copied.resolve("batch/summary.tsv")));
        try (Stream<Path> s = Files.list(copied.resolve("batch"))) {
            assertEquals(List.of("hapmap", "summary.json", "summary.tsv", "tumour"),
                    s.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no working leftovers, no directory for the failed sample");
        }
    }

    private static List<Row> rows(String path) {
        return LocalSpark.get().read().format("genvag-vcf").option("partitionBytes", 4096).load(path)
                .selectExpr("contig", "start", "end", "ref", "alts", "qual", "size(genotypes)").collectAsList();
    }
}
