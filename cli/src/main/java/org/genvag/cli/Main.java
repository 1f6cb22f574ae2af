// SPDX-License-Identifier: Apache-2.0
package org.genvag.cli;

import java.io.EOFException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import java.util.zip.ZipException;

import org.genvag.core.error.InputException;
import org.genvag.io.output.OutputException;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/** Entry point of the genvag command line: a thin layer over the library. */
@Command(name = "genvag", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "High-throughput genomic variant processing for clinical genomics labs.")
public final class Main implements Runnable {
    /**
     * genvag's own commands, in the order help lists them. Picocli builds a command's model by reflection, about 15
     * ms per command on a cold JVM: a run of one command builds only that one's (plus its own subcommands), and the
     * whole tree is built only for help, a mistyped command or no command at all. A switch makes the one command
     * (a map of lambdas would load every command class and spin a lambda for each, on every run).
     */
    private static final List<String> BUILT_IN = List.of("view", "validate", "filter", "panel", "coverage",
            "csq", "biomarkers", "store", "annotate", "msi", "genes", "gff", "kb");

    private static Object builtIn(String name) {
        return switch (name) {
            case "view" -> new ViewCommand();
            case "validate" -> new ValidateCommand();
            case "filter" -> new FilterCommand();
            case "panel" -> new PanelCommand();
            case "coverage" -> new CoverageCommand();
            case "csq" -> new CsqCommand();
            case "biomarkers" -> new BiomarkersCommand();
            case "store" -> new StoreCommand();
            case "annotate" -> new AnnotateCommand();
            case "msi" -> new MsiCommand();
            case "genes" -> new GenesCommand();
            case "gff" -> new GffCommand();
            case "kb" -> new KbCommand();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /**
     * The demo and the data generators come from genvag-app, beside the generators they run (the library's command
     * line never depends on test data), found with the ServiceLoader only when a run may need them.
     */
    private static Map<String, Supplier<Object>> plugins() {
        Map<String, Supplier<Object>> plugins = new LinkedHashMap<>();
        ServiceLoader.load(CommandPlugin.class).forEach(p -> plugins.putAll(p.commands()));
        return plugins;
    }

    /** Exit statuses: who must act. Documented in the README's table; tests hold every class to its code. */
    static final int EXIT_INTERNAL = 1;      // a bug in genvag: the message asks for a report
    public static final int EXIT_INPUT = 2;         // the input or the command line: the message names file and place
    static final int EXIT_ENVIRONMENT = 3;   // disk full, permission, I/O error, memory: not the input's fault
    /** A closed pipe (`genvag view x | head`): quiet, with the status of a C tool killed by SIGPIPE (128 + 13). */
    static final int EXIT_BROKEN_PIPE = 141;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "log what genvag chose and did (inflater, threads, index use) to standard error")
    void verbose(boolean on) {
        Logging.configure(on);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code; tests call this in-process. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        Logging.configure(false);
        try {
            NativeOptions.apply();
        } catch (IllegalArgumentException e) {
            err.println("genvag: error: -D" + e.getMessage());
            err.flush();
            return EXIT_INPUT;
        }
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // What a lab system asks before each run: answered without building any command's model.
            for (String line : new Version().getVersion()) {
                out.println(line);
            }
            out.flush();
            return 0;
        }
        CommandLine cli = new CommandLine(new Main());
        String named = commandNamed(args);
        if (named != null && BUILT_IN.contains(named)) {
            cli.addSubcommand(named, builtIn(named));
        } else {
            Map<String, Supplier<Object>> plugins = plugins();
            if (named != null && plugins.containsKey(named)) {
                cli.addSubcommand(named, plugins.get(named).get());
            } else {
                BUILT_IN.forEach(c -> cli.addSubcommand(c, builtIn(c)));
                plugins.forEach((name, command) -> cli.addSubcommand(name, command.get()));
                cli.addSubcommand("help", new CommandLine.HelpCommand());
            }
        }
        // The commands' descriptions are written as lines of up to 110 characters, one array element each: at
        // picocli's default 80 columns each was wrapped again mid-sentence.
        cli.setUsageHelpWidth(120);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(Main::handle);
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            return report(e, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The command the arguments name (the first that is not an option), unless it is help. */
    private static String commandNamed(String[] args) {
        for (String a : args) {
            if (!a.startsWith("-")) {
                return a.equals("help") ? null : a;
            }
        }
        return null;
    }

    /**
     * A user's mistake or an environment failure gets one clear line and its own exit status; anything else is a
     * bug and keeps its stack trace.
     */
    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        return report(e, cli.getErr());
    }

    static int report(Throwable e, PrintWriter err) {
        Throwable t = unwrap(e);
        if (brokenPipe(t)) {
            return EXIT_BROKEN_PIPE;
        }
        if (t instanceof InputException) {
            err.println("genvag: error: " + t.getMessage());
            return EXIT_INPUT;
        }
        if (t instanceof OutputException) {
            err.println("genvag: error: " + t.getMessage());
            return EXIT_ENVIRONMENT;
        }
        if (t instanceof NoSuchFileException f) {
            err.println("genvag: error: no such file: " + f.getFile());
            return EXIT_INPUT;
        }
        if (t instanceof NotDirectoryException f) {
            err.println("genvag: error: not a folder: " + f.getFile());
            return EXIT_INPUT;
        }
        if (t instanceof FileAlreadyExistsException f) {
            err.println("genvag: error: file exists: " + f.getFile());
            return EXIT_INPUT;
        }
        if (t instanceof AccessDeniedException f) {
            err.println("genvag: error: permission denied: " + f.getFile());
            return EXIT_ENVIRONMENT;
        }
        if (t instanceof EOFException || t instanceof ZipException || t instanceof CharacterCodingException) {
            // What the JDK's gzip and text decoders say of a damaged or non-UTF-8 input.
            err.println("genvag: error: the input cannot be decoded: " + describe(t));
            return EXIT_INPUT;
        }
        if (t instanceof IOException) {
            err.println("genvag: error: " + describe(t));
            return EXIT_ENVIRONMENT;
        }
        if (t instanceof OutOfMemoryError) {
            err.println("genvag: error: out of memory (" + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB heap): "
                    + "give the JVM more, e.g. GENVAG_JAVA_OPTS=-Xmx4g ./genvag ...");
            return EXIT_ENVIRONMENT;
        }
        err.println("genvag: internal error (please report): " + t);
        t.printStackTrace(err);
        return EXIT_INTERNAL;
    }

    /** The failure itself, out of the wrappers that carried it across threads. */
    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof UncheckedIOException || t instanceof CompletionException
                || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static boolean brokenPipe(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IOException && c.getMessage() != null && c.getMessage().contains("Broken pipe")) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable t) {
        if (t instanceof FileSystemException f && f.getFile() != null) {
            return f.getFile() + ": " + (f.getReason() != null ? f.getReason() : t.getClass().getSimpleName());
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }
}
