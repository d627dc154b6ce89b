package dev.minsky.sessions.cli;

import dev.minsky.sessions.config.CommandLineOverrides;
import dev.minsky.sessions.config.ConfigResolver;
import dev.minsky.sessions.config.EffectiveConfig;
import dev.minsky.sessions.config.SessionStores;
import dev.minsky.sessions.store.SessionStore;
import java.io.IOException;
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

    CliContext(Map<String, String> env, Path home, ZoneId zone, Writer out, OutputStream outBytes, PrintWriter err) {
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

    /** Opens the store {@code --store} (or else the configuration) points at. */
    SessionStore openStore(String store) {
        return SessionStores.open(config(store).activeLocation(), env, home);
    }

    void flushOut() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
