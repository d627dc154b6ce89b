package dev.minsky.sessions.store.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.minsky.sessions.domain.JsonValue;
import dev.minsky.sessions.domain.JsonValue.JsonArray;
import dev.minsky.sessions.domain.JsonValue.JsonObject;
import dev.minsky.sessions.domain.SessionQuery;
import dev.minsky.sessions.store.MalformedStoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON reader: duplicate names are refused by its own check (not Jackson's), and the sharing that keeps a
 * large file small in memory (key arrays, repeated text values) never changes a value.
 */
class JsonValueParserTest {
    @TempDir
    Path dir;

    private static JsonValue parse(String json) {
        Optional<JsonValue> v = JsonValueParser.tryParse(json);
        assertTrue(v.isPresent(), "not parsed: " + json);
        return v.get();
    }

    @Test
    void aNameGivenTwiceInOneObjectIsRefusedAtAnyDepthAndSize() {
        assertTrue(JsonValueParser.tryParse("{\"a\": 1, \"a\": 2}").isEmpty());
        assertTrue(JsonValueParser.tryParse("[{\"x\": {\"k\": true, \"j\": null, \"k\": false}}]").isEmpty());
        // past the linear check's size: the 41st name repeats the 3rd
        String many = IntStream.range(0, 40).mapToObj(i -> "\"f" + i + "\": " + i).collect(Collectors.joining(", "));
        assertTrue(JsonValueParser.tryParse("{" + many + ", \"f2\": 0}").isEmpty());
        assertEquals(41, ((JsonObject) parse("{" + many + ", \"f40\": 0}")).size());
        // the same name in sibling or nested objects is fine
        JsonValue ok = parse("{\"a\": {\"a\": 1}, \"b\": {\"a\": 2}}");
        assertEquals("{\"a\":{\"a\":1},\"b\":{\"a\":2}}", ok.toJson());
    }

    @Test
    void aDuplicateNameInASessionFileIsReportedWithItsLineAndTheFileIsLeftAlone() throws IOException {
        Path file = dir.resolve("sessions.json");
        String text = "[\n  {\n    \"session\": \"a\",\n    \"repoName\": \"r\",\n    \"repoName\": \"s\"\n  }\n]\n";
        Files.writeString(file, text);
        JsonFileStore store = new JsonFileStore(file);
        MalformedStoreException e = assertThrows(MalformedStoreException.class, () -> store.list(SessionQuery.all()));
        assertTrue(e.getMessage().contains("Duplicate field 'repoName'"), e.getMessage());
        assertTrue(e.getMessage().contains("line 5"), e.getMessage());
        assertEquals(text, Files.readString(file));
    }

    @Test
    void objectsWithTheSameNamesKeepTheirOwnOrderAndValues() {
        JsonArray a = (JsonArray) parse("[{\"a\": 1, \"b\": \"x\"}, {\"b\": \"y\", \"a\": 2}, {\"a\": 3, \"b\": \"z\"},"
                + " {\"a\": 4}, {\"a\": 5, \"b\": \"w\", \"c\": null}]");
        List<String> orders = new ArrayList<>();
        for (JsonValue v : a.elements()) {
            JsonObject o = (JsonObject) v;
            orders.add(String.join(",", o.members().keySet()));
        }
        assertEquals(List.of("a,b", "b,a", "a,b", "a", "a,b,c"), orders);
        assertEquals("[{\"a\":1,\"b\":\"x\"},{\"b\":\"y\",\"a\":2},{\"a\":3,\"b\":\"z\"},{\"a\":4},{\"a\":5,\"b\":\"w\",\"c\":null}]",
                a.toJson());
    }

    @Test
    void aRepeatedTextIsOneInstanceAndTextsWithTheSameHashStayApart() {
        // "Aa" and "BB" have the same String hash, so they meet in one cache slot
        assertEquals("Aa".hashCode(), "BB".hashCode());
        JsonArray a = (JsonArray) parse("[\"Aa\", \"BB\", \"Aa\", \"BB\", \"Aa\"]");
        assertEquals(List.of("Aa", "BB", "Aa", "BB", "Aa"), a.elements().stream()
                .map(v -> ((JsonValue.JsonString) v).value()).toList());
        JsonArray b = (JsonArray) parse("[{\"repoName\": \"minsky\"}, {\"repoName\": \"minsky\"}]");
        assertSame(((JsonObject) b.elements().get(0)).get("repoName"), ((JsonObject) b.elements().get(1)).get("repoName"));
        // escapes, non-Latin-1 text and long text read exactly
        JsonArray c = (JsonArray) parse("[\"tab\\there\", \"\\u00e9t\\u00e9 \u65e5\u672c \ud83d\ude00\", \"tab\\there\", \""
                + "x".repeat(500) + "\", \"" + "x".repeat(500) + "\"]");
        assertEquals("tab\there", ((JsonValue.JsonString) c.elements().get(0)).value());
        assertEquals("\u00e9t\u00e9 \u65e5\u672c \ud83d\ude00", ((JsonValue.JsonString) c.elements().get(1)).value());
        assertSame(c.elements().get(0), c.elements().get(2));
        assertEquals(c.elements().get(3), c.elements().get(4));
        assertNotSame(c.elements().get(3), c.elements().get(4), "long text is not looked up");
    }

    @Test
    void aLargeFileReadOnEveryCoreEqualsTheSameFileReadInOnePiece() throws IOException {
        StringBuilder json = new StringBuilder("[\n");
        for (int i = 0; i < 40_000; i++) { // past ArrayShares.MIN_BYTES
            json.append(i == 0 ? "" : ",\n").append("  {\n    \"session\": \"s").append(i)
                    .append("\",\n    \"repoName\": \"repo").append(i % 7).append("\",\n    \"pullRequest\": {\n      \"state\": \"")
                    .append(i % 3 == 0 ? "open" : "merged").append("\",\n      \"number\": ").append(i).append("\n    }\n  }");
        }
        json.append("\n]\n");
        byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
        byte[] before = bytes.clone();
        Optional<List<JsonValue>> shares = ParallelArrayParser.parse(bytes);
        assertTrue(shares.isPresent());
        assertArrayEquals(before, bytes, "the shares are parsed in place and the bytes put back");
        JsonArray whole = (JsonArray) parse(json.toString());
        assertEquals(whole.elements(), shares.get());
        assertEquals(whole.toJson(), new JsonArray(shares.get()).toJson());
    }
}
