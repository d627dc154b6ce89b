package dev.minsky.sessions.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The UTF-8 writer writes exactly the text of the reference writer, for every kind of character. */
class JsonUtf8Test {
    private static final String TRICKY = "q\"b\\s/\b\f\n\r\t\u0001\u001f\u007fé✓😀 a\ud800b \udc00 代码";

    private static JsonValue sample(int i) {
        LinkedHashMap<String, JsonValue> m = new LinkedHashMap<>();
        m.put("session", JsonValue.of("s" + i + TRICKY));
        m.put("n", new JsonValue.JsonNumber("12345678901234567890.50"));
        m.put("empty", JsonValue.JsonObject.empty());
        m.put("list", new JsonValue.JsonArray(List.of(JsonValue.TRUE, JsonValue.NULL, new JsonValue.JsonArray(List.of()))));
        m.put(TRICKY, JsonValue.FALSE);
        return new JsonValue.JsonObject(m);
    }

    @Test
    void writesWellFormedUtf8ForEveryKindOfCharacter() {
        // JSON.stringify("é✓😀\u0001\ud800") in Node, encoded as UTF-8
        byte[] expected = "\"é✓😀\\u0001\\ud800\"".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(expected, JsonUtf8.bytes(JsonValue.of("é✓😀\u0001\ud800"), 2));
        assertEquals(4, "😀".getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void aLargeArrayRenderedInParallelSlicesEqualsTheSequentialText() throws Exception {
        List<JsonValue> elements = new ArrayList<>();
        for (int i = 0; i < 5003; i++) {
            elements.add(sample(i));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonUtf8.writeArray(elements, out, 2);
        assertEquals(JsonText.pretty(new JsonValue.JsonArray(elements), 2), out.toString(StandardCharsets.UTF_8));
        ByteArrayOutputStream empty = new ByteArrayOutputStream();
        JsonUtf8.writeArray(List.of(), empty, 2);
        assertEquals("[]", empty.toString(StandardCharsets.UTF_8));
    }
}
