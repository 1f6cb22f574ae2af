package org.genvag.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
