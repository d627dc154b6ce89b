package dev.minsky.sessions.store.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.minsky.sessions.domain.JsonUtf8;
import dev.minsky.sessions.domain.JsonValue;
import dev.minsky.sessions.domain.SessionQuery;
import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.store.MalformedStoreException;
import dev.minsky.sessions.store.TestRecords;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code list --format json} copies a canonical file's record text instead of parsing and rendering it: the
 * output must be the same bytes as the ordinary path on every file, and anything the scan does not accept must
 * go the ordinary way (which also reports errors).
 */
class CanonicalArrayScanTest {
    @TempDir
    Path dir;

    /** What the ordinary path prints: the records parsed, listed by the query, rendered. */
    private static byte[] ordinary(Path file, SessionQuery query) throws IOException {
        List<JsonValue> elements = new ArrayList<>();
        for (SessionRecord r : new JsonFileStore(file).list(query)) {
            elements.add(r.fields());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonUtf8.writeArray(elements, out, 2);
        return out.toByteArray();
    }

    private static byte[] listed(Path file, SessionQuery query) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonFileStore store = JsonFileStore.readOnly(file)) {
            store.writeJson(query, out);
        }
        return out.toByteArray();
    }

    private static boolean fast(byte[] bytes) {
        return CanonicalArrayScan.scan(bytes, true).isPresent();
    }

    static Stream<String> fixtures() {
        return Stream.of("fixtures/messy-1000-with-3-invalid.json", "fixtures/minsky-written/session-db.json",
                "fixtures/json-shapes/array.json", "fixtures/json-shapes/backup-envelope.json",
                "fixtures/json-shapes/empty-array.json", "fixtures/json-shapes/empty-file.json",
                "fixtures/json-shapes/keyed-object.json", "fixtures/json-shapes/sessions-object.json");
    }

    private Path copy(String resource) throws Exception {
        Path file = dir.resolve(Path.of(resource).getFileName());
        try (var in = getClass().getClassLoader().getResourceAsStream(resource)) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void everyFixtureListsTheSameBytesEitherWay(String resource) throws Exception {
        Path file = copy(resource);
        for (SessionQuery q : List.of(SessionQuery.all(), SessionQuery.builder().page(2, 3).build(),
                SessionQuery.builder().page(0, 1).build(), SessionQuery.builder().page(5000, 0).build())) {
            assertArrayEquals(ordinary(file, q), listed(file, q), resource + " " + q);
        }
    }

    @Test
    void minskysOwnFileAndTheMessyFixtureTakeTheFastPath() throws Exception {
        assertTrue(fast(Files.readAllBytes(copy("fixtures/minsky-written/session-db.json"))));
        assertTrue(fast(Files.readAllBytes(copy("fixtures/messy-1000-with-3-invalid.json"))));
        assertTrue(fast(Files.readAllBytes(copy("fixtures/json-shapes/empty-array.json"))));
    }

    @Test
    void randomRecordsRenderedByUsScanAndListTheSameAsParsing() throws Exception {
        Random random = new Random(20261202);
        for (int round = 0; round < 40; round++) {
            List<JsonValue> records = new ArrayList<>();
            int count = 1 + random.nextInt(30);
            for (int i = 0; i < count; i++) {
                LinkedHashMap<String, JsonValue> fields = new LinkedHashMap<>();
                fields.put("session", JsonValue.of(i + "-" + text(random, 12, false)));
                int extra = random.nextInt(8);
                for (int k = 0; k < extra; k++) {
                    fields.put("f" + k + text(random, 4, false), value(random, 0));
                }
                records.add(JsonValue.JsonObject.adopt(fields));
            }
            byte[] bytes = JsonUtf8.bytes(new JsonValue.JsonArray(records), 2);
            if (random.nextBoolean()) {
                bytes = java.util.Arrays.copyOf(bytes, bytes.length + 1);
                bytes[bytes.length - 1] = '\n';
            }
            Path file = dir.resolve("random-" + round + ".json");
            Files.write(file, bytes);
            assertTrue(fast(bytes), "our own rendering is canonical: " + new String(bytes, StandardCharsets.UTF_8));
            CanonicalArrayScan.Records scanned = CanonicalArrayScan.scan(bytes, true).orElseThrow();
            for (int i = 0; i < count; i++) {
                assertEquals(((JsonValue.JsonString) ((JsonValue.JsonObject) records.get(i)).get("session")).value(),
                        scanned.names()[i]);
            }
            assertArrayEquals(ordinary(file, SessionQuery.all()), listed(file, SessionQuery.all()));
        }
    }

    @Test
    void loneSurrogatesAreLeftToTheParser() throws Exception {
        Path file = dir.resolve("lone.json");
        byte[] bytes = JsonUtf8.bytes(new JsonValue.JsonArray(List.of(
                TestRecords.minimal("a").toBuilder().set("note", JsonValue.of("x\ud800y")).build().fields())), 2);
        Files.write(file, bytes);
        assertTrue(!fast(bytes), "\\ud800 is written as an escape, which the scan leaves to the parser");
        assertArrayEquals(ordinary(file, SessionQuery.all()), listed(file, SessionQuery.all()));
    }

    /** Records as Minsky writes them, with one change that makes them not canonical (or not valid). */
    @ParameterizedTest
    @ValueSource(strings = {
        "[\n    {\n      \"session\": \"a\"\n    }\n]",      // 4-space indentation
        "[\r\n  {\r\n    \"session\": \"a\"\r\n  }\r\n]",   // CRLF
        "[\n  {\n    \"session\": \"a\",\n    \"x\": \"\\u00e9\"\n  }\n]",   // an escape JSON.stringify does not write
        "[\n  {\n    \"session\": \"a\",\n    \"x\": \"a\\/b\"\n  }\n]",
        "[\n  {\n    \"session\": \"a\",\n    \"x\": \"\\u001F\"\n  }\n]",  // upper-case hex
        "[\n  {\n    \"session\": \"a\",\n    \"x\": \"\\u000a\"\n  }\n]",  // has a short escape
        "[\n  {\n    \"session\": \"a\",\n    \"x\": {\n      \"k\": 1,\n      \"k\": 2\n    }\n  }\n]", // a name twice
        "[\n  {\n    \"session\": \"a\",\n    \"x\": 1,\n  }\n]",   // a trailing comma
        "[\n  {\n    \"session\": \"a\",\n    \"x\":1\n  }\n]",     // no space after the colon
        "[\n  {\n    \"name\": \"a\"\n  }\n]",                      // no session
        "[\n  {\n    \"session\": \" \"\n  }\n]",                   // a blank session
        "[\n  {\n    \"session\": 7\n  }\n]",
        "[\n  {\n    \"session\": \"a\"\n  }\n]\n\n",               // two newlines at the end
        "[\n  {\n    \"session\": \"a\"\n  }\n] ",
        "[\n  {\n    \"session\": \"a\"\n  }\n",                    // truncated
        "[\n  {\n    \"session\": \"a\",\n    \"n\": 01\n  }\n]",
        "[\n  {\n    \"session\": \"a\",\n    \"n\": 1.\n  }\n]",
        "[\n  {\n    \"session\": \"a\",\n    \"n\": -\n  }\n]",
        "[\n  {\n    \"session\": \"a\",\n    \"n\": 1e\n  }\n]",
        "[\n  {\n    \"session\": \"a\",\n    \"n\": tru\n  }\n]",
        "[\n  {\n    \"session\": \"a\",\n    \"n\": [1,2]\n  }\n]",
        "[\n  {\n    \"session\": \"a\",\n    \"n\": { }\n  }\n]",
        "[\n  \"a\"\n]",
        "{\n  \"sessions\": []\n}",
        "\ufeff[\n  {\n    \"session\": \"a\"\n  }\n]",               // a byte-order mark
    })
    void whatIsNotCanonicalTakesTheOrdinaryPath(String text) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertTrue(!fast(bytes), text);
        Path file = dir.resolve("odd.json");
        Files.write(file, bytes);
        try {
            byte[] expected = ordinary(file, SessionQuery.all());
            assertArrayEquals(expected, listed(file, SessionQuery.all()), text);
        } catch (MalformedStoreException e) {
            MalformedStoreException same = assertThrows(MalformedStoreException.class, () -> listed(file, SessionQuery.all()));
            assertEquals(e.getMessage(), same.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"c0 80", "ed a0 80", "f4 90 80 80", "e2 82", "80", "ff", "f8 88 80 80 80"})
    void malformedUtf8IsLeftToTheParser(String hex) throws Exception {
        String[] parts = hex.split(" ");
        byte[] head = "[\n  {\n    \"session\": \"a\",\n    \"x\": \"".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\"\n  }\n]".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + parts.length + tail.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        for (int i = 0; i < parts.length; i++) {
            bytes[head.length + i] = (byte) Integer.parseInt(parts[i], 16);
        }
        System.arraycopy(tail, 0, bytes, head.length + parts.length, tail.length);
        assertTrue(!fast(bytes), hex);
    }

    @Test
    void wellFormedUtf8OfEveryLengthIsCanonical() {
        String text = "é ✓ 😀 代码 \u007f \u2028 \uffff \udbff\udfff";
        byte[] bytes = ("[\n  {\n    \"session\": \"" + text + "\"\n  }\n]").getBytes(StandardCharsets.UTF_8);
        assertEquals(text, CanonicalArrayScan.scan(bytes, true).orElseThrow().names()[0]);
    }

    @Test
    void escapedNamesAreDecoded() {
        byte[] bytes = "[\n  {\n    \"session\": \"q\\\"b\\\\s\\b\\f\\n\\r\\t\\u0001\\u001f/é\"\n  }\n]"
                .getBytes(StandardCharsets.UTF_8);
        assertEquals("q\"b\\s\b\f\n\r\t\u0001\u001f/é", CanonicalArrayScan.scan(bytes, true).orElseThrow().names()[0]);
    }

    @Test
    void aLargeFileIsScannedInSharesWithTheSameResult() throws Exception {
        List<JsonValue> all = new ArrayList<>();
        for (int i = 0; i < 8000; i++) {
            // in reverse order, so the listing must sort; the boundary pattern inside strings must not fool the cut
            all.add(TestRecords.rich(String.format("task-md#%05d", 8000 - i)).toBuilder()
                    .set("note", JsonValue.of("},\n  {\n")).build().fields());
        }
        byte[] bytes = JsonUtf8.bytes(new JsonValue.JsonArray(all), 2);
        assertTrue(bytes.length > ArrayShares.MIN_BYTES, "big enough to be cut: " + bytes.length);
        CanonicalArrayScan.Records scanned = CanonicalArrayScan.scan(bytes, true).orElseThrow();
        assertEquals(8000, scanned.size());
        CanonicalArrayScan.Records alone = CanonicalArrayScan.scan(bytes, false).orElseThrow(); // on one thread
        assertArrayEquals(alone.names(), scanned.names());
        assertArrayEquals(alone.starts(), scanned.starts());
        assertArrayEquals(alone.ends(), scanned.ends());
        for (int i = 0; i < 8000; i++) {
            assertEquals(String.format("task-md#%05d", 8000 - i), scanned.names()[i]);
        }
        Path file = dir.resolve("big.json");
        Files.write(file, bytes);
        assertArrayEquals(ordinary(file, SessionQuery.all()), listed(file, SessionQuery.all()));
    }

    @Test
    void aSessionNameTwiceIsReportedByNameAsBefore() throws Exception {
        Path file = dir.resolve("twice-small.json");
        Files.writeString(file, "[\n  {\n    \"session\": \"a\"\n  },\n  {\n    \"session\": \"a\"\n  }\n]");
        MalformedStoreException e = assertThrows(MalformedStoreException.class, () -> listed(file, SessionQuery.all()));
        assertTrue(e.getMessage().contains("'a'"), e.getMessage());
    }

    @Test
    void aNameTwiceInDifferentSharesOfALargeFileIsReportedByName() throws Exception {
        List<JsonValue> all = new ArrayList<>();
        for (int i = 0; i < 8000; i++) {
            all.add(TestRecords.rich(i == 7999 ? "task-md#00001" : String.format("task-md#%05d", i)).fields());
        }
        Path file = dir.resolve("twice.json");
        Files.write(file, JsonUtf8.bytes(new JsonValue.JsonArray(all), 2));
        MalformedStoreException e = assertThrows(MalformedStoreException.class, () -> listed(file, SessionQuery.all()));
        assertTrue(e.getMessage().contains("'task-md#00001'"), e.getMessage());
    }

    @Test
    void aBrokenLargeFileIsReportedAtItsLineAsBefore() throws Exception {
        List<JsonValue> all = new ArrayList<>();
        for (int i = 0; i < 8000; i++) {
            all.add(TestRecords.rich(String.format("task-md#%05d", i)).fields());
        }
        String text = new String(JsonUtf8.bytes(new JsonValue.JsonArray(all), 2), StandardCharsets.UTF_8);
        int at = text.indexOf("\"session\": \"task-md#06000\"");
        String broken = text.substring(0, at) + "\"session\" \"task-md#06000\"" + text.substring(at + 26);
        long line = broken.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        Path file = dir.resolve("broken.json");
        Files.writeString(file, broken);
        MalformedStoreException e = assertThrows(MalformedStoreException.class, () -> listed(file, SessionQuery.all()));
        assertTrue(e.getMessage().contains("line " + line + ","), e.getMessage());
    }

    @Test
    void filtersAndOtherOrdersTakeTheOrdinaryPathWithTheSameResult() throws Exception {
        Path file = copy("fixtures/messy-1000-with-3-invalid.json");
        for (SessionQuery q : List.of(SessionQuery.builder().text("fix").build(),
                SessionQuery.builder().sort(SessionQuery.SortField.CREATED_AT, true).page(0, 50).build(),
                SessionQuery.builder().sort(SessionQuery.SortField.SESSION, true).build())) {
            assertArrayEquals(ordinary(file, q), listed(file, q), q.toString());
        }
    }

    @Test
    void aPageParsedFromTheScannedTextAloneEqualsTheParsedPage() throws Exception {
        Path file = copy("fixtures/messy-1000-with-3-invalid.json");
        ScannedFile scanned = ScannedFile.of(FileState.stat(file),
                CanonicalArrayScan.scan(Files.readAllBytes(file), true).orElseThrow()).orElseThrow();
        List<SessionRecord> parsed = new JsonFileStore(file).list(SessionQuery.all());
        assertEquals(parsed.size(), scanned.size());
        assertEquals(parsed.subList(0, 100), scanned.page(0, 100));
        assertEquals(parsed.subList(950, parsed.size()), scanned.page(950, 100));
        assertEquals(List.of(), scanned.page(5000, 100));
        assertEquals(parsed.subList(0, 1), scanned.page(0, 1));
        scanned.write(0, 0, new ByteArrayOutputStream()); // sorts every name: pages then come from that order
        assertEquals(parsed.subList(0, 100), scanned.page(0, 100));
        assertEquals(parsed.subList(400, 1000), scanned.page(400, 600));
    }

    @Test
    void theWindowsFirstPageAndCountFromTheScanAgreeWithTheParseAndFollowChanges() throws Exception {
        Path file = copy("fixtures/messy-1000-with-3-invalid.json");
        JsonFileStore store = new JsonFileStore(file);
        SessionQuery first = SessionQuery.builder().page(0, 100).build();
        List<SessionRecord> page = store.list(first); // the window's first query: from the scan
        long count = store.count(SessionQuery.all());
        List<SessionRecord> all = JsonFileStore.readOnly(file).list(SessionQuery.all()); // parsed
        assertEquals(all.subList(0, 100), page);
        assertEquals(all.size(), count);
        assertEquals(all, store.list(SessionQuery.all())); // now parsed, from the bytes the scan read

        String name = "#000-" + all.get(0).session(); // sorts first
        new JsonFileStore(file).create(TestRecords.minimal(name));
        assertEquals(count + 1, store.count(SessionQuery.all()));
        assertEquals(name, store.list(first).get(0).session());
        JsonFileStore fresh = new JsonFileStore(file);
        assertEquals(name, fresh.list(first).get(0).session()); // from a scan of the changed file
        assertEquals(count + 1, fresh.count(SessionQuery.all()));
        assertEquals(JsonFileStore.readOnly(file).list(SessionQuery.all()).subList(0, 100), fresh.list(first));
    }

    @Test
    void aBrokenFilesFirstPageIsReportedAsBefore() throws Exception {
        Path file = copy("fixtures/bad/duplicate-session-names.json");
        MalformedStoreException e = assertThrows(MalformedStoreException.class,
                () -> new JsonFileStore(file).list(SessionQuery.builder().page(0, 100).build()));
        assertTrue(e.getMessage().contains("more than once"), e.getMessage());
        Path syntax = copy("fixtures/bad/syntax-error-line3.json");
        MalformedStoreException s = assertThrows(MalformedStoreException.class,
                () -> new JsonFileStore(syntax).count(SessionQuery.all()));
        assertTrue(s.getMessage().contains("line 3"), s.getMessage());
    }

    @Test
    void readBytesReadsFilesOfEverySize() throws Exception {
        Random random = new Random(7);
        for (int size : new int[] {0, 1, 1 << 20, (1 << 20) + 1, 3 * (1 << 20) - 5}) {
            byte[] content = new byte[size];
            random.nextBytes(content);
            Path file = dir.resolve("bytes-" + size);
            Files.write(file, content);
            assertArrayEquals(content, JsonFileStore.readBytes(file), "size " + size);
        }
    }

    private static JsonValue value(Random random, int depth) {
        int kind = random.nextInt(depth > 3 ? 6 : 8);
        switch (kind) {
            case 0:
                return JsonValue.of(text(random, 20, true));
            case 1:
                return new JsonValue.JsonNumber(List.of("0", "-1", "12345678901234567890", "1.5", "-0.25e-7", "6E+3")
                        .get(random.nextInt(6)));
            case 2:
                return random.nextBoolean() ? JsonValue.TRUE : JsonValue.FALSE;
            case 3:
                return JsonValue.NULL;
            case 4:
                return new JsonValue.JsonArray(List.of());
            case 5:
                return JsonValue.JsonObject.adopt(new LinkedHashMap<>());
            case 6: {
                List<JsonValue> elements = new ArrayList<>();
                for (int i = random.nextInt(4); i >= 0; i--) {
                    elements.add(value(random, depth + 1));
                }
                return new JsonValue.JsonArray(elements);
            }
            default: {
                Map<String, JsonValue> members = new LinkedHashMap<>();
                for (int i = random.nextInt(4); i >= 0; i--) {
                    members.put(text(random, 6, true), value(random, depth + 1));
                }
                return JsonValue.JsonObject.adopt(new LinkedHashMap<>(members));
            }
        }
    }

    /** Text with quotes, backslashes, control characters, accents, CJK and emoji (paired surrogates only). */
    private static String text(Random random, int max, boolean anything) {
        String alphabet = anything ? "ab \"\\/\b\f\n\r\t\u0001\u001f\u007fé✓代\u2028" : "abcxyz-#_.";
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(max); i >= 0; i--) {
            if (anything && random.nextInt(10) == 0) {
                s.append("😀");
            } else {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return s.toString();
    }
}
