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

    /** Texts at the edges of what Jackson (with this reader's features) accepts, and some just past them. */
    private static final List<String> EDGES = List.of("", " ", "{}", "[]", "{ }", "[ ]", "{\"a\":1}",
            " {\"a\" : [1, 2.5, -0, 1e5, 1E-5, -1.25e+10, 0.0] } ", "\"text\"", "123", "-", "--1", "01", "-01", "1.",
            ".5", "1e", "1e+", "+1", "0x10", "NaN", "-Infinity", "true", "false", "null", "tru", "truex", "nulll", "True",
            "[true,false,null]", "[1,]", "[,1]", "{\"a\":1,}", "{,}", "{\"a\" 1}", "{\"a\":}", "{'a':1}", "{a:1}",
            "[1 2]", "{} {}", "{}x", "[1]]", "[[1]", "\"unterminated", "\"a\\qb\"", "\"\\u00e9\"", "\"\\u00E9\"",
            "\"\\uD83D\\uDE00\"", "\"\\uD83D\"", "\"\\u12\"", "\"\\u12G4\"", "\"\\u\uff11234\"", "\"tab\there\"",
            "\"\u0000\"", "\"\u007f\"", "\"\\/\"", "\"a\\\"b\"", "\"\\b\\f\\n\\r\\t\"", "{\"a\":1,\"a\":2}",
            "{\"a\":{\"b\":1,\"b\":1}}", "\uFEFF{}", "/*c*/{}", "# x", "[1]\n", "\n\t\r {}", "\u000b{}", "\u00a0{}",
            "{\"a\":\"\u65e5\u672c\"}", "[\"\ud83d\ude00\"]", "[\"\ud83d\"]", "1 ", "[\"a\" , \"b\"]", "-0.0e-0",
            "1E400", "123456789012345678901234567890", "9".repeat(150), "[" + "1".repeat(1001) + "]",
            "[".repeat(70) + "]".repeat(70), "[".repeat(1001) + "]".repeat(1001), "{\"\":\"\"}", "{\"a\\u0000\":0}",
            IntStream.range(0, 40).mapToObj(i -> "\"f" + i + "\": " + i).collect(Collectors.joining(", ", "{", "}")));

    /**
     * The quick path of {@code tryParse} (no Jackson parser for a short text) gives Jackson's answer, or leaves the
     * text to Jackson: on the edges above, on random values of every kind, and on those values broken a character
     * at a time. Compared as written back ({@code toJson} keeps number literals and member order).
     */
    @Test
    void theQuickPathGivesJacksonsAnswerOrLeavesTheTextToIt() {
        java.util.Random random = new java.util.Random(20261203);
        List<String> texts = new ArrayList<>(EDGES);
        for (int i = 0; i < 3000; i++) {
            String valid = randomJson(random, 0);
            texts.add(valid);
            for (int m = 0; m < 3; m++) {
                texts.add(broken(random, valid));
            }
        }
        int quick = 0;
        int valid = 0;
        for (String text : texts) {
            Optional<String> jackson = JsonValueParser.withJackson(text).map(JsonValue::toJson);
            JsonValue q = JsonValueParser.quickOnly(text);
            if (q != null) {
                quick++;
                assertEquals(jackson, Optional.of(q.toJson()), () -> "quick path on " + text);
            }
            valid += jackson.isPresent() ? 1 : 0;
            assertEquals(jackson, JsonValueParser.tryParse(text).map(JsonValue::toJson), () -> "tryParse on " + text);
        }
        assertTrue(quick > valid * 9 / 10, quick + " read quickly of " + valid + " valid texts");
    }

    @Test
    void theQuickPathReadsTheCommonShapesItself() {
        for (String text : List.of("{\"branchName\":\"pr/task#1\",\"lastChecked\":\"2026-01-23T19:55:26.778Z\"}",
                "{\"remote\":{\"authMethod\":\"https\",\"depth\":null}}", "[1, -2.5e3, true, false, null, \"x\"]",
                "{\"t\": \"tab\\there \\u00e9\\\"\"}", "\"plain\"", "0", "{}", "[]")) {
            JsonValue q = JsonValueParser.quickOnly(text);
            assertTrue(q != null, "left to Jackson: " + text);
            assertEquals(JsonValueParser.withJackson(text).map(JsonValue::toJson), Optional.of(q.toJson()));
        }
    }

    private static final String NAMES = "abcde";
    private static final String[] CHARS = {"a", "Z", "0", " ", "\\\"", "\\\\", "\\/", "\\n", "\\t", "\\u00e9",
            "\\uD83D\\uDE00", "\u00e9", "\u65e5", "\ud83d\ude00", "\t", "\u0001", "{", "]", ":", ","};

    /** A random JSON value (names from a few letters, so some objects repeat one), with random spacing. */
    private static String randomJson(java.util.Random r, int depth) {
        String space = r.nextInt(4) == 0 ? " " : r.nextInt(8) == 0 ? "\n\t" : "";
        switch (depth > 4 ? 3 + r.nextInt(4) : r.nextInt(7)) {
            case 0: {
                int n = r.nextInt(5);
                List<String> members = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    members.add("\"" + NAMES.charAt(r.nextInt(NAMES.length())) + "\"" + space + ":" + space
                            + randomJson(r, depth + 1));
                }
                return "{" + space + String.join("," + space, members) + space + "}";
            }
            case 1: {
                int n = r.nextInt(5);
                List<String> elements = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    elements.add(randomJson(r, depth + 1));
                }
                return "[" + space + String.join("," + space, elements) + space + "]";
            }
            case 2:
            case 3: {
                StringBuilder b = new StringBuilder("\"");
                for (int i = r.nextInt(12); i > 0; i--) {
                    b.append(CHARS[r.nextInt(CHARS.length)]);
                }
                return b.append('"').toString();
            }
            case 4: {
                String[] numbers = {"0", "-0", "7", "-12", "3.25", "-0.5e-3", "1E+9", "12345678901234567890", "2e0"};
                return numbers[r.nextInt(numbers.length)];
            }
            default:
                return List.of("true", "false", "null").get(r.nextInt(3));
        }
    }

    /** {@code text} with one character removed, inserted or replaced, or cut short. */
    private static String broken(java.util.Random r, String text) {
        String[] inserts = {"\"", "\\", ",", ":", "{", "}", "[", "]", "a", "1", " ", "\u0001", "-", ".", "e", "\u00e9"};
        int at = text.isEmpty() ? 0 : r.nextInt(text.length());
        switch (r.nextInt(4)) {
            case 0:
                return text.isEmpty() ? text : text.substring(0, at) + text.substring(at + 1);
            case 1:
                return text.substring(0, at) + inserts[r.nextInt(inserts.length)] + text.substring(at);
            case 2:
                return text.isEmpty() ? text : text.substring(0, at) + inserts[r.nextInt(inserts.length)] + text.substring(at + 1);
            default:
                return text.substring(0, at);
        }
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
