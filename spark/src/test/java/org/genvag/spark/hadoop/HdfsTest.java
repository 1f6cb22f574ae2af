// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.hadoop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import org.genvag.core.error.InputException;
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

    @Test
    void aBatchReadsItsInputsFromHdfsAndItsReportsNameThem() throws IOException {
        Path local = Files.createDirectories(base.resolve("inputs-local"));
        Path manifest = DistributedBatchTest.manifest(local);
        Path single = base.resolve("single-for-remote");
        BatchRun.run(ManifestReader.read(manifest), single, DistributedBatchTest.options(local, false), null);
        String remote = root + "/inputs";
        try (Stream<Path> inputs = Files.list(local)) {
            for (Path f : inputs.filter(Files::isRegularFile).toList()) {   // indexes too (t.bam.bai)
                cluster.getFileSystem().copyFromLocalFile(new HPath(f.toString()),
                        new HPath(remote + "/" + f.getFileName()));
            }
        }
        String text = Files.readString(manifest);
        for (String f : List.of("hapmap.vcf.gz", "t.somatic.vcf", "t.sv.vcf", "t.bam", "t.callable.bed",
                "garbage.vcf")) {
            text = text.replace("\t" + f + "\t", "\t" + remote + "/" + f + "\t");
        }
        Path remoteManifest = Files.writeString(base.resolve("remote-samples.tsv"), text);
        assertTrue(text.contains(remote + "/t.bam"), text);
        Path out = base.resolve("from-remote-inputs");
        List<Row> summary = GenvagSpark.annotate(LocalSpark.get(), remoteManifest,
                DistributedBatchTest.options(local, false), out.toString()).collectAsList();
        assertEquals(List.of("done", "done", "failed"), summary.stream().map(r -> r.getString(2)).toList());
        assertTrue(summary.get(2).getString(10).contains(remote + "/garbage.vcf"), summary.get(2).getString(10));
        for (String sample : List.of("hapmap", "tumour")) {
            for (Path theirs : DistributedBatchTest.files(single.resolve(sample))) {
                Path ours = out.resolve(sample).resolve(single.resolve(sample).relativize(theirs));
                String name = theirs.getFileName().toString();
                if (name.endsWith(".json") || name.endsWith(".html")) {
                    String expected = String.join("\n", DistributedBatchTest.withoutSeconds(theirs))
                            .replace(local.toString(), remote);
                    String actual = String.join("\n", DistributedBatchTest.withoutSeconds(ours));
                    assertEquals(expected, actual, ours.toString());
                    assertFalse(actual.contains("genvag-spark-in"), "no task-local copy is named: " + ours);
                } else {
                    assertArrayEquals(Files.readAllBytes(theirs), Files.readAllBytes(ours), ours.toString());
                }
            }
        }
        assertTrue(Files.readString(out.resolve("tumour/report.html")).contains(remote + "/t.bam"));
        assertTrue(Files.readString(out.resolve("tumour/biomarkers.json")).contains(remote + "/t.somatic.vcf"));
    }

    @Test
    void aMissingRemoteInputIsAManifestErrorNamingIt() throws IOException {
        Path dir = Files.createDirectories(base.resolve("missing"));
        Files.writeString(dir.resolve("panel.txt"), "BRAF\n");
        Path manifest = Files.writeString(dir.resolve("samples.tsv"), "id\ttype\tvcf\n"
                + "s1\tgermline\t" + root + "/nowhere/s1.vcf.gz\n");
        InputException e = assertThrows(InputException.class, () -> GenvagSpark.annotate(LocalSpark.get(), manifest,
                DistributedBatchTest.options(dir, false), dir.resolve("out").toString()));
        assertTrue(e.getMessage().contains(manifest + ":2: vcf " + root + "/nowhere/s1.vcf.gz: no such file"),
                e.getMessage());
    }

    private static List<Row> rows(String path) {
        return LocalSpark.get().read().format("genvag-vcf").option("partitionBytes", 4096).load(path)
                .selectExpr("contig", "start", "end", "ref", "alts", "qual", "size(genotypes)").collectAsList();
    }
}
