// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.bgzf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.DataFormatException;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A closed source holds nothing: not its file descriptor, not its inflaters (native memory for GKL's). */
class BgzfSourceResourcesTest {

    private static long openDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    private static Path bgzf(Path dir) throws IOException {
        Path file = dir.resolve("small.txt.gz");
        try (OutputStream out = new BgzfOutputStream(Files.newOutputStream(file))) {
            for (int i = 0; i < 20_000; i++) {
                out.write(("line " + i + "\n").getBytes());
            }
        }
        return file;
    }

    /** 10,000 files opened, read part way or whole, and closed: the process's descriptors do not grow. */
    @ParameterizedTest(name = "{0} thread(s)")
    @ValueSource(ints = {1, 2})
    void tenThousandOpensLeaveNoDescriptorOpen(int threads, @TempDir Path dir) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux's /proc");
        Path file = bgzf(dir);
        long before = openDescriptors();
        for (int i = 0; i < 10_000; i++) {
            try (ByteSource s = ByteSources.open(file.toString(), threads)) {
                if (i % 2 == 0) {
                    while (s.next() != null) {
                        // read it all
                    }
                } else {
                    s.next();   // stop early, as `view | head` does
                }
            }
        }
        long after = openDescriptors();
        assertTrue(after - before < 16, "descriptors before " + before + ", after " + after);
    }

    @ParameterizedTest(name = "{0} thread(s)")
    @ValueSource(ints = {1, 2, 4})
    void everyInflaterMadeIsEndedOnClose(int threads, @TempDir Path dir) throws IOException {
        Path file = bgzf(dir);
        AtomicInteger made = new AtomicInteger();
        AtomicInteger ended = new AtomicInteger();
        AtomicInteger streamsClosed = new AtomicInteger();
        InputStream in = new FilterInputStream(Files.newInputStream(file)) {
            @Override
            public void close() throws IOException {
                streamsClosed.incrementAndGet();
                super.close();
            }
        };
        try (ParallelBgzfSource s = new ParallelBgzfSource(in, file.toString(), threads, () -> {
            made.incrementAndGet();
            BlockInflater real = new JdkBlockInflater();
            return new BlockInflater() {
                @Override
                public int inflate(byte[] src, int off, int len, ByteBuffer dst) throws DataFormatException {
                    return real.inflate(src, off, len, dst);
                }

                @Override
                public String name() {
                    return "counted";
                }

                @Override
                public void close() {
                    ended.incrementAndGet();
                    real.close();
                }
            };
        })) {
            s.next();
        }
        assertTrue(made.get() >= 1, "an inflater was made");
        assertEquals(made.get(), ended.get(), "every inflater made is ended");
        assertEquals(1, streamsClosed.get(), "the input is closed");
    }
}
