// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The JSON files genvag writes (reports, summaries): indented, and written atomically. Jackson would close the
 * stream it writes to; the atomic output must stay open until it is committed, so that is turned off.
 */
public final class JsonFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private JsonFiles() {
    }

    public static void write(Path target, Object json) throws IOException {
        try (AtomicOutput out = new AtomicOutput(target)) {
            write(out.stream(), json);
            out.commit();
        }
    }

    /** As a member of a group of outputs that appear together. */
    public static void write(OutputGroup group, Path target, Object json) throws IOException {
        write(group.open(target).stream(), json);
    }

    /** To a stream the caller keeps open. */
    public static void write(OutputStream out, Object json) throws IOException {
        requireOrdered(json, "$");
        MAPPER.writeValue(out, json);
    }

    /**
     * Every JSON output is byte-identical for identical input, so no map or set in it may iterate in an order of its
     * own: {@code HashMap}, {@code HashSet} and their kin, or {@code Map.of}/{@code Set.of}, whose order changes from
     * one JVM to the next. Checked on every write, which costs little for reports of this size and catches a new
     * unordered map in any test that writes one. (An unmodifiable view hides what it wraps, and is let through.)
     */
    static void requireOrdered(Object json, String path) {
        if (json instanceof Map<?, ?> m) {
            if (m.size() > 1 && unordered(m)) {
                throw new IllegalStateException("JSON output " + path + " is a " + m.getClass().getName()
                        + ", whose order is not stable: use a LinkedHashMap or a sorted map");
            }
            m.forEach((k, v) -> requireOrdered(v, path + "." + k));
        } else if (json instanceof Collection<?> c) {
            if (c.size() > 1 && unordered(c)) {
                throw new IllegalStateException("JSON output " + path + " is a " + c.getClass().getName()
                        + ", whose order is not stable: use a LinkedHashSet, a sorted set or a list");
            }
            int i = 0;
            for (Object o : c) {
                requireOrdered(o, path + "[" + i++ + "]");
            }
        }
    }

    private static boolean unordered(Object container) {
        Class<?> c = container.getClass();
        return c == HashMap.class || c == HashSet.class || c == Hashtable.class || c == IdentityHashMap.class
                || c == WeakHashMap.class || c == ConcurrentHashMap.class
                || c.getName().startsWith("java.util.ImmutableCollections$Map")
                || c.getName().startsWith("java.util.ImmutableCollections$Set");
    }
}
