package dev.minsky.sessions.gui.sessions;

import dev.minsky.sessions.config.ConfigResolver;
import dev.minsky.sessions.config.SessionStores;
import dev.minsky.sessions.domain.SessionQuery;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sessions window's first read, begun before JavaFX starts (ADR 8): resolving the configuration, opening the
 * store and reading the first page take a core for a few hundred milliseconds, which the toolkit's start leaves
 * mostly idle, whereas once the window is being built that core is wanted by the renderer and the collector.
 * The window's {@link SessionsViewModel#start()} takes the result if it was begun for the same environment, home
 * and first query, and otherwise does the same work itself; either way, what happens with the result (and with a
 * failure) is the same.
 */
public final class StartupReadAhead {
    private static final AtomicReference<Pending> PENDING = new AtomicReference<>();

    private record Pending(Map<String, String> env, Path home, SessionQuery first,
                           CompletableFuture<SessionsViewModel.Start> result) {
    }

    private StartupReadAhead() {
    }

    /** Begins, on a daemon thread, the first read of a window opened with this environment and home folder. */
    public static void begin(Map<String, String> env, Path home) {
        SessionQuery first = SessionListModel.initialQuery();
        CompletableFuture<SessionsViewModel.Start> result = new CompletableFuture<>();
        PENDING.set(new Pending(Map.copyOf(env), home, first, result));
        Thread t = new Thread(() -> {
            try {
                result.complete(SessionsViewModel.startWork(new ConfigResolver(env, home),
                        where -> SessionStores.open(where, env, home), first));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "startup-read-ahead");
        t.setDaemon(true);
        t.start();
    }

    /** The read begun for exactly this environment, home and first query, once; empty otherwise. */
    static Optional<CompletableFuture<SessionsViewModel.Start>> take(Map<String, String> env, Path home,
                                                                   SessionQuery first) {
        Pending p = PENDING.get();
        if (p == null || !p.env().equals(env) || !p.home().equals(home) || !p.first().equals(first)
                || !PENDING.compareAndSet(p, null)) {
            return Optional.empty();
        }
        return Optional.of(p.result());
    }
}
