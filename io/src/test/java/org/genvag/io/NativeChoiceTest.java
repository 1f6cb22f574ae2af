// SPDX-License-Identifier: Apache-2.0
package org.genvag.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/** The choice between GKL and pure Java: automatic, forced either way, and refused when it cannot be honoured. */
class NativeChoiceTest {
    private static final String PROPERTY = "genvag.test.choice";

    static NativeChoice<String> choice(boolean gklLoads) {
        Supplier<Supplier<String>> gkl = () -> gklLoads ? () -> "native" : null;
        return new NativeChoice<>(PROPERTY, "java", "test thing", gkl, () -> "pure", Supplier::get,
                System.getLogger("test"));
    }

    @Test
    void automaticPrefersGklWhenItLoads() {
        assertEquals("native", choice(true).get().get());
        assertEquals("pure", choice(false).get().get());
    }

    @Test
    void aForcedChoiceIsHonouredOrRefusedWithTheReason() {
        NativeChoice<String> c = choice(true);
        c.prefer("java");
        assertEquals("pure", c.get().get());
        c.prefer("GKL");
        assertEquals("native", c.get().get(), "a later preference replaces the earlier choice");
        NativeChoice<String> absent = choice(false);
        absent.prefer("gkl");
        IllegalStateException e = assertThrows(IllegalStateException.class, absent::get);
        assertTrue(e.getMessage().contains(PROPERTY + "=gkl, but gkl's test thing does not load"),
                e.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> c.prefer("fast"));
        assertTrue(bad.getMessage().contains("expected gkl, java or auto"), bad.getMessage());
    }

    @Test
    void automaticTakesTheFirstNativeThatLoadsInOrder() {
        Supplier<Supplier<String>> none = () -> null;
        Supplier<Supplier<String>> second = () -> () -> "second";
        Map<String, Supplier<Supplier<String>>> natives = new LinkedHashMap<>();
        natives.put("first", none);
        natives.put("second", second);
        natives.put("third", () -> () -> "third");
        NativeChoice<String> c = new NativeChoice<>(PROPERTY, "java", "test thing", natives, () -> "pure",
                Supplier::get, System.getLogger("test"));
        assertEquals("second", c.get().get());
        c.prefer("third");
        assertEquals("third", c.get().get());
        c.prefer("first");
        assertThrows(IllegalStateException.class, c::get);
        c.prefer("java");
        assertEquals("pure", c.get().get());
    }

    @Test
    void aSmallJobTakesTheLightOneUntilTheChoiceIsMade() {
        int[] probes = {0};
        Supplier<Supplier<String>> gkl = () -> {
            probes[0]++;
            return () -> "native";
        };
        NativeChoice<String> c = new NativeChoice<>(PROPERTY, "java", "test thing", gkl, () -> "pure", Supplier::get,
                System.getLogger("test"));
        assertEquals("light", c.chosenOr(() -> "light").get());
        assertEquals(0, probes[0], "no native library is loaded for a small job");
        assertEquals("native", c.get().get());
        assertEquals("native", c.chosenOr(() -> "light").get(), "once loaded, small jobs use it too");
        NativeChoice<String> forced = new NativeChoice<>(PROPERTY, "java", "test thing", gkl, () -> "pure",
                Supplier::get, System.getLogger("test"));
        forced.prefer("gkl");
        assertEquals("native", forced.chosenOr(() -> "light").get(), "a forced choice holds for small jobs");
    }
}
