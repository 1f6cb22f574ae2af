// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a sample's outputs name its input files: by their paths, unless a file was copied from elsewhere to be read
 * (a distributed batch copies an {@code hdfs://} input to the task's disk), when the reports name where it came
 * from, in their input lists and in every text that names the file (a finding's detail, a message). The report's
 * size and SHA-256 are the copy's, which are the original's.
 */
public record InputNames(Map<String, String> byPath) {
    /** Every input named by its own path. */
    public static final InputNames PATHS = new InputNames(Map.of());

    public InputNames {
        byPath = Map.copyOf(byPath);
    }

    /** The name of the input at {@code path}. */
    public String of(Path path) {
        return of(path.toString());
    }

    public String of(String path) {
        return byPath.getOrDefault(path, path);
    }

    /** A text (a report, a message) with every copied input's path replaced by its name. */
    public String rename(String text) {
        String out = text;
        for (Map.Entry<String, String> e : byPath.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out;
    }

    /** A JSON tree (maps, lists, values) with {@link #rename} applied to every string in it. */
    public Object renameAll(Object json) {
        if (byPath.isEmpty()) {
            return json;
        }
        if (json instanceof String s) {
            return rename(s);
        }
        if (json instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, renameAll(v)));
            return out;
        }
        if (json instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> out.add(renameAll(v)));
            return out;
        }
        return json;
    }
}
