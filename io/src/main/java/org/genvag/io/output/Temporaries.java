// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.output;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hidden temporaries genvag is writing outputs through. Each is deleted when its output is discarded; on an
 * interrupt or a termination (SIGINT, SIGTERM: the JVM runs its shutdown hooks) a hook deletes those still open, so
 * a stopped run leaves nothing behind. A process killed outright (SIGKILL, power loss) cannot clean up: the next
 * output written to the same name removes that name's temporaries older than the process writing it.
 */
final class Temporaries {
    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();
    private static final Instant STARTED = ProcessHandle.current().info().startInstant().orElse(Instant.EPOCH);

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Temporaries::deleteOpen, "genvag-temporaries"));
    }

    private Temporaries() {
    }

    static void opened(Path temp) {
        OPEN.add(temp);
    }

    static void closed(Path temp) {
        OPEN.remove(temp);
    }

    private static void deleteOpen() {
        for (Path p : OPEN) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException | RuntimeException e) {
                // The JVM is going down: nothing is left to report to.
            }
        }
    }

    /** Deletes {@code target}'s temporaries left by runs that started before this one ({@code .NAME.*.tmp}). */
    static void sweepOrphans(Path target) {
        String prefix = "." + target.getFileName() + ".";
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(target.getParent(),
                p -> isTemporaryOf(p.getFileName().toString(), prefix))) {
            for (Path p : dir) {
                if (!OPEN.contains(p) && Files.getLastModifiedTime(p).toInstant().isBefore(STARTED)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            // An unreadable folder is reported when the output itself is written; orphans are only tidied here.
        }
    }

    static boolean isTemporaryOf(String name, String prefix) {
        return name.startsWith(prefix) && (name.endsWith(".tmp") || name.contains(".part"));
    }
}
