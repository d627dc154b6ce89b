package dev.minsky.sessions.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes {@link JsonValue}s as text exactly as JavaScript's {@code JSON.stringify} does, which is
 * how Minsky writes its files: {@code JSON.stringify(v)} for {@link #compact} and
 * {@code JSON.stringify(v, null, 2)} for {@link #pretty}. Only writing lives here (plain Java);
 * parsing is done by the stores with a real JSON library.
 */
public final class JsonText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {
    }

    public static String compact(JsonValue value) {
        StringBuilder sb = new StringBuilder(64);
        write(value, sb, -1, 0);
        return sb.toString();
    }

    /** Pretty text with the given indent per level (Minsky uses 2). */
    public static String pretty(JsonValue value, int indent) {
        StringBuilder sb = new StringBuilder(256);
        write(value, sb, indent, 0);
        return sb.toString();
    }

    /**
     * Appends {@code value} to {@code out}. {@code indent < 0} means compact; otherwise nested
     * lines are indented by {@code indent} spaces per level, starting at {@code level}.
     */
    public static void write(JsonValue value, Appendable out, int indent, int level) {
        try {
            writeValue(value, out, indent, level);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeValue(JsonValue value, Appendable out, int indent, int level) throws IOException {
        if (value instanceof JsonValue.JsonString s) {
            quote(s.value(), out);
        } else if (value instanceof JsonValue.JsonObject o) {
            writeObject(o.members(), out, indent, level);
        } else if (value instanceof JsonValue.JsonArray a) {
            writeArray(a.elements(), out, indent, level);
        } else if (value instanceof JsonValue.JsonNumber n) {
            out.append(n.literal());
        } else if (value instanceof JsonValue.JsonBoolean b) {
            out.append(b.value() ? "true" : "false");
        } else {
            out.append("null");
        }
    }

    private static void writeObject(Map<String, JsonValue> members, Appendable out, int indent, int level)
            throws IOException {
        if (members.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        Iterator<Map.Entry<String, JsonValue>> it = members.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonValue> e = it.next();
            newline(out, indent, level + 1);
            quote(e.getKey(), out);
            out.append(indent < 0 ? ":" : ": ");
            writeValue(e.getValue(), out, indent, level + 1);
            if (it.hasNext()) {
                out.append(',');
            }
        }
        newline(out, indent, level);
        out.append('}');
    }

    private static void writeArray(List<JsonValue> elements, Appendable out, int indent, int level)
            throws IOException {
        if (elements.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        for (int i = 0; i < elements.size(); i++) {
            newline(out, indent, level + 1);
            writeValue(elements.get(i), out, indent, level + 1);
            if (i + 1 < elements.size()) {
                out.append(',');
            }
        }
        newline(out, indent, level);
        out.append(']');
    }

    private static void newline(Appendable out, int indent, int level) throws IOException {
        if (indent < 0) {
            return;
        }
        out.append('\n');
        for (int i = indent * level; i > 0; i--) {
            out.append(' ');
        }
    }

    /** Quotes a string the way JSON.stringify does (well-formed: lone surrogates escaped). */
    public static void quote(String s, Appendable out) throws IOException {
        out.append('"');
        int start = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
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
}
