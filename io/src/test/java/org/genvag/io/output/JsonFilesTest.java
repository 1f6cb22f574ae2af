// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.output;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** JSON outputs must be byte-identical run to run: maps and sets of their own order are refused on write. */
class JsonFilesTest {
    @Test
    void unorderedMapsAndSetsAreRefusedWhereverTheySit() {
        Map<String, Object> ok = new LinkedHashMap<>();
        ok.put("b", 1);
        ok.put("a", new TreeMap<>(Map.of("y", 1, "x", 2)));
        ok.put("single", Map.of("only", 1));   // one entry has one order
        assertDoesNotThrow(() -> JsonFiles.write(new ByteArrayOutputStream(), ok));

        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("readsMeasured", Map.of("tumour", 1, "normal", 2));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> JsonFiles.write(new ByteArrayOutputStream(), List.of(nested)));
        assertEquals(true, e.getMessage().startsWith("JSON output $[0].readsMeasured is a java.util.ImmutableCollections"),
                e.getMessage());

        Map<String, Object> withSet = new LinkedHashMap<>();
        withSet.put("genes", new HashSet<>(Set.of("NTRK1", "NTRK2", "NTRK3")));
        assertThrows(IllegalStateException.class, () -> JsonFiles.write(new ByteArrayOutputStream(), withSet));
    }
}
