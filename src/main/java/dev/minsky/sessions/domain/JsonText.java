package dev.minsky.sessions.domain;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON text exactly as JavaScript's {@code JSON.stringify} writes it, which is how Minsky writes its
 * files: {@code JSON.stringify(v)} for {@link #compact} and {@code JSON.stringify(v, null, 2)} for
 * {@link #pretty}. A text view of {@link JsonUtf8}, the one writer (plain Java; parsing is done by
 * the stores with a real JSON library).
 */
public final class JsonText {
    private JsonText() {
    }

    public static String compact(JsonValue value) {
        return JsonUtf8.string(value, -1);
    }

    /** Pretty text with the given indent per level (Minsky uses 2). */
    public static String pretty(JsonValue value, int indent) {
        return JsonUtf8.string(value, indent);
    }

    /** Appends {@code value} to {@code out}; {@code indent < 0} means compact. */
    public static void write(JsonValue value, Appendable out, int indent) {
        try {
            out.append(pretty(value, indent));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
