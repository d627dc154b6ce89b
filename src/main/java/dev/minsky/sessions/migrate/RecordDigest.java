package dev.minsky.sessions.migrate;

import dev.minsky.sessions.domain.JsonValue;
import dev.minsky.sessions.domain.SessionRecord;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * SHA-256 digests of records and of whole sets of records, equal exactly when
 * {@link RecordComparison} calls the records identical, whatever store they were read from.
 *
 * <p>A record's digest is the SHA-256 of its canonical JSON: members sorted by name (UTF-16 order),
 * no whitespace, numbers as their exact decimal value without trailing zeros ({@code 1.50} →
 * {@code 1.5}), top-level timestamps as the ISO-8601 UTC instant they name, strings escaped only
 * where JSON requires. A set's digest is the SHA-256 of, for each record in name order, the name in
 * UTF-8, a zero byte and the record's 32-byte digest.
 */
public final class RecordDigest {
    private static final HexFormat HEX = HexFormat.of();

    private RecordDigest() {
    }

    public static byte[] of(SessionRecord record) {
        StringBuilder sb = new StringBuilder(512);
        canonical(record.fields(), sb, true);
        return sha256().digest(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static String hex(byte[] digest) {
        return HEX.formatHex(digest);
    }

    static void canonical(JsonValue value, StringBuilder out, boolean topLevel) {
        if (value instanceof JsonValue.JsonObject o) {
            String[] keys = new String[o.size()];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = o.keyAt(i);
            }
            Arrays.sort(keys);
            out.append('{');
            for (int i = 0; i < keys.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                string(keys[i], out);
                out.append(':');
                JsonValue v = o.get(keys[i]);
                if (topLevel && v instanceof JsonValue.JsonString s) {
                    Optional<Instant> instant = RecordComparison.instant(s.value());
                    if (instant.isPresent()) {
                        out.append("@").append(instant.get()); // cannot collide with a string: those are quoted
                        continue;
                    }
                }
                canonical(v, out, false);
            }
            out.append('}');
        } else if (value instanceof JsonValue.JsonArray a) {
            out.append('[');
            for (int i = 0; i < a.elements().size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                canonical(a.elements().get(i), out, false);
            }
            out.append(']');
        } else if (value instanceof JsonValue.JsonString s) {
            string(s.value(), out);
        } else if (value instanceof JsonValue.JsonNumber n) {
            BigDecimal d = n.decimalValue();
            out.append(d.signum() == 0 ? "0" : d.stripTrailingZeros().toString());
        } else {
            out.append(value.toJson()); // true, false, null
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    /** Collects per-record digests in any order and gives the set's digest. */
    public static final class SetDigest {
        private final List<Entry> entries = new ArrayList<>();

        private record Entry(String name, byte[] digest) {
        }

        public void add(String name, byte[] digest) {
            entries.add(new Entry(name, digest));
        }

        public int size() {
            return entries.size();
        }

        public byte[] digest() {
            entries.sort((x, y) -> x.name.compareTo(y.name));
            MessageDigest md = sha256();
            for (Entry e : entries) {
                md.update(e.name.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(e.digest);
            }
            return md.digest();
        }
    }
}
