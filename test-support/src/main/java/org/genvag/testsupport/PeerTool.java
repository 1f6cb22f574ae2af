// SPDX-License-Identifier: Apache-2.0
package org.genvag.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Runs a peer tool (bcftools, samtools, mosdepth, bedtools, tabix) for cross-check tests. Where the tool is missing
 * the test is skipped on a developer's machine but fails under CI (CI=true), where .ci/run installs every peer.
 */
public final class PeerTool {
    private final String name;

    private PeerTool(String name) {
        this.name = name;
    }

    public static PeerTool require(String name) {
        if (!onPath(name)) {
            String message = name + " is not installed: cross-check tests need it (apt-get install " + name + ")";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(message);
            }
            Assumptions.abort(message);
        }
        return new PeerTool(name);
    }

    private static boolean onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }

    /** Runs the tool and returns its standard output; a non-zero exit fails with its standard error. */
    public byte[] run(String... args) {
        Result r = tryRun(args);
        if (r.exitCode() != 0) {
            throw new AssertionError(name + " " + String.join(" ", args) + " exited " + r.exitCode() + ": " + r.stderr());
        }
        return r.stdout();
    }

    public String runText(String... args) {
        return new String(run(args), StandardCharsets.UTF_8);
    }

    /** Runs the tool and returns exit code, stdout and stderr, whatever the exit code. */
    public Result tryRun(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(name);
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread drain = new Thread(() -> copy(p.getErrorStream(), err));
            drain.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError(name + " did not finish in 10 minutes");
            }
            drain.join();
            return new Result(p.exitValue(), out, err.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Result(int exitCode, byte[] stdout, String stderr) {
        public String stdoutText() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }
}
