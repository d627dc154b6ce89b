package dev.minsky.sessions.store.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Cuts a large session file written as Minsky writes it (a 2-space-indented top-level array) into one share per
 * core, for {@link ParallelArrayParser} and {@link CanonicalArrayScan}. A raw newline cannot occur inside a JSON
 * string, so in that format a boundary between two top-level elements is exactly <code>},\n  {\n</code>.
 *
 * <p>A cut in the wrong place cannot go unnoticed: the work on each share must accept it as whole elements on its
 * own, and answers null when it does not; the caller then takes its sequential path.
 */
final class ArrayShares {
    /** Below this size one core is as fast. */
    static final int MIN_BYTES = 4 * 1024 * 1024;
    private static final byte[] BOUNDARY = {'}', ',', '\n', ' ', ' ', '{', '\n'};

    /** The work on one share, or null when the share is not what it should be. */
    @FunctionalInterface
    interface Share<T> {
        /**
         * @param from just after the opening '[' or a cut's comma
         * @param stop the next cut's comma, or -1: up to the end of the array
         */
        T of(int from, int stop);
    }

    private ArrayShares() {
    }

    /**
     * The commas where the array in {@code bytes[0, length)} can be cut, near equal shares for each core; empty when
     * the file is small, there is one core, or no boundary is found.
     */
    static List<Integer> cuts(byte[] bytes, int length) {
        int threads = Math.min(8, Runtime.getRuntime().availableProcessors());
        List<Integer> cuts = new ArrayList<>();
        if (length < MIN_BYTES || threads < 2 || bytes[0] != '[') {
            return cuts;
        }
        for (int s = 1; s < threads; s++) {
            int cut = findBoundary(bytes, (int) ((long) length * s / threads));
            if (cut < 0 || cut >= length || (!cuts.isEmpty() && cut <= cuts.get(cuts.size() - 1))) {
                break;
            }
            cuts.add(cut);
        }
        return cuts;
    }

    /**
     * Runs {@code share} on each share {@code cuts} make (all of the array when there are none): the first on this
     * thread, the others on threads of their own named {@code threadName}. The results in file order, or empty when
     * a share answers null. Every share is waited for even if this thread is interrupted: what it reads is shared
     * by every reader of the store, so an interrupted reader's work still serves the next one.
     */
    static <T> Optional<List<T>> inShares(List<Integer> cuts, String threadName, Share<T> share) {
        if (cuts.isEmpty()) {
            return Optional.ofNullable(share.of(1, -1)).map(List::of);
        }
        ExecutorService pool = Executors.newFixedThreadPool(cuts.size(), r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        try {
            List<CompletableFuture<T>> others = new ArrayList<>();
            for (int i = 0; i < cuts.size(); i++) {
                int from = cuts.get(i) + 1;
                int stop = i + 1 < cuts.size() ? cuts.get(i + 1) : -1;
                others.add(CompletableFuture.supplyAsync(() -> share.of(from, stop), pool));
            }
            List<T> results = new ArrayList<>(cuts.size() + 1);
            results.add(share.of(1, cuts.get(0)));
            for (CompletableFuture<T> other : others) {
                results.add(other.join()); // join: not interrupted
            }
            return results.contains(null) ? Optional.empty() : Optional.of(results);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The ',' of the first element boundary at or after {@code from}, or -1. */
    static int findBoundary(byte[] b, int from) {
        outer:
        for (int i = Math.max(0, from); i <= b.length - BOUNDARY.length; i++) {
            if (b[i] != '}') {
                continue;
            }
            for (int k = 1; k < BOUNDARY.length; k++) {
                if (b[i + k] != BOUNDARY[k]) {
                    continue outer;
                }
            }
            return i + 1;
        }
        return -1;
    }
}
