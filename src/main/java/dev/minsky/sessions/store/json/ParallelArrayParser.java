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

    static Optional<List<JsonValue>> parse(byte[] bytes) {
        List<Integer> cuts = ArrayShares.cuts(bytes, bytes.length);
        if (cuts.isEmpty()) {
            return Optional.empty();
        }
        return ArrayShares.inShares(cuts, "json-parse", (from, stop) -> share(bytes, from, stop)).map(shares -> {
            List<JsonValue> out = new ArrayList<>(shares.get(0).size() * shares.size() + 16);
            shares.forEach(out::addAll);
            return out;
        });
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
