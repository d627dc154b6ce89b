package dev.minsky.sessions.store.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.minsky.sessions.domain.JsonValue;
import dev.minsky.sessions.domain.JsonValue.JsonArray;
import dev.minsky.sessions.domain.JsonValue.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads JSON text into the domain's {@link JsonValue} exactly: key order, number literals and nulls
 * are kept, duplicate keys are an error. The one JSON reader of the stores (the SQL store uses it
 * for the JSON text Minsky keeps in {@code prState}/{@code pullRequest} columns).
 *
 * <p>A session file of 100,000 records is held in memory while it is migrated, so the values read
 * are kept small (see docs/benchmarks.md, "The parsed form"): objects with the same member names in
 * the same order share one key array, and a text value seen a moment ago (a repository name, a
 * backend type, a PR state) is the same {@link JsonValue.JsonString} instance, found without making
 * a new {@code String}. Both are immutable, so sharing them changes nothing a reader can see.
 */
public final class JsonValueParser {
    static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(512 * 1024 * 1024).maxNestingDepth(1000).build())
            .build();

    /**
     * Each thread's reading state: scratch arrays per depth and the two caches (at most 512 key arrays and
     * 4,096 short texts, under a megabyte, kept by threads that live on, such as the common pool's).
     */
    private static final ThreadLocal<Reading> READING = ThreadLocal.withInitial(Reading::new);

    private JsonValueParser() {
    }

    /**
     * The value of {@code text}, or empty when it is not exactly one JSON value. Read without Jackson when it is of the
     * plain kind most such texts are ({@link Reading#quick}), else by Jackson; the answer is the same either way.
     */
    public static Optional<JsonValue> tryParse(String text) {
        JsonValue quick = READING.get().quick(text);
        if (quick != null) {
            return Optional.of(quick);
        }
        return withJackson(text);
    }

    /** What the quick path alone makes of {@code text}, or null where it leaves it to Jackson (for tests). */
    static JsonValue quickOnly(String text) {
        return READING.get().quick(text);
    }

    /** {@link #tryParse} by Jackson alone (what {@link Reading#quick} must agree with). */
    static Optional<JsonValue> withJackson(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonValue v = read(p, p.nextToken());
            return p.nextToken() == null ? Optional.of(v) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Reads the value starting at token {@code t}; a name given twice in one object is a {@link JsonParseException}. */
    static JsonValue read(JsonParser p, JsonToken t) throws IOException {
        return READING.get().value(p, t, 0);
    }

    /** One thread's reader: what it reuses between objects and between values. */
    private static final class Reading {
        /** Objects larger than this check their names with a hash set instead of comparing each pair. */
        private static final int LINEAR_NAMES = 32;
        private static final int KEY_SLOTS = 512;
        private static final int TEXT_SLOTS = 4096;
        /** Longer text is rarely repeated; it is not looked up. */
        private static final int TEXT_MAX = 96;

        private String[][] keyScratch = new String[8][];
        private JsonValue[][] valueScratch = new JsonValue[8][];
        /** Key arrays by a hash of their names: an object takes the array of the last object with the same names. */
        private final String[][] keyArrays = new String[KEY_SLOTS][];
        /** Text values by the hash of their text (direct-mapped: a slot keeps the latest value). */
        private final JsonValue.JsonString[] texts = new JsonValue.JsonString[TEXT_SLOTS];
        /**
         * Each slot's text's full hash, beside it: most texts are met once (a commit hash, a timestamp), and their
         * slot holds another text of the same length as often as not; comparing the hashes here rejects it without
         * reading that value's objects, which are rarely still in the processor's cache.
         */
        private final int[] textHashes = new int[TEXT_SLOTS];

        JsonValue value(JsonParser p, JsonToken t, int depth) throws IOException {
            if (t == null) {
                throw new JsonParseException(p, "the text ends before its JSON value");
            }
            switch (t) {
                case START_OBJECT:
                    return object(p, depth);
                case START_ARRAY: {
                    List<JsonValue> elements = new ArrayList<>();
                    JsonToken e;
                    while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                        elements.add(value(p, e, depth + 1));
                    }
                    return new JsonArray(elements);
                }
                case VALUE_STRING:
                    return text(p);
                case VALUE_NUMBER_INT:
                case VALUE_NUMBER_FLOAT:
                    return new JsonValue.JsonNumber(p.getText());
                case VALUE_TRUE:
                    return JsonValue.TRUE;
                case VALUE_FALSE:
                    return JsonValue.FALSE;
                case VALUE_NULL:
                    return JsonValue.NULL;
                default:
                    throw new JsonParseException(p, "unexpected " + t);
            }
        }

        private JsonObject object(JsonParser p, int depth) throws IOException {
            scratch(depth);
            String[] keys = keyScratch[depth];
            JsonValue[] values = valueScratch[depth];
            int n = 0;
            Set<String> many = null;
            try {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    if (n < LINEAR_NAMES) {
                        for (int i = 0; i < n; i++) {
                            if (same(keys[i], name)) {
                                throw duplicate(p, name);
                            }
                        }
                    } else {
                        if (many == null) {
                            many = new HashSet<>(Arrays.asList(keys).subList(0, n));
                        }
                        if (!many.add(name)) {
                            throw duplicate(p, name);
                        }
                    }
                    if (n == keys.length) {
                        keys = Arrays.copyOf(keys, n * 2);
                        values = Arrays.copyOf(values, n * 2);
                    }
                    keys[n] = name;
                    values[n] = value(p, p.nextToken(), depth + 1);
                    n++;
                }
                return n == 0 ? JsonObject.empty()
                        : JsonObject.ofTrusted(sharedKeys(keys, n), Arrays.copyOf(values, n), n);
            } finally {
                Arrays.fill(values, 0, n, null); // the scratch array keeps no value alive, even after an error
                keyScratch[depth] = keys;
                valueScratch[depth] = values;
            }
        }

        /**
         * Makes sure {@code depth} has its scratch arrays for an object's names and values (each depth its own: a
         * member's value is read one level deeper); an object puts them back, grown if it grew them.
         */
        private void scratch(int depth) {
            if (depth >= keyScratch.length) {
                keyScratch = Arrays.copyOf(keyScratch, depth * 2);
                valueScratch = Arrays.copyOf(valueScratch, depth * 2);
            }
            if (keyScratch[depth] == null) {
                keyScratch[depth] = new String[16];
                valueScratch[depth] = new JsonValue[16];
            }
        }

        /** The first {@code n} keys as an exact-size array, the one of an earlier object with the same names if there is one. */
        private String[] sharedKeys(String[] keys, int n) {
            int h = n;
            for (int i = 0; i < n; i++) {
                h = 31 * h + keys[i].hashCode();
            }
            int slot = (h ^ (h >>> 16)) & (KEY_SLOTS - 1);
            String[] cached = keyArrays[slot];
            if (cached != null && cached.length == n) {
                int i = 0;
                while (i < n && same(cached[i], keys[i])) {
                    i++;
                }
                if (i == n) {
                    return cached;
                }
            }
            String[] exact = Arrays.copyOf(keys, n);
            keyArrays[slot] = exact;
            return exact;
        }

        /** The current text value, the cached instance when the same text was read shortly before. */
        private JsonValue.JsonString text(JsonParser p) throws IOException {
            int length = p.getTextLength();
            if (length > TEXT_MAX) {
                return new JsonValue.JsonString(p.getText());
            }
            char[] chars = p.getTextCharacters();
            int offset = p.getTextOffset();
            int h = 0;
            for (int i = 0; i < length; i++) {
                h = 31 * h + chars[offset + i];
            }
            JsonValue.JsonString cached = cached(h);
            if (cached != null && equal(cached.value(), chars, offset, length)) {
                return cached;
            }
            return keep(h, new String(chars, offset, length));
        }

        /** The text cached under the full hash {@code h} (31 times each character, as {@link String#hashCode}), or null. */
        private JsonValue.JsonString cached(int h) {
            int slot = (h ^ (h >>> 16)) & (TEXT_SLOTS - 1);
            return textHashes[slot] == h ? texts[slot] : null;
        }

        /** {@code text} as a new value, cached under its hash {@code h} in place of the slot's earlier one. */
        private JsonValue.JsonString keep(int h, String text) {
            int slot = (h ^ (h >>> 16)) & (TEXT_SLOTS - 1);
            JsonValue.JsonString fresh = new JsonValue.JsonString(text);
            texts[slot] = fresh;
            textHashes[slot] = h;
            return fresh;
        }

        // ---- the quick path of tryParse(String) --------------------------------------------------------------

        /** Nesting deeper than this is left to Jackson (whose limit here is 1,000). */
        private static final int QUICK_DEPTH = 64;
        /** Numbers longer than this are left to Jackson (which limits a number's length). */
        private static final int QUICK_NUMBER = 100;

        private String src;
        private int pos;

        /**
         * {@code text} as one JSON value read here, without Jackson; null when this reader leaves it to Jackson.
         *
         * <p>The JSON text columns of a SQL store are short (a pull request's state, a JSON column of a few fields),
         * and a migration reads 100,000 or more of them, twice: making a Jackson parser for each (its context, buffers
         * and symbol table, the text copied into a char array) cost about as much as reading it. This reads the
         * grammar Jackson accepts with the features used here, and nothing beyond it: objects of at most
         * {@value #LINEAR_NAMES} distinct names, arrays, strings with RFC 8259's escapes, numbers
         * ({@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}, kept as their text), {@code true},
         * {@code false}, {@code null}, the four whitespace characters, nesting to {@value #QUICK_DEPTH}. Anything
         * else (not JSON, a name given twice, a control character in a string, a token that runs on, text after the
         * value, a very long number) returns null and Jackson decides, so the result is always the one Jackson's
         * path gives (JsonValueParserTest compares them); the values are made alike (the same shared key arrays and
         * recent texts).
         */
        JsonValue quick(String text) {
            src = text;
            pos = 0;
            try {
                skipSpace();
                JsonValue v = quickValue(0);
                if (v == null) {
                    return null;
                }
                skipSpace();
                return pos == text.length() ? v : null;
            } catch (RuntimeException e) { // cannot happen for a String; Jackson decides if it did
                return null;
            } finally {
                src = null;
            }
        }

        private void skipSpace() {
            String s = src;
            int i = pos;
            for (int n = s.length(); i < n; i++) {
                char c = s.charAt(i);
                if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                    break;
                }
            }
            pos = i;
        }

        private JsonValue quickValue(int depth) {
            if (pos >= src.length()) {
                return null;
            }
            char c = src.charAt(pos);
            switch (c) {
                case '{':
                    return depth < QUICK_DEPTH ? quickObject(depth) : null;
                case '[':
                    return depth < QUICK_DEPTH ? quickArray(depth) : null;
                case '"':
                    return quickString();
                case 't':
                    return literal("true") ? JsonValue.TRUE : null;
                case 'f':
                    return literal("false") ? JsonValue.FALSE : null;
                case 'n':
                    return literal("null") ? JsonValue.NULL : null;
                default:
                    return c == '-' || (c >= '0' && c <= '9') ? quickNumber() : null;
            }
        }

        private boolean literal(String word) {
            if (!src.startsWith(word, pos)) {
                return false;
            }
            pos += word.length();
            return true;
        }

        private JsonValue quickObject(int depth) {
            pos++;
            skipSpace();
            if (pos < src.length() && src.charAt(pos) == '}') {
                pos++;
                return JsonObject.empty();
            }
            scratch(depth);
            String[] keys = keyScratch[depth];
            JsonValue[] values = valueScratch[depth];
            int n = 0;
            try {
                while (true) {
                    if (n == LINEAR_NAMES || pos >= src.length() || src.charAt(pos) != '"') {
                        return null;
                    }
                    JsonValue.JsonString name = quickString();
                    if (name == null) {
                        return null;
                    }
                    for (int i = 0; i < n; i++) {
                        if (same(keys[i], name.value())) {
                            return null; // Jackson's path reports the name given twice
                        }
                    }
                    skipSpace();
                    if (pos >= src.length() || src.charAt(pos) != ':') {
                        return null;
                    }
                    pos++;
                    skipSpace();
                    if (n == keys.length) {
                        keys = Arrays.copyOf(keys, n * 2);
                        values = Arrays.copyOf(values, n * 2);
                    }
                    keys[n] = name.value();
                    JsonValue value = quickValue(depth + 1);
                    if (value == null) {
                        return null;
                    }
                    values[n++] = value;
                    skipSpace();
                    if (pos >= src.length()) {
                        return null;
                    }
                    char c = src.charAt(pos++);
                    if (c == '}') {
                        return JsonObject.ofTrusted(sharedKeys(keys, n), Arrays.copyOf(values, n), n);
                    }
                    if (c != ',') {
                        return null;
                    }
                    skipSpace();
                }
            } finally {
                Arrays.fill(values, 0, n, null);
                keyScratch[depth] = keys;
                valueScratch[depth] = values;
            }
        }

        private JsonValue quickArray(int depth) {
            pos++;
            skipSpace();
            List<JsonValue> elements = new ArrayList<>();
            if (pos < src.length() && src.charAt(pos) == ']') {
                pos++;
                return new JsonArray(elements);
            }
            while (true) {
                JsonValue value = quickValue(depth + 1);
                if (value == null) {
                    return null;
                }
                elements.add(value);
                skipSpace();
                if (pos >= src.length()) {
                    return null;
                }
                char c = src.charAt(pos++);
                if (c == ']') {
                    return new JsonArray(elements);
                }
                if (c != ',') {
                    return null;
                }
                skipSpace();
            }
        }

        /** The string at {@code pos} (its opening quote), the cached instance when the same text was read shortly before. */
        private JsonValue.JsonString quickString() {
            String s = src;
            int start = pos + 1;
            int n = s.length();
            int h = 0;
            for (int i = start; i < n; i++) {
                char c = s.charAt(i);
                if (c == '"') {
                    pos = i + 1;
                    int length = i - start;
                    if (length > TEXT_MAX) {
                        return new JsonValue.JsonString(s.substring(start, i));
                    }
                    JsonValue.JsonString cached = cached(h);
                    if (cached != null && cached.value().length() == length
                            && cached.value().regionMatches(0, s, start, length)) {
                        return cached;
                    }
                    return keep(h, s.substring(start, i));
                }
                if (c == '\\') {
                    return escapedString(start);
                }
                if (c < 0x20) {
                    return null; // Jackson refuses a control character in a string
                }
                h = 31 * h + c;
            }
            return null; // no closing quote
        }

        /** A string with escapes, from its first character at {@code start}: RFC 8259's escapes, or null. */
        private JsonValue.JsonString escapedString(int start) {
            String s = src;
            StringBuilder b = new StringBuilder();
            for (int i = start, n = s.length(); i < n; i++) {
                char c = s.charAt(i);
                if (c == '"') {
                    pos = i + 1;
                    return shared(b.toString());
                }
                if (c < 0x20) {
                    return null;
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                if (++i >= n) {
                    return null;
                }
                switch (s.charAt(i)) {
                    case '"' -> b.append('"');
                    case '\\' -> b.append('\\');
                    case '/' -> b.append('/');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        if (i + 4 >= n) {
                            return null;
                        }
                        int code = 0;
                        for (int k = 1; k <= 4; k++) {
                            int d = Character.digit(s.charAt(i + k), 16);
                            if (d < 0 || s.charAt(i + k) > 'f') { // Character.digit also takes non-ASCII digits
                                return null;
                            }
                            code = code * 16 + d;
                        }
                        b.append((char) code);
                        i += 4;
                    }
                    default -> {
                        return null; // Jackson refuses other escapes
                    }
                }
            }
            return null;
        }

        /** {@code text} as the cached instance of the same text, or a new one that the cache then keeps. */
        private JsonValue.JsonString shared(String text) {
            int length = text.length();
            if (length > TEXT_MAX) {
                return new JsonValue.JsonString(text);
            }
            int h = 0;
            for (int i = 0; i < length; i++) {
                h = 31 * h + text.charAt(i);
            }
            JsonValue.JsonString cached = cached(h);
            return cached != null && cached.value().equals(text) ? cached : keep(h, text);
        }

        /**
         * The number at {@code pos}: its characters (digits, sign, point, exponent) up to the token's end, checked by
         * {@link JsonValue.JsonNumber}'s own grammar; null for what that refuses ("01", "1.", "-") or a long one:
         * Jackson decides. (A number or literal that runs into another character, "1x" or "truex", is refused by
         * what reads next: an array, an object or the end of the text accept only a separator, space or the end.)
         */
        private JsonValue quickNumber() {
            String s = src;
            int start = pos;
            int i = pos;
            for (int n = s.length(); i < n; i++) {
                char c = s.charAt(i);
                if (!isDigit(c) && c != '-' && c != '+' && c != '.' && c != 'e' && c != 'E') {
                    break;
                }
            }
            if (i - start > QUICK_NUMBER) {
                return null;
            }
            try {
                JsonValue number = new JsonValue.JsonNumber(s.substring(start, i));
                pos = i;
                return number;
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static boolean equal(String s, char[] chars, int offset, int length) {
            if (s.length() != length) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                if (s.charAt(i) != chars[offset + i]) {
                    return false;
                }
            }
            return true;
        }

        /** Names are usually the parser's canonical instances; equal text is the same name either way. */
        private static boolean same(String a, String b) {
            return a == b || (a.hashCode() == b.hashCode() && a.equals(b));
        }

        private static JsonParseException duplicate(JsonParser p, String name) {
            return new JsonParseException(p, "Duplicate field '" + name + "'");
        }
    }
}
