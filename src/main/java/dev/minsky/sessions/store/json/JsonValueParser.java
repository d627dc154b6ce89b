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

    /** The value of {@code text}, or empty when it is not exactly one JSON value. */
    public static Optional<JsonValue> tryParse(String text) {
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
            if (depth >= keyScratch.length) {
                keyScratch = Arrays.copyOf(keyScratch, depth * 2);
                valueScratch = Arrays.copyOf(valueScratch, depth * 2);
            }
            // each depth has its own scratch arrays: a member's value is read one level deeper
            String[] keys = keyScratch[depth];
            JsonValue[] values = valueScratch[depth];
            if (keys == null) {
                keys = new String[16];
                values = new JsonValue[16];
            }
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
            int slot = (h ^ (h >>> 16)) & (TEXT_SLOTS - 1);
            JsonValue.JsonString cached = texts[slot];
            if (cached != null && equal(cached.value(), chars, offset, length)) {
                return cached;
            }
            JsonValue.JsonString fresh = new JsonValue.JsonString(new String(chars, offset, length));
            texts[slot] = fresh;
            return fresh;
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
