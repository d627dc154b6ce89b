package dev.minsky.sessions.domain;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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

    /** An ordered JSON object. The map given is copied; iteration follows insertion order. */
    final class JsonObject implements JsonValue {
        private final Map<String, JsonValue> members;

        public JsonObject(Map<String, JsonValue> members) {
            LinkedHashMap<String, JsonValue> copy = new LinkedHashMap<>(members);
            copy.values().forEach(Objects::requireNonNull);
            this.members = Collections.unmodifiableMap(copy);
        }

        /**
         * Wraps an ordered map without copying it, for parsers and builders that hand the map
         * over: the caller must not keep or change it afterwards.
         */
        public static JsonObject adopt(LinkedHashMap<String, JsonValue> owned) {
            return new JsonObject(owned, true);
        }

        private JsonObject(LinkedHashMap<String, JsonValue> owned, boolean adopt) {
            this.members = Collections.unmodifiableMap(owned);
        }

        public static JsonObject empty() {
            return new JsonObject(new LinkedHashMap<>(), true);
        }

        public Map<String, JsonValue> members() {
            return members;
        }

        public JsonValue get(String key) {
            return members.get(key);
        }

        public boolean has(String key) {
            return members.containsKey(key);
        }

        public int size() {
            return members.size();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof JsonObject other && members.equals(other.members);
        }

        @Override
        public int hashCode() {
            return members.hashCode();
        }

        @Override
        public String toString() {
            return toJson();
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
            Objects.requireNonNull(literal);
            new BigDecimal(literal); // rejects text that is not a number
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
