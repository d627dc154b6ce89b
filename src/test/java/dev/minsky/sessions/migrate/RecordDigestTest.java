package dev.minsky.sessions.migrate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.minsky.sessions.domain.JsonValue;
import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.store.TestRecords;
import dev.minsky.sessions.store.json.JsonValueParser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

/** The digest definition of ADR 5, pinned: other tools must be able to compute the same values. */
class RecordDigestTest {
    private static JsonValue json(String text) {
        return JsonValueParser.tryParse(text).orElseThrow();
    }

    @Test
    void canonicalFormSortsMembersNormalisesNumbersAndTimestamps() {
        JsonValue v = json("{\"b\":1.50,\"a\":\"x\\\"y\\n\",\"createdAt\":\"2025-07-01T11:00:00+02:00\","
                + "\"n\":{\"z\":1e3,\"y\":-0.0,\"x\":[true,null,\"é\"]},\"big\":123456789012345678901234567890}");
        assertEquals("{\"a\":\"x\\\"y\\u000a\",\"b\":1.5,\"big\":123456789012345678901234567890,"
                + "\"createdAt\":@2025-07-01T09:00:00Z,\"n\":{\"x\":[true,null,\"é\"],\"y\":0,\"z\":1E+3}}",
                RecordDigest.canonicalText(v));
    }

    @Test
    void recordDigestIsSha256OfTheCanonicalUtf8() throws Exception {
        SessionRecord r = TestRecords.rich("digest-me");
        byte[] expected = MessageDigest.getInstance("SHA-256")
                .digest(RecordDigest.canonicalText(r.fields()).getBytes(StandardCharsets.UTF_8));
        assertEquals(RecordDigest.hex(expected), RecordDigest.hex(RecordDigest.of(r)));
    }

    @Test
    void equalValuesWrittenDifferentlyHaveOneDigestAndAnyChangeAnother() {
        SessionRecord a = SessionRecord.of((JsonValue.JsonObject) json(
                "{\"session\":\"s\",\"n\":{\"k\":1.0,\"j\":[1,2]},\"createdAt\":\"2025-07-01T09:00:00.000Z\"}"));
        SessionRecord b = SessionRecord.of((JsonValue.JsonObject) json(
                "{\"createdAt\":\"2025-07-01T09:00:00Z\",\"n\":{\"j\":[1,2],\"k\":1},\"session\":\"s\"}"));
        SessionRecord c = SessionRecord.of((JsonValue.JsonObject) json(
                "{\"createdAt\":\"2025-07-01T09:00:00Z\",\"n\":{\"j\":[2,1],\"k\":1},\"session\":\"s\"}"));
        assertEquals(RecordDigest.hex(RecordDigest.of(a)), RecordDigest.hex(RecordDigest.of(b)));
        assertEquals(java.util.List.of(), RecordComparison.differences(a, b));
        assertNotEquals(RecordDigest.hex(RecordDigest.of(a)), RecordDigest.hex(RecordDigest.of(c)));
    }

    @Test
    void aPairHasEachRecordsOwnDigest() {
        SessionRecord a = SessionRecord.builder("pair").set("createdAt", "2025-07-01T09:00:00Z").set("n", JsonValue.of(1)).build();
        SessionRecord sameWrittenDifferently = SessionRecord.builder("pair").set("n", JsonValue.of(1))
                .set("createdAt", "2025-07-01T09:00:00.000Z").build();
        SessionRecord other = SessionRecord.builder("pair").set("createdAt", "2025-07-01T09:00:00Z").set("n", JsonValue.of(2)).build();
        byte[][] same = RecordDigest.ofPair(a, sameWrittenDifferently);
        assertArrayEquals(RecordDigest.of(a), same[0]);
        assertArrayEquals(RecordDigest.of(sameWrittenDifferently), same[1]);
        byte[][] differ = RecordDigest.ofPair(a, other);
        assertArrayEquals(RecordDigest.of(a), differ[0]);
        assertArrayEquals(RecordDigest.of(other), differ[1]);
        assertFalse(java.util.Arrays.equals(differ[0], differ[1]));
    }

    @Test
    void bothSidesDigestedTogetherGiveWhatASetDigestPerSideGives() {
        java.util.Random random = new java.util.Random(42);
        RecordDigest.SetDigest source = new RecordDigest.SetDigest();
        RecordDigest.SetDigest target = new RecordDigest.SetDigest();
        RecordDigest.SetPair pair = new RecordDigest.SetPair();
        for (int i = 0; i < 3000; i++) {
            String name = (random.nextBoolean() ? "task#" : "fix-ü-") + random.nextInt(1_000_000) + "-" + i;
            byte[] s = new byte[32];
            random.nextBytes(s);
            byte[] t = random.nextInt(10) == 0 ? null : (random.nextBoolean() ? s : new byte[32]);
            source.add(name, s);
            if (t != null) {
                target.add(name, t);
            }
            pair.add(name, s, t);
        }
        byte[][] both = pair.digests();
        assertArrayEquals(source.digest(), both[0]);
        assertArrayEquals(target.digest(), both[1]);
    }

    @Test
    void setDigestDoesNotDependOnOrder() {
        RecordDigest.SetDigest one = new RecordDigest.SetDigest();
        RecordDigest.SetDigest two = new RecordDigest.SetDigest();
        byte[] x = RecordDigest.of(TestRecords.minimal("x"));
        byte[] y = RecordDigest.of(TestRecords.minimal("y"));
        one.add("x", x);
        one.add("y", y);
        two.add("y", y);
        two.add("x", x);
        assertEquals(RecordDigest.hex(one.digest()), RecordDigest.hex(two.digest()));
    }
}
