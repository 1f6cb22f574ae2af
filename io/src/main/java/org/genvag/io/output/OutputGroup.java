// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The outputs of one job, which appear together or not at all: each is written to its own temporary, then all are
 * synced, then all renamed into place. Closing without {@link #commit()} discards them all. Should a rename fail
 * part way (a folder made read-only mid-run), the outputs already renamed are removed again, so the job never
 * leaves some of its outputs new and others missing.
 */
public final class OutputGroup implements AutoCloseable {
    private final List<AtomicOutput> outputs = new ArrayList<>();
    private boolean committed;

    /** A new member output; write to its {@link AtomicOutput#stream()}, but commit the group, not the member. */
    public AtomicOutput open(Path target) throws IOException {
        AtomicOutput out = new AtomicOutput(target);
        outputs.add(out);
        return out;
    }

    /** A member output holding {@code text} (UTF-8). */
    public void writeString(Path target, CharSequence text) throws IOException {
        open(target).stream().write(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Syncs every member, then renames every member into place. */
    public void commit() throws IOException {
        for (AtomicOutput out : outputs) {
            out.finish();
        }
        List<Path> published = new ArrayList<>();
        try {
            for (AtomicOutput out : outputs) {
                out.publish();
                if (!out.inPlace()) {   // a device written in place (/dev/null) is never removed
                    published.add(out.target());
                }
            }
        } catch (IOException e) {
            for (Path p : published) {
                Files.deleteIfExists(p);
            }
            throw e;
        }
        committed = true;
        outputs.stream().map(o -> o.target().getParent()).distinct().forEach(AtomicOutput::syncFolder);
    }

    @Override
    public void close() throws IOException {
        if (committed) {
            return;
        }
        IOException first = null;
        for (AtomicOutput out : outputs) {
            try {
                out.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
