package dev.minsky.sessions.domain;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Writes JSON text exactly as {@code JSON.stringify(v, null, indent)} does, directly as UTF-8 bytes
 * ({@link JsonText} gives the same as a string). Rendering tens of megabytes through a {@code StringBuilder} inflated to UTF-16 by the
 * first non-ASCII character and then encoding it again was the slowest step of
 * {@code list --format json}; this writes each character once, and large arrays in parallel slices.
 */
public final class JsonUtf8 {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private JsonUtf8() {
    }

    /** Each thread's buffer for {@link #bytes} and {@link #string}: a migration renders a few JSON columns per record. */
    private static final ThreadLocal<Buf[]> SCRATCH = ThreadLocal.withInitial(() -> new Buf[2]);
    /** A buffer grown past this by one large value is not kept for the next. */
    private static final int KEEP_MAX = 1 << 16;

    /** The UTF-8 bytes of {@code JSON.stringify(value, null, indent)} ({@code indent < 0}: compact). */
    public static byte[] bytes(JsonValue value, int indent) {
        Buf[] mine = SCRATCH.get();
        Buf b = rendered(mine, value, indent);
        byte[] out = Arrays.copyOf(b.bytes, b.size);
        release(mine, b, indent);
        return out;
    }

    /** {@link #bytes} as text, decoded straight from the buffer. */
    static String string(JsonValue value, int indent) {
        Buf[] mine = SCRATCH.get();
        Buf b = rendered(mine, value, indent);
        String out = new String(b.bytes, 0, b.size, StandardCharsets.UTF_8);
        release(mine, b, indent);
        return out;
    }

    /**
     * {@code value} rendered into this thread's buffer ({@code mine}, looked up once by the caller for both
     * this and {@link #release}: under the client compiler each {@code ThreadLocal} lookup is a native call).
     */
    private static Buf rendered(Buf[] mine, JsonValue value, int indent) {
        int slot = indent < 0 ? 0 : 1;
        Buf b = mine[slot];
        if (b == null || b.indent != indent) {
            b = new Buf(512, indent);
        }
        mine[slot] = null; // taken: a value rendered while this one is (none today) gets a buffer of its own
        b.size = 0;
        b.value(value, 0);
        return b;
    }

    private static void release(Buf[] mine, Buf b, int indent) {
        if (b.bytes.length <= KEEP_MAX) {
            mine[indent < 0 ? 0 : 1] = b;
        }
    }

