package dev.minsky.sessions.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTextTest {

    @Test
    void quotesStringsExactlyLikeJsonStringify() {
        // JSON.stringify("q\"b\\s/\b\f\n\r\t\u0001\u001f\u007fé✓😀") in Node
        String s = "q\"b\\s/\b\f\n\r\t\u0001\u001f\u007fé✓😀";
        assertEquals("\"q\\\"b\\\\s/\\b\\f\\n\\r\\t\\u0001\\u001f\u007fé✓😀\"", JsonValue.of(s).toJson());
    }

    @Test
    void escapesLoneSurrogatesAsWellFormedStringifyDoes() {
        assertEquals("\"a\\ud800b\"", JsonValue.of("a\ud800b").toJson());
        assertEquals("\"\\udc00\"", JsonValue.of("\udc00").toJson());
    }

    @Test
    void prettyPrintsWithTwoSpacesAndEmptyContainersInline() {
        LinkedHashMap<String, JsonValue> m = new LinkedHashMap<>();
        m.put("a", new JsonValue.JsonArray(List.of(JsonValue.of(1), JsonValue.NULL)));
        m.put("b", JsonValue.JsonObject.empty());
        m.put("c", new JsonValue.JsonArray(List.of()));
        m.put("d", new JsonValue.JsonNumber("1.50"));
        assertEquals("{\n  \"a\": [\n    1,\n    null\n  ],\n  \"b\": {},\n  \"c\": [],\n  \"d\": 1.50\n}",
                JsonText.pretty(new JsonValue.JsonObject(m), 2));
        assertEquals("{\"a\":[1,null],\"b\":{},\"c\":[],\"d\":1.50}", new JsonValue.JsonObject(m).toJson());
    }

    @Test
    void numbersKeepTheirLiteralButCompareByValue() {
        JsonValue.JsonNumber big = new JsonValue.JsonNumber("123456789012345678901234567890");
        assertEquals("123456789012345678901234567890", big.toJson());
        assertEquals(new JsonValue.JsonNumber("1.0"), new JsonValue.JsonNumber("1"));
        assertEquals(new JsonValue.JsonNumber("1.0").hashCode(), new JsonValue.JsonNumber("1").hashCode());
        assertNotEquals(new JsonValue.JsonNumber("1.01"), new JsonValue.JsonNumber("1"));
    }

    @Test
    void objectsAreEqualWhateverTheirKeyOrderAndNullIsNotMissing() {
        LinkedHashMap<String, JsonValue> ab = new LinkedHashMap<>();
        ab.put("a", JsonValue.of(1));
        ab.put("b", JsonValue.NULL);
        LinkedHashMap<String, JsonValue> ba = new LinkedHashMap<>();
        ba.put("b", JsonValue.NULL);
        ba.put("a", JsonValue.of(1));
        assertEquals(new JsonValue.JsonObject(ab), new JsonValue.JsonObject(ba));
        ba.remove("b");
        assertNotEquals(new JsonValue.JsonObject(ab), new JsonValue.JsonObject(ba));
    }
}
