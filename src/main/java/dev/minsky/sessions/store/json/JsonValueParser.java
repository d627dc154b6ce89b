package dev.minsky.sessions.store.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.minsky.sessions.domain.JsonValue;
import dev.minsky.sessions.domain.JsonValue.JsonArray;
import dev.minsky.sessions.domain.JsonValue.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads JSON text into the domain's {@link JsonValue} exactly: key order, number literals and nulls
 * are kept, duplicate keys are an error. The one JSON reader of the stores (the SQL store uses it
 * for the JSON text Minsky keeps in {@code prState}/{@code pullRequest} columns).
 */
public final class JsonValueParser {
    static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(512 * 1024 * 1024).maxNestingDepth(1000).build())
            .build();

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

    /** Reads the value starting at token {@code t}. */
    static JsonValue read(JsonParser p, JsonToken t) throws IOException {
        if (t == null) {
            throw new com.fasterxml.jackson.core.JsonParseException(p, "the text ends before its JSON value");
        }
        switch (t) {
            case START_OBJECT: {
                // Duplicate names were refused by the parser (STRICT_DUPLICATE_DETECTION).
                String[] keys = new String[16];
                JsonValue[] values = new JsonValue[16];
                int n = 0;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    if (n == keys.length) {
                        keys = java.util.Arrays.copyOf(keys, n * 2);
                        values = java.util.Arrays.copyOf(values, n * 2);
                    }
                    keys[n] = p.currentName();
                    values[n] = read(p, p.nextToken());
                    n++;
                }
                return JsonObject.ofTrusted(keys, values, n);
            }
            case START_ARRAY: {
                List<JsonValue> elements = new ArrayList<>();
                JsonToken e;
                while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                    elements.add(read(p, e));
                }
                return new JsonArray(elements);
            }
            case VALUE_STRING:
                return new JsonValue.JsonString(p.getText());
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
                throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected " + t);
        }
    }
}
