// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.genvag.core.error.InputException;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AtomicOutputTest {

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void fileAppearsOnlyOnCommit(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.txt");
        try (AtomicOutput out = new AtomicOutput(target)) {
            out.stream().write("hello".getBytes());
            out.stream().flush();
            assertFalse(Files.exists(target), "target must not exist before commit");
            out.commit();
        }
        assertEquals("hello", Files.readString(target));
        assertEquals(List.of(target), list(dir), "no temp file left");
    }

    @Test
    void failureLeavesNothingAndKeepsTheOldFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.txt");
        Files.writeString(target, "previous");
        try (AtomicOutput out = new AtomicOutput(target)) {
            out.stream().write("half".getBytes());
        }
        assertEquals("previous", Files.readString(target));
        assertEquals(List.of(target), list(dir));
    }

    /** Renaming over a device or pipe would replace it with a regular file: special files are written in place. */
    @Test
    void namedPipeIsWrittenInPlaceAndStaysAPipe(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("pipe");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mk.waitFor());
        CompletableFuture<byte[]> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readAllBytes(fifo);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try (AtomicOutput out = new AtomicOutput(fifo)) {
            out.stream().write("through the pipe".getBytes());
            out.commit();
        }
        assertArrayEquals("through the pipe".getBytes(), reader.get());
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "still a FIFO");
        assertEquals(List.of(fifo), list(dir));
    }

    @Test
    void aGroupAppearsTogetherOrNotAtAll(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("x.regions.tsv");
        Path b = dir.resolve("x.summary.json");
        Files.writeString(b, "previous");
        try (OutputGroup group = new OutputGroup()) {
            group.writeString(a, "regions");
            group.writeString(b, "summary");
            assertFalse(Files.exists(a));
            // The job fails before it commits: nothing of it appears, the old file is kept, no temporary is left.
        }
        assertEquals(List.of(b), list(dir));
        assertEquals("previous", Files.readString(b));
        try (OutputGroup group = new OutputGroup()) {
            group.writeString(a, "regions");
            group.writeString(b, "summary");
            group.commit();
        }
        assertEquals(List.of(a, b), list(dir));
        assertEquals("summary", Files.readString(b));
    }

    @Test
    void aMissingFolderIsAnErrorNotCreated(@TempDir Path dir) {
        Path target = dir.resolve("no/such/out.txt");
        InputException e = assertThrows(InputException.class, () -> new AtomicOutput(target));
        assertTrue(e.getMessage().contains("the folder " + dir.resolve("no/such") + " does not exist"),
                e.getMessage());
        assertFalse(Files.exists(dir.resolve("no")));
    }

    /** /dev/full fails every write with ENOSPC: the message names the output and the reason, nothing else. */
    @Test
    void aFullDiskNamesTheOutput() throws IOException {
        Path full = Path.of("/dev/full");
        Assumptions.assumeTrue(Files.exists(full), "no /dev/full here");
        OutputException e = assertThrows(OutputException.class, () -> {
            try (AtomicOutput out = new AtomicOutput(full)) {
                out.stream().write(new byte[1 << 17]);
                out.commit();
            }
        });
        assertEquals("cannot write /dev/full: No space left on device", e.getMessage());
        assertEquals(full, e.target());
    }

    /** Temporaries of a run killed outright are removed by the next run that writes the same name. */
    @Test
    void orphansOfEarlierRunsAreSwept(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("x.vcf.gz");
        Path orphan = dir.resolve(".x.vcf.gz.1vinq62kh3git.tmp");
        Path part = dir.resolve(".x.vcf.gz.abc.part3");
        Path other = dir.resolve(".y.vcf.gz.1vinq62kh3git.tmp");
        Path young = dir.resolve(".x.vcf.gz.young.tmp");
        for (Path p : List.of(orphan, part, other)) {
            Files.writeString(p, "left by a killed run");
            Files.setLastModifiedTime(p, FileTime.from(Instant.now().minus(Duration.ofDays(1))));
        }
        Files.writeString(young, "another run's, started after this one");
        Files.setLastModifiedTime(young, FileTime.from(Instant.now().plus(Duration.ofMinutes(1))));
        AtomicOutput.writeString(target, "new");
        assertEquals(List.of(young, other, target), list(dir), "only this name's old temporaries go");
    }

    /**
     * SIGTERM and SIGINT while an output is half written: the JVM runs its shutdown hooks, and the temporary goes.
     * A separate JVM holds the output (this one must live on).
     */
    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"TERM", "INT"})
    void anInterruptLeavesNoTemporary(String signal, @TempDir Path dir) throws Exception {
        Path target = dir.resolve("x.vcf.gz");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), HalfWrittenOutput.class.getName(), target.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertEquals("writing", out.readLine());
            assertEquals(1, list(dir).size(), "the temporary exists while the output is written");
            assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor());
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the JVM ends on SIG" + signal);
        }
        assertEquals(List.of(), list(dir), "nothing left behind");
    }

    /** Holds an output half written until it is signalled. */
    public static final class HalfWrittenOutput {
        public static void main(String[] args) throws Exception {
            try (AtomicOutput out = new AtomicOutput(Path.of(args[0]))) {
                out.stream().write(new byte[1 << 20]);
                out.stream().flush();
                System.out.println("writing");
                System.out.flush();
                Thread.sleep(60_000);
            }
        }
    }
}
