package org.genvag.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The choice between GKL and pure Java: automatic, forced either way, and refused when it cannot be honoured. */
class NativeChoiceTest {
    private static final String PROPERTY = "genvag.test.choice";

    @AfterEach
    void clear() {
        System.clearProperty(PROPERTY);
    }

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
        System.setProperty(PROPERTY, "java");
        assertEquals("pure", choice(true).get().get());
        System.setProperty(PROPERTY, "GKL");
        assertEquals("native", choice(true).get().get());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> choice(false).get());
        assertTrue(e.getMessage().contains("-D" + PROPERTY + "=gkl, but Intel GKL's test thing does not load"),
                e.getMessage());
        System.setProperty(PROPERTY, "fast");
        e = assertThrows(IllegalStateException.class, () -> choice(true).get());
        assertTrue(e.getMessage().contains("expected java, gkl or auto"), e.getMessage());
    }
}
