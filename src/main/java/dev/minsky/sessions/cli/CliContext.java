package dev.minsky.sessions.cli;

import dev.minsky.sessions.config.CommandLineOverrides;
import dev.minsky.sessions.config.ConfigResolver;
import dev.minsky.sessions.config.EffectiveConfig;
import dev.minsky.sessions.config.SessionStores;
import dev.minsky.sessions.store.SessionStore;
import dev.minsky.sessions.store.StoreLocation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

/** What every command needs from its surroundings, injected so commands run in-process in tests. */
final class CliContext {
    private final Map<String, String> env;
    private final Path home;
    private final ZoneId zone;
    private final Writer out;
    private final OutputStream outBytes;
    private final PrintWriter err;
    private final InputStream in;
    private final boolean terminal;

    CliContext(Map<String, String> env, Path home, ZoneId zone, Writer out, OutputStream outBytes, PrintWriter err,
               InputStream in, boolean terminal) {
        this.in = in;
        this.terminal = terminal;
        this.env = env;
        this.home = home;
        this.zone = zone;
        this.out = out;
        this.outBytes = outBytes;
        this.err = err;
    }

    /** The results stream as bytes (UTF-8 already encoded by the caller), after what {@link #out()} holds. */
    OutputStream outBytes() {
        flushOut();
        return outBytes;
    }

    /** Results (UTF-8, buffered: flushed when the command ends). */
    Writer out() {
        return out;
    }

    /** Errors (UTF-8, flushed per line). */
    PrintWriter err() {
        return err;
    }

    /** Answers to questions ({@code restore} asks before replacing a store). */
    InputStream in() {
        return in;
    }

    /** True when a person is watching: progress is drawn as a bar rather than printed as lines. */
    boolean terminal() {
        return terminal;
    }

    /** The environment (injected: tests pass their own). */
    Map<String, String> env() {
        return env;
    }

    Path home() {
        return home;
    }

    ZoneId zone() {
        return zone;
    }

    /** The effective configuration, {@code store} (the {@code --store} text, may be null) on top. */
    EffectiveConfig config(String store) {
        CommandLineOverrides cl = store == null ? CommandLineOverrides.NONE : CommandLineOverrides.store("--store", store);
        return new ConfigResolver(env, home, cl).resolve();
    }

    /**
     * Opens the store {@code --store} (or else the configuration) points at, only to read it: the
     * read-only commands create nothing (no folder, file or schema) and never upgrade a schema.
     */
    SessionStore openStore(String store) {
        StoreLocation location = config(store).activeLocation();
        noteIfMissing(location, "");
        return SessionStores.openReadOnly(location, env, home);
    }

    /**
     * A file store that does not exist reads as empty (SPEC §2.1), which after a typo in a path looks
     * like "no sessions": says so on stderr, so that an empty result is not taken at its word.
     *
     * @param role what the location is to the command ({@code "the source "}), or empty
     */
    void noteIfMissing(StoreLocation location, String role) {
        Path file = location.file().orElse(null);
        if (file != null && !java.nio.file.Files.exists(file)) {
            flushOut();
            err.println(Cli.NAME + ": note: " + role + location.display() + " does not exist, so it reads as an empty "
                    + "store (a typo in the path? 'minsky-sessions config' shows the configured locations)");
        }
    }

    /** {@code text} of option {@code option} ({@code --from}, {@code --to}) as a location, bare backend names resolved by the configuration. */
    StoreLocation location(String option, String text) {
        return new ConfigResolver(env, home, CommandLineOverrides.store(option, text)).resolve().activeLocation();
    }

    /** Opens a store to read and write (creating it, or its schema, when missing). */
    SessionStore open(StoreLocation location) {
        return SessionStores.open(location, env, home);
    }

    /** Opens a store only to read it: nothing is created or changed, not even a schema. */
    SessionStore openReadOnly(StoreLocation location) {
        return SessionStores.openReadOnly(location, env, home);
    }

    /**
     * {@link #openReadOnly} of a store the command reads whole next, which starts reading it in the background
     * ({@link SessionStore#readAhead}): a JSON file is parsed, a SQL store reads its first page, while the
     * command opens its other store.
     */
    SessionStore openReadingAhead(StoreLocation location) {
        return SessionStores.openReadingAhead(location, env, home);
    }

    void flushOut() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
