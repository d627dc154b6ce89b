package dev.minsky.sessions.store.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.minsky.sessions.domain.JsonValue;
import dev.minsky.sessions.domain.SessionQuery;
import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.store.MalformedStoreException;
import dev.minsky.sessions.store.TestRecords;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files big enough for the parallel parser: the same records, and the same precise errors, as the sequential one. */
class LargeFileTest {
    @TempDir
    Path dir;

    private static byte[] bigFile(int records) {
        List<JsonValue> all = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            all.add(TestRecords.rich(String.format("task-md#%05d", i)).fields());
        }
        return dev.minsky.sessions.domain.JsonUtf8.bytes(new JsonValue.JsonArray(all), 2);
    }

    @Test
    void aLargeFileReadsAndWritesBackByteForByte() throws Exception {
        byte[] bytes = bigFile(8000);
        assertTrue(bytes.length > ArrayShares.MIN_BYTES, "big enough for the parallel path: " + bytes.length);
        assertTrue(ParallelArrayParser.parse(bytes).isPresent(), "the parallel path is taken");
        Path file = dir.resolve("big.json");
        Files.write(file, bytes);
        JsonFileStore store = new JsonFileStore(file);
        assertEquals(8000, store.count(SessionQuery.all()));
        assertEquals(TestRecords.rich("task-md#04321"), store.get("task-md#04321").orElseThrow());
        List<SessionRecord> all;
        try (Stream<SessionRecord> s = store.streamAll()) {
            all = s.toList();
        }
        store.writeBatch(all);
        assertArrayEquals(bytes, Files.readAllBytes(file));
    }

    @Test
    void anErrorDeepInALargeFileIsReportedAtItsLine() throws Exception {
        String text = new String(bigFile(8000), StandardCharsets.UTF_8);
        int at = text.indexOf("\"session\": \"task-md#06000\"");
        String broken = text.substring(0, at) + "\"session\" \"task-md#06000\"" + text.substring(at + 26);
        long line = broken.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        Path file = dir.resolve("broken.json");
        Files.writeString(file, broken);
        byte[] brokenBytes = broken.getBytes(StandardCharsets.UTF_8);
        assertTrue(ParallelArrayParser.parse(brokenBytes).isEmpty());
        assertEquals(broken, new String(brokenBytes, StandardCharsets.UTF_8), "a failed parallel parse puts the bytes back");
        MalformedStoreException e = assertThrows(MalformedStoreException.class,
                () -> new JsonFileStore(file).count(SessionQuery.all()));
        assertTrue(e.getMessage().contains("line " + line + ","), e.getMessage());
    }

    @Test
    void aBoundaryPatternInsideAStringDoesNotFoolTheSplit() throws Exception {
        List<JsonValue> all = new ArrayList<>();
        for (int i = 0; i < 8000; i++) {
            // escaped newlines only: a raw newline can never be inside a JSON string
            all.add(TestRecords.minimal("s" + i).toBuilder().set("note", JsonValue.of("},\n  {\n" + "x".repeat(400)))
                    .build().fields());
        }
        byte[] bytes = dev.minsky.sessions.domain.JsonUtf8.bytes(new JsonValue.JsonArray(all), 2);
        assertEquals(all, ParallelArrayParser.parse(bytes).orElseThrow());
    }
}
