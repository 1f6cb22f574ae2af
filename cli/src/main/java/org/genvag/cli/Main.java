package org.genvag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;

import org.genvag.core.error.InputException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the genvag command line: a thin layer over the library. */
@Command(name = "genvag", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "High-throughput genomic variant processing for clinical genomics labs.")
public final class Main implements Runnable {
    /**
     * The commands, in the order help lists them. Picocli builds a command's model by reflection, about 15 ms per
     * command on a cold JVM: a run of one command builds only that one's (plus its own subcommands), and the
     * whole tree is built only for help, a mistyped command or no command at all.
     */
    private static final java.util.Map<String, java.util.function.Supplier<Object>> COMMANDS =
            new java.util.LinkedHashMap<>();

    static {
        COMMANDS.put("demo", DemoCommand::new);
        COMMANDS.put("view", ViewCommand::new);
        COMMANDS.put("validate", ValidateCommand::new);
        COMMANDS.put("filter", FilterCommand::new);
        COMMANDS.put("panel", PanelCommand::new);
        COMMANDS.put("coverage", CoverageCommand::new);
        COMMANDS.put("biomarkers", BiomarkersCommand::new);
        COMMANDS.put("store", StoreCommand::new);
        COMMANDS.put("annotate", AnnotateCommand::new);
        COMMANDS.put("msi", MsiCommand::new);
        COMMANDS.put("genes", GenesCommand::new);
        COMMANDS.put("generate", GenerateCommand::new);
        COMMANDS.put("help", CommandLine.HelpCommand::new);
    }

    /** Exit code for a problem with the user's input, as opposed to a bug (1) or success (0). */
    static final int EXIT_INPUT = 2;

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
        CommandLine cli = new CommandLine(new Main());
        String named = commandNamed(args);
        for (java.util.Map.Entry<String, java.util.function.Supplier<Object>> c : COMMANDS.entrySet()) {
            if (named == null || named.equals(c.getKey())) {
                cli.addSubcommand(c.getKey(), c.getValue().get());
            }
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(Main::handle);
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("genvag: out of memory (" + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB heap): give "
                    + "the JVM more, e.g. GENVAG_JAVA_OPTS=-Xmx4g ./genvag ...");
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The command the arguments name (the first that is not an option), when it is one of genvag's and not help. */
    private static String commandNamed(String[] args) {
        for (String a : args) {
            if (!a.startsWith("-")) {
                return COMMANDS.containsKey(a) && !a.equals("help") ? a : null;
            }
        }
        return null;
    }

    /** A user's mistake gets one clear line; anything else is a bug and keeps its stack trace. */
    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        Throwable t = e instanceof UncheckedIOException ? e.getCause() : e;
        if (t instanceof InputException) {
            err.println("genvag: error: " + t.getMessage());
            return EXIT_INPUT;
        }
        if (t instanceof NoSuchFileException) {
            err.println("genvag: error: no such file: " + ((NoSuchFileException) t).getFile());
            return EXIT_INPUT;
        }
        if (t instanceof AccessDeniedException) {
            err.println("genvag: error: permission denied: " + ((AccessDeniedException) t).getFile());
            return EXIT_INPUT;
        }
        if (t instanceof FileAlreadyExistsException) {
            err.println("genvag: error: file exists: " + ((FileAlreadyExistsException) t).getFile());
            return EXIT_INPUT;
        }
        if (t instanceof IOException) {
            err.println("genvag: error: " + t.getMessage());
            return EXIT_INPUT;
        }
        err.println("genvag: internal error (please report): " + t);
        t.printStackTrace(err);
        return 1;
    }
}
