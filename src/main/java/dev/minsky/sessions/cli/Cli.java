package dev.minsky.sessions.cli;

import dev.minsky.sessions.config.ConfigException;
import dev.minsky.sessions.store.Secrets;
import dev.minsky.sessions.store.StoreException;
import dev.minsky.sessions.store.StoreUnavailableException;
import dev.minsky.sessions.store.UserHome;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The {@code minsky-sessions} command line (SPEC §5), runnable in-process for tests through
 * {@link #run}. Results go to stdout and errors to stderr as one line
 * {@code minsky-sessions: <message>} (a stack trace only with {@code --debug}), both UTF-8 whatever
 * the platform's default charset.
 *
 * <p>Exit status:
 * <ul>
 *   <li>{@value #OK}: success.</li>
 *   <li>{@value #FAILED}: the work ran but something failed, was not found or was invalid
 *       (e.g. {@code show} of a session that does not exist).</li>
 *   <li>{@value #USAGE}: wrong usage: picocli's parse errors, and configuration given in the
 *       invocation itself that cannot be used: an unknown backend or malformed location in
 *       {@code --store} or in an environment variable ({@link ConfigException} whose source is the
 *       command line or the environment). The user fixes the command they typed.</li>
 *   <li>{@value #UNAVAILABLE}: a store could not be opened, read or reached
 *       ({@link StoreUnavailableException}, including a malformed store file), or a configuration
 *       file (settings.json, Minsky's config.yaml) is broken or names an unusable backend. The user
 *       fixes a file or the store, not the command.</li>
 * </ul>
 */
public final class Cli {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int UNAVAILABLE = 3;
    static final String NAME = "minsky-sessions";
    private static final int BUFFER = 1 << 16;

    private Cli() {
    }

    public static void main(String[] args) {
        int status = run(args, System.in, System.out, System.err, System.getenv(),
                UserHome.current(), ZoneId.systemDefault(), stderrIsTerminal());
        System.exit(status);
    }

    /**
     * Whether progress on stderr is seen by a person: stderr is a terminal even when stdout is
     * redirected ({@code migrate > report.txt}). Java 17 cannot ask directly; on Linux the
     * descriptor's link says; elsewhere a console means a terminal.
     */
    static boolean stderrIsTerminal() {
        try {
            String target = Path.of("/proc/self/fd/2").toRealPath().toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (java.io.IOException | RuntimeException e) {
            return System.console() != null;
        }
    }

    /** Runs one command line with the given streams, environment and home folder; returns the exit status. */
    public static int run(String[] args, OutputStream out, OutputStream err, Map<String, String> env, Path home) {
        return run(args, out, err, env, home, ZoneId.systemDefault());
    }

    /** As {@link #run(String[], OutputStream, OutputStream, Map, Path)}, showing local times in {@code zone}. */
    public static int run(String[] args, OutputStream out, OutputStream err, Map<String, String> env, Path home,
                          ZoneId zone) {
        return run(args, InputStream.nullInputStream(), out, err, env, home, zone, false);
    }

    /**
     * The whole command line: answers read from {@code in}; progress drawn as a bar on {@code err}
     * when {@code terminal}, else printed as plain lines.
     */
    public static int run(String[] args, InputStream in, OutputStream out, OutputStream err, Map<String, String> env,
                          Path home, ZoneId zone, boolean terminal) {
        // Large buffers on both sides of the encoder: `list --format json` writes tens of megabytes.
        BufferedOutputStream outBytes = new BufferedOutputStream(out, BUFFER);
        BufferedWriter outWriter = new BufferedWriter(new OutputStreamWriter(outBytes, StandardCharsets.UTF_8), BUFFER);
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        CliContext ctx = new CliContext(env, home, zone, outWriter, outBytes, errWriter, in, terminal);
        try {
            return commandLine(ctx, args).execute(args);
        } finally {
            ctx.flushOut();
            errWriter.flush();
        }
    }

    /**
     * The subcommands by the name users type (each command's {@code @Command} name, which {@code CliTest}
     * checks), in the order help lists them.
     */
    static final Map<String, Function<CliContext, Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Function<CliContext, Object>> subcommands() {
        Map<String, Function<CliContext, Object>> m = new LinkedHashMap<>();
        m.put("list", ListCommand::new);
        m.put("show", ShowCommand::new);
        m.put("config", ConfigCommand::new);
        m.put("test-connection", TestConnectionCommand::new);
        m.put("migrate", MigrateCommand::new);
        m.put("verify", VerifyCommand::new);
        m.put("restore", RestoreCommand::new);
        return Collections.unmodifiableMap(m);
    }

    /** The whole command line, every subcommand in it. */
    static CommandLine commandLine(CliContext ctx) {
        return commandLine(ctx, new String[0]);
    }

    /**
     * The command line for {@code args}: when they begin with a subcommand's name, that subcommand only (picocli
     * builds each command's model from its annotations by reflection, a tenth of a second for all seven at every
     * start); otherwise every subcommand, for the root's help, its errors and their suggestions.
     */
    static CommandLine commandLine(CliContext ctx, String[] args) {
        CommandLine cl = new CommandLine(new RootCommand());
        Function<CliContext, Object> only = args.length > 0 ? SUBCOMMANDS.get(args[0]) : null;
        if (only != null) {
            cl.addSubcommand(only.apply(ctx));
        } else {
            SUBCOMMANDS.values().forEach(make -> cl.addSubcommand(make.apply(ctx)));
        }
        cl.setOut(new PrintWriter(ctx.out(), true));
        cl.setErr(ctx.err());
        cl.setParameterExceptionHandler((e, typed) -> {
            CommandLine failed = e.getCommandLine();
            ctx.flushOut();
            ctx.err().println(NAME + ": " + oneLine(e.getMessage()) + " (see '"
                    + failed.getCommandSpec().qualifiedName() + " --help')");
            return failed.getCommandSpec().exitCodeOnInvalidInput();
        });
        cl.setExecutionExceptionHandler((e, failed, parseResult) -> {
            ctx.flushOut();
            ctx.err().println(NAME + ": " + message(e));
            if (debugRequested(parseResult)) {
                e.printStackTrace(ctx.err());
            }
            return exitStatus(e);
        });
        return cl;
    }

    /** The documented exit status for an error that stopped a command. */
    static int exitStatus(Throwable e) {
        if (e instanceof ConfigException c) {
            return switch (c.source()) {
                case COMMAND_LINE, ENVIRONMENT -> USAGE;
                default -> UNAVAILABLE;
            };
        }
        if (e instanceof StoreUnavailableException) {
            return UNAVAILABLE;
        }
        return FAILED;
    }

    private static String message(Throwable e) {
        if (e instanceof ConfigException || e instanceof StoreException) {
            return oneLine(e.getMessage());
        }
        if (e instanceof IOException) {
            return oneLine("cannot write the output: " + e.getMessage());
        }
        // A bug, not a user error: say so instead of dressing it up, and say how to see more.
        return oneLine("unexpected error: " + e + " (run again with --debug to see where)");
    }

    private static boolean debugRequested(ParseResult result) {
        for (ParseResult r = result; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    /** One line, with the password of any connection string in it masked (picocli quotes stray arguments). */
    static String oneLine(String text) {
        return text == null ? "" : Secrets.maskUrlsIn(text.replaceAll("\\s*\\R\\s*", " ").trim());
    }
}
