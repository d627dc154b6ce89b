package dev.minsky.sessions.store.json;

import com.fasterxml.jackson.core.JsonParser;
import dev.minsky.sessions.domain.JsonValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Parses a large session file written as Minsky writes it (a 2-space-indented top-level array) on
 * every core. A raw newline cannot occur inside a JSON string, so in that format a boundary
 * between two top-level elements is exactly {@code },\n  {}: the file is cut at such boundaries
 * near equal shares and each share is parsed as an array of its own.
 *
 * <p>It is only a fast path. A cut in the wrong place cannot go unnoticed: every share must parse as
 * one balanced array on its own. When anything does not parse, or the file is not in that format,
 * it answers empty and the caller parses sequentially, which reports the precise line and column.
 */
final class ParallelArrayParser {
    /** Below this size the sequential parser is as fast. */
    static final int MIN_BYTES = 4 * 1024 * 1024;
    private static final byte[] BOUNDARY = {'}', ',', '\n', ' ', ' ', '{', '\n'};

    private ParallelArrayParser() {
    }

    static Optional<List<JsonValue>> parse(byte[] bytes) {
        int threads = Math.min(8, Runtime.getRuntime().availableProcessors());
        if (bytes.length < MIN_BYTES || threads < 2 || bytes[0] != '[') {
            return Optional.empty();
        }
        List<Integer> cuts = new ArrayList<>(); // positions of the ',' between two elements
        for (int s = 1; s < threads; s++) {
            int cut = findBoundary(bytes, (int) ((long) bytes.length * s / threads));
            if (cut < 0 || (!cuts.isEmpty() && cut <= cuts.get(cuts.size() - 1))) {
                break;
            }
            cuts.add(cut);
        }
        if (cuts.isEmpty()) {
            return Optional.empty();
        }
        ExecutorService pool = Executors.newFixedThreadPool(cuts.size(), r -> {
            Thread t = new Thread(r, "json-parse");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<List<JsonValue>>> others = new ArrayList<>();
            for (int i = 0; i < cuts.size(); i++) {
                int from = cuts.get(i) + 1;
                int to = i + 1 < cuts.size() ? cuts.get(i + 1) : -1;
                others.add(pool.submit(() -> share(bytes, from, to)));
            }
            List<JsonValue> first = share(bytes, 1, cuts.get(0));
            if (first == null) {
                return Optional.empty();
            }
            List<JsonValue> out = new ArrayList<>(first.size() * (cuts.size() + 1) + 16);
            out.addAll(first);
            for (Future<List<JsonValue>> part : others) {
                List<JsonValue> values = finished(part);
                if (values == null) {
                    return Optional.empty();
                }
                out.addAll(values);
            }
            return Optional.of(out);
        } catch (ExecutionException e) {
            return Optional.empty();
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The share's result, waited for even when this thread is interrupted (the interrupt is kept for the caller):
     * the parsed file is shared by every reader of the store, so an interrupted reader's parse still serves the
     * next one, rather than being thrown away for a sequential parse that takes twice as long.
     */
    private static List<JsonValue> finished(Future<List<JsonValue>> part) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return part.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
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

    /**
     * The elements between {@code from} (just after '[' or a boundary comma) and {@code to} (a
     * boundary comma; -1: up to the end, whose closing ']' is the file's own), or null.
     */
    private static List<JsonValue> share(byte[] bytes, int from, int to) {
        byte[] text;
        if (to < 0) {
            text = new byte[bytes.length - from + 1];
            text[0] = '[';
            System.arraycopy(bytes, from, text, 1, bytes.length - from);
        } else {
            text = new byte[to - from + 2];
            text[0] = '[';
            System.arraycopy(bytes, from, text, 1, to - from);
            text[text.length - 1] = ']';
        }
        try (JsonParser p = JsonValueParser.FACTORY.createParser(text)) {
            JsonValue v = JsonValueParser.read(p, p.nextToken());
            if (p.nextToken() != null || !(v instanceof JsonValue.JsonArray a)) {
                return null;
            }
            return a.elements();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
