package dev.minsky.sessions.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes {@link JsonValue}s as text exactly as JavaScript's {@code JSON.stringify} does, which is
 * how Minsky writes its files: {@code JSON.stringify(v)} for {@link #compact} and
 * {@code JSON.stringify(v, null, 2)} for {@link #pretty}. Only writing lives here (plain Java);
 * parsing is done by the stores with a real JSON library.
 *
 * <p>Text is built in a {@link StringBuilder} and handed to other {@link Appendable}s in large
 * chunks: writing 100,000 records char by char into a (synchronized) {@code Writer} was the
 * slowest part of {@code list --format json}.
 */
public final class JsonText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final String SPACES = " ".repeat(256);
    private static final int CHUNK = 1 << 16;

    private JsonText() {
    }

    public static String compact(JsonValue value) {
        StringBuilder sb = new StringBuilder(64);
        new Sink(sb, null, -1).value(value, 0);
        return sb.toString();
    }

    /** Pretty text with the given indent per level (Minsky uses 2). */
    public static String pretty(JsonValue value, int indent) {
        StringBuilder sb = new StringBuilder(256);
        new Sink(sb, null, indent).value(value, 0);
        return sb.toString();
    }

    /**
     * Appends {@code value} to {@code out}. {@code indent < 0} means compact; otherwise nested
     * lines are indented by {@code indent} spaces per level, starting at {@code level}.
     */
    public static void write(JsonValue value, Appendable out, int indent, int level) {
        if (out instanceof StringBuilder sb) {
            new Sink(sb, null, indent).value(value, level);
            return;
        }
        Sink sink = new Sink(new StringBuilder(CHUNK + 1024), out, indent);
        sink.value(value, level);
        sink.flush();
    }

    /** Quotes a string the way JSON.stringify does (well-formed: lone surrogates escaped). */
    public static void quote(String s, Appendable out) throws IOException {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        quote(s, sb);
        out.append(sb);
    }

    private static void quote(String s, StringBuilder out) {
        out.append('"');
        int start = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && (c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            out.append(s, start, i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append("\\u").append(HEX[(c >> 12) & 15]).append(HEX[(c >> 8) & 15])
                        .append(HEX[(c >> 4) & 15]).append(HEX[c & 15]);
            }
            start = i + 1;
        }
        out.append(s, start, n);
        out.append('"');
    }

    /** A builder that spills into {@code target} (when there is one) every {@value #CHUNK} characters. */
    private static final class Sink {
        private final StringBuilder sb;
        private final Appendable target;
        private final int indent;

        Sink(StringBuilder sb, Appendable target, int indent) {
            this.sb = sb;
            this.target = target;
            this.indent = indent;
        }

        void value(JsonValue value, int level) {
            if (value instanceof JsonValue.JsonString s) {
                quote(s.value(), sb);
            } else if (value instanceof JsonValue.JsonObject o) {
                object(o, level);
            } else if (value instanceof JsonValue.JsonArray a) {
                array(a.elements(), level);
            } else if (value instanceof JsonValue.JsonNumber n) {
                sb.append(n.literal());
            } else if (value instanceof JsonValue.JsonBoolean b) {
                sb.append(b.value() ? "true" : "false");
            } else {
                sb.append("null");
            }
        }

        private void object(JsonValue.JsonObject o, int level) {
            int n = o.size();
            if (n == 0) {
                sb.append("{}");
                return;
            }
            sb.append('{');
            for (int i = 0; i < n; i++) {
                newline(level + 1);
                quote(o.keyAt(i), sb);
                sb.append(indent < 0 ? ":" : ": ");
                value(o.valueAt(i), level + 1);
                if (i + 1 < n) {
                    sb.append(',');
                }
            }
            newline(level);
            sb.append('}');
        }

        private void array(List<JsonValue> elements, int level) {
            int n = elements.size();
            if (n == 0) {
                sb.append("[]");
                return;
            }
            sb.append('[');
            for (int i = 0; i < n; i++) {
                newline(level + 1);
                value(elements.get(i), level + 1);
                if (i + 1 < n) {
                    sb.append(',');
                }
                if (target != null && sb.length() >= CHUNK) {
                    flush();
                }
            }
            newline(level);
            sb.append(']');
        }

        private void newline(int level) {
            if (indent < 0) {
                return;
            }
            sb.append('\n');
            int spaces = indent * level;
            while (spaces > SPACES.length()) {
                sb.append(SPACES);
                spaces -= SPACES.length();
            }
            sb.append(SPACES, 0, spaces);
        }

        void flush() {
            try {
                target.append(sb);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            sb.setLength(0);
        }
    }
}
