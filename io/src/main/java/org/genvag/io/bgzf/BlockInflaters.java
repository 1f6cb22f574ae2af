package org.genvag.io.bgzf;

import java.util.Locale;
import java.util.function.Supplier;
import java.util.zip.Inflater;

import org.broadinstitute.gatk.nativebindings.NativeLibrary;

/**
 * Chooses the block inflater: Intel GKL's when its native library loads on this platform (x86-64 Linux or macOS),
 * the JDK's otherwise. {@code -Dgenvag.inflater=jdk|gkl} forces one; forcing gkl where it cannot load is an error.
 * The choice is logged once.
 */
public final class BlockInflaters {
    private static final System.Logger LOG = System.getLogger("org.genvag.io.bgzf");
    private static volatile Supplier<BlockInflater> chosen;

    private BlockInflaters() {
    }

    /** A factory for the best available inflater; call it once per worker thread. */
    public static Supplier<BlockInflater> best() {
        Supplier<BlockInflater> s = chosen;
        if (s == null) {
            synchronized (BlockInflaters.class) {
                if (chosen == null) {
                    chosen = choose(System.getProperty("genvag.inflater", "auto").toLowerCase(Locale.ROOT));
                }
                s = chosen;
            }
        }
        return s;
    }

    public static Supplier<BlockInflater> jdk() {
        return JdkBlockInflater::new;
    }

    /** GKL's inflater if its native code loads here, else null. */
    public static Supplier<BlockInflater> gklIfAvailable() {
        try {
            Class<?> type = Class.forName("com.intel.gkl.compression.IntelInflater");
            Object probe = type.getConstructor(boolean.class).newInstance(true);
            if (!((NativeLibrary) probe).load(null)) {
                ((Inflater) probe).end();
                return null;
            }
            ((Inflater) probe).end();
            var constructor = type.getConstructor(boolean.class);
            return () -> {
                try {
                    return new GklBlockInflater((Inflater) constructor.newInstance(true));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("GKL inflater failed after loading", e);
                }
            };
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    private static Supplier<BlockInflater> choose(String wanted) {
        Supplier<BlockInflater> gkl = wanted.equals("jdk") ? null : gklIfAvailable();
        if (wanted.equals("gkl") && gkl == null) {
            throw new IllegalStateException("-Dgenvag.inflater=gkl, but Intel GKL's native inflater does not load "
                    + "on this platform (" + System.getProperty("os.name") + "/" + System.getProperty("os.arch") + ")");
        }
        Supplier<BlockInflater> s = gkl != null ? gkl : jdk();
        try (BlockInflater probe = s.get()) {
            LOG.log(System.Logger.Level.INFO, "BGZF inflater: " + probe.name());
        }
        return s;
    }
}