    /** Writes {@code JSON.stringify(elements, null, indent)} to {@code out}, rendering slices on every core. */
    public static void writeArray(List<? extends JsonValue> elements, OutputStream out, int indent) throws IOException {
        int n = elements.size();
        if (n == 0) {
            out.write(new byte[] {'[', ']'});
            return;
        }
        int threads = Runtime.getRuntime().availableProcessors();
        int slices = n < 2000 || threads < 2 ? 1 : threads;
        ExecutorService pool = slices > 1 ? Executors.newFixedThreadPool(slices - 1, r -> {
            Thread t = new Thread(r, "json-render");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            List<CompletableFuture<Buf>> parts = new ArrayList<>();
            for (int s = 1; s < slices; s++) {
                int from = (int) ((long) n * s / slices);
                int to = (int) ((long) n * (s + 1) / slices);
                parts.add(CompletableFuture.supplyAsync(() -> slice(elements, from, to, indent), pool));
            }
            out.write('[');
            slice(elements, 0, (int) ((long) n / slices), indent).writeTo(out);
            for (CompletableFuture<Buf> part : parts) {
                part.join().writeTo(out);
            }
            Buf end = new Buf(8, indent);
            end.newline(0);
            end.put((byte) ']');
            end.writeTo(out);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private static Buf slice(List<? extends JsonValue> elements, int from, int to, int indent) {
        Buf b = new Buf(Math.max(256, (to - from) * 512), indent);
        for (int i = from; i < to; i++) {
            b.newline(1);
            b.value(elements.get(i), 1);
            if (i + 1 < elements.size()) {
                b.put((byte) ',');
            }
        }
        return b;
    }

    /** A growable byte buffer that knows how to write JSON. */
    private static final class Buf {
        private byte[] bytes;
        private int size;
        private final int indent;

        Buf(int capacity, int indent) {
            this.bytes = new byte[capacity];
            this.indent = indent;
        }

        void writeTo(OutputStream out) throws IOException {
            out.write(bytes, 0, size);
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        void put(byte b) {
            ensure(1);
            bytes[size++] = b;
        }

        private void ascii(String s) {
            int n = s.length();
            ensure(n);
            for (int i = 0; i < n; i++) {
                bytes[size++] = (byte) s.charAt(i);
            }
        }

        void newline(int level) {
            if (indent < 0) {
                return;
            }
            int spaces = indent * level;
            ensure(spaces + 1);
            bytes[size++] = '\n';
            Arrays.fill(bytes, size, size + spaces, (byte) ' ');
            size += spaces;
        }

        void value(JsonValue value, int level) {
            if (value instanceof JsonValue.JsonString s) {
                string(s.value());
            } else if (value instanceof JsonValue.JsonObject o) {
                object(o, level);
            } else if (value instanceof JsonValue.JsonArray a) {
                array(a.elements(), level);
            } else if (value instanceof JsonValue.JsonNumber num) {
                ascii(num.literal());
            } else if (value instanceof JsonValue.JsonBoolean b) {
                ascii(b.value() ? "true" : "false");
            } else {
                ascii("null");
            }
        }

        private void object(JsonValue.JsonObject o, int level) {
            int n = o.size();
            if (n == 0) {
                ascii("{}");
                return;
            }
            put((byte) '{');
            for (int i = 0; i < n; i++) {
                newline(level + 1);
                string(o.keyAt(i));
                put((byte) ':');
                if (indent >= 0) {
                    put((byte) ' ');
                }
                value(o.valueAt(i), level + 1);
                if (i + 1 < n) {
                    put((byte) ',');
                }
            }
            newline(level);
            put((byte) '}');
        }

        private void array(List<JsonValue> elements, int level) {
            int n = elements.size();
            if (n == 0) {
                ascii("[]");
                return;
            }
            put((byte) '[');
            for (int i = 0; i < n; i++) {
                newline(level + 1);
                value(elements.get(i), level + 1);
                if (i + 1 < n) {
                    put((byte) ',');
                }
            }
            newline(level);
            put((byte) ']');
        }

        /** A quoted string, escaped exactly as JSON.stringify escapes, encoded as UTF-8. */
        private void string(String s) {
            int n = s.length();
            ensure(n * 6 + 2); // an escaped control character takes six bytes
            byte[] b = bytes;
            int p = size;
            b[p++] = '"';
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c >= 0x20 && c < 0x80) {
                    if (c == '"' || c == '\\') {
                        b[p++] = '\\';
                    }
                    b[p++] = (byte) c;
                } else if (c < 0x20) {
                    size = p;
                    escape(c);
                    b = bytes;
                    p = size;
                } else if (c < 0x800) {
                    b[p++] = (byte) (0xc0 | (c >> 6));
                    b[p++] = (byte) (0x80 | (c & 0x3f));
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    b[p++] = (byte) (0xf0 | (cp >> 18));
                    b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                    b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                    b[p++] = (byte) (0x80 | (cp & 0x3f));
                } else if (Character.isSurrogate(c)) {
                    size = p;
                    escape(c); // a lone surrogate, escaped as well-formed JSON.stringify does
                    b = bytes;
                    p = size;
                } else {
                    b[p++] = (byte) (0xe0 | (c >> 12));
                    b[p++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                    b[p++] = (byte) (0x80 | (c & 0x3f));
                }
            }
            b[p++] = '"';
            size = p;
        }

        private void escape(char c) {
            ensure(6);
            switch (c) {
                case '\b' -> ascii("\\b");
                case '\f' -> ascii("\\f");
                case '\n' -> ascii("\\n");
                case '\r' -> ascii("\\r");
                case '\t' -> ascii("\\t");
                default -> {
                    put((byte) '\\');
                    put((byte) 'u');
                    put(HEX[(c >> 12) & 15]);
                    put(HEX[(c >> 8) & 15]);
                    put(HEX[(c >> 4) & 15]);
                    put(HEX[c & 15]);
                }
            }
        }
    }
}
