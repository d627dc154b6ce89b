package dev.minsky.sessions.store.json;

import com.fasterxml.jackson.core.JsonParser;
import dev.minsky.sessions.domain.JsonValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses a large session file written as Minsky writes it (a 2-space-indented top-level array) on
 * every core: the file is cut into shares by {@link ArrayShares} and each share is parsed as an
 * array of its own.
 *
 * <p>It is only a fast path. When anything does not parse, or the file is not in that format, it
 * answers empty and the caller parses sequentially, which reports the precise line and column.
 */
final class ParallelArrayParser {
    private ParallelArrayParser() {
    }

    /**
     * The elements, or empty when the file is not in that format or does not parse. {@code bytes} is changed while
     * its shares are parsed and is as it was when this returns.
     */
    static Optional<List<JsonValue>> parse(byte[] bytes) {
        List<Integer> cuts = ArrayShares.cuts(bytes, bytes.length);
        if (cuts.isEmpty()) {
            return Optional.empty();
        }
        // Each share is parsed where it lies, as an array of its own, rather than from a copy with brackets added
        // (copies as large as the file, which the collector moved while they were parsed): at a cut, whose bytes are
        // "},\n  {" (ArrayShares), the comma becomes the ']' that closes the share before it and the newline the '['
        // that opens the next. Only this thread changes them, before the shares start and after they all ended.
        for (int cut : cuts) {
            bytes[cut] = ']';
            bytes[cut + 1] = '[';
        }
        try {
            return ArrayShares.inShares(cuts, "json-parse", (from, stop) -> share(bytes, from, stop)).map(shares -> {
                List<JsonValue> out = new ArrayList<>(shares.get(0).size() * shares.size() + 16);
                shares.forEach(out::addAll);
                return out;
            });
        } finally {
            for (int cut : cuts) {
                bytes[cut] = ',';
                bytes[cut + 1] = '\n';
            }
        }
    }

    /**
     * The elements of one share, or null: the array that opens at the file's '[' ({@code from} 1) or at the '[' put
     * at {@code from} (a cut's newline), and closes at the ']' put at {@code stop} (the next cut's comma) or, for
     * the last share ({@code stop} -1), at the file's own.
     */
    private static List<JsonValue> share(byte[] bytes, int from, int stop) {
        int open = from == 1 ? 0 : from;
        int end = stop < 0 ? bytes.length : stop + 1;
        try (JsonParser p = JsonValueParser.FACTORY.createParser(bytes, open, end - open)) {
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
