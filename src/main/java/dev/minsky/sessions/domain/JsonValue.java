package dev.minsky.sessions.domain;

import java.math.BigDecimal;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable JSON value as the domain sees it. Unknown fields and nested objects of a session
 * record are kept in this form so that nothing is lost between stores: object key order is kept,
 * numbers keep their literal text (large integers and decimals stay exact), and {@code null} is a
 * value distinct from a missing key.
 *
 * <p>Equality is by JSON value: object key order does not matter and numbers compare numerically
 * ({@code 1.0} equals {@code 1}), which is what verification of a migration needs.
 */
public sealed interface JsonValue
        permits JsonValue.JsonObject, JsonValue.JsonArray, JsonValue.JsonString,
                JsonValue.JsonNumber, JsonValue.JsonBoolean, JsonValue.JsonNull {

    /** The shared {@code null} value. */
    JsonNull NULL = JsonNull.INSTANCE;
    JsonBoolean TRUE = new JsonBoolean(true);
    JsonBoolean FALSE = new JsonBoolean(false);

    static JsonString of(String text) {
        return new JsonString(text);
    }

    static JsonBoolean of(boolean b) {
        return b ? TRUE : FALSE;
    }

    static JsonNumber of(long n) {
        return new JsonNumber(Long.toString(n));
    }

    /** The compact JSON text of this value (no white space), as {@code JSON.stringify(v)} gives it. */
    default String toJson() {
        return JsonText.compact(this);
    }

    /**
     * An ordered JSON object. Members live in two parallel arrays: a session record has a dozen or
     * two fields, for which a linear lookup beats hashing and costs a fraction of the memory of a
     * {@link LinkedHashMap} (this matters with 100,000 records in memory).
     */
    final class JsonObject implements JsonValue {
        private static final JsonObject EMPTY = new JsonObject(new String[0], new JsonValue[0]);
        private final String[] keys;
        private final JsonValue[] values;
        private Map<String, JsonValue> view;

        /** An object with the members of {@code members}, in its iteration order. */
        public JsonObject(Map<String, JsonValue> members) {
            this(members.keySet().toArray(new String[0]), members.values().toArray(new JsonValue[0]));
            for (int i = 0; i < keys.length; i++) {
                Objects.requireNonNull(keys[i]);
                Objects.requireNonNull(values[i], keys[i]);
            }
        }

        private JsonObject(String[] keys, JsonValue[] values) {
            this.keys = keys;
            this.values = values;
        }

        /**
         * An object from an ordered map the caller hands over (kept for builders; the map is
         * copied into arrays, so the caller may reuse it).
         */
        public static JsonObject adopt(LinkedHashMap<String, JsonValue> owned) {
            return new JsonObject(owned);
        }

        /**
         * An object from the first {@code size} keys and values, which must be distinct and non-null
         * (a parser that has checked them hands its arrays over; they are trimmed, not copied again).
         */
        public static JsonObject ofTrusted(String[] keys, JsonValue[] values, int size) {
            if (size == 0) {
                return EMPTY;
            }
            return new JsonObject(size == keys.length ? keys : Arrays.copyOf(keys, size),
                    size == values.length ? values : Arrays.copyOf(values, size));
        }

        public static JsonObject empty() {
            return EMPTY;
        }

        /** The members in order, as an unmodifiable map. */
        public Map<String, JsonValue> members() {
            Map<String, JsonValue> v = view;
            if (v == null) {
                v = new MembersView();
                view = v;
            }
            return v;
        }

        public JsonValue get(String key) {
            int i = indexOf(key);
            return i < 0 ? null : values[i];
        }

        public boolean has(String key) {
            return indexOf(key) >= 0;
        }

        public int size() {
            return keys.length;
        }

        /** The i-th member's name (0-based, in order). */
        public String keyAt(int i) {
            return keys[i];
        }

        public JsonValue valueAt(int i) {
            return values[i];
        }

        private int indexOf(String key) {
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] == key) {
                    return i;
                }
            }
            for (int i = 0; i < keys.length; i++) {
                if (keys[i].equals(key)) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof JsonObject other) || other.keys.length != keys.length) {
                return false;
            }
            for (int i = 0; i < keys.length; i++) {
                JsonValue theirs = other.get(keys[i]);
                if (theirs == null || !theirs.equals(values[i])) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int h = 0;
            for (int i = 0; i < keys.length; i++) {
                h += keys[i].hashCode() ^ values[i].hashCode();
            }
            return h;
        }

        @Override
        public String toString() {
            return toJson();
        }

        /** The read-only map view: ordered, with the linear lookup of the object itself. */
        private final class MembersView extends AbstractMap<String, JsonValue> {
            @Override
            public JsonValue get(Object key) {
                return key instanceof String k ? JsonObject.this.get(k) : null;
            }

            @Override
            public boolean containsKey(Object key) {
                return key instanceof String k && has(k);
            }

            @Override
            public int size() {
                return keys.length;
            }

            @Override
            public Set<Entry<String, JsonValue>> entrySet() {
                return new AbstractSet<>() {
                    @Override
                    public Iterator<Entry<String, JsonValue>> iterator() {
                        return new Iterator<>() {
                            private int i;

                            @Override
                            public boolean hasNext() {
                                return i < keys.length;
                            }

                            @Override
                            public Entry<String, JsonValue> next() {
                                if (i >= keys.length) {
                                    throw new NoSuchElementException();
                                }
                                Entry<String, JsonValue> e = new SimpleImmutableEntry<>(keys[i], values[i]);
                                i++;
                                return e;
                            }
                        };
                    }

                    @Override
                    public int size() {
                        return keys.length;
                    }
                };
            }
        }
    }

    /** An immutable JSON array. */
    record JsonArray(List<JsonValue> elements) implements JsonValue {
        public JsonArray {
            elements = List.copyOf(elements);
        }

        @Override
        public String toString() {
            return toJson();
        }
    }

    record JsonString(String value) implements JsonValue {
        public JsonString {
            Objects.requireNonNull(value);
        }

        @Override
        public String toString() {
            return toJson();
        }
    }

    /**
     * A JSON number kept as its literal text, so writing it back gives the same characters.
     * Equality is numeric.
     */
    record JsonNumber(String literal) implements JsonValue {
        public JsonNumber {
            if (!isNumberLiteral(literal)) {
                throw new NumberFormatException("not a JSON number: " + literal);
            }
        }

        /** JSON's number grammar: {@code -?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?}. */
        static boolean isNumberLiteral(String s) {
            int n = s.length();
            int i = 0;
            if (i < n && s.charAt(i) == '-') {
                i++;
            }
            if (i >= n) {
                return false;
            }
            if (s.charAt(i) == '0') {
                i++;
            } else if (s.charAt(i) >= '1' && s.charAt(i) <= '9') {
                while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                    i++;
                }
            } else {
                return false;
            }
            if (i < n && s.charAt(i) == '.') {
                int start = ++i;
                while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                    i++;
                }
                if (i == start) {
                    return false;
                }
            }
            if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                i++;
                if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                    i++;
                }
                int start = i;
                while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                    i++;
                }
                if (i == start) {
                    return false;
                }
            }
            return i == n;
        }

        public BigDecimal decimalValue() {
            return new BigDecimal(literal);
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof JsonNumber other)) {
                return false;
            }
            return literal.equals(other.literal) || decimalValue().compareTo(other.decimalValue()) == 0;
        }

        @Override
        public int hashCode() {
            BigDecimal d = decimalValue();
            return d.signum() == 0 ? 0 : d.stripTrailingZeros().hashCode();
        }

        @Override
        public String toString() {
            return literal;
        }
    }

    record JsonBoolean(boolean value) implements JsonValue {
        @Override
        public String toString() {
            return Boolean.toString(value);
        }
    }

    final class JsonNull implements JsonValue {
        static final JsonNull INSTANCE = new JsonNull();

        private JsonNull() {
        }

        @Override
        public String toString() {
            return "null";
        }
    }
}
