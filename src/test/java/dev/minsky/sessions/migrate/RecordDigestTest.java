package dev.minsky.sessions.migrate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.minsky.sessions.domain.JsonValue;
import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.store.TestRecords;
import dev.minsky.sessions.store.json.JsonValueParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /** Timestamps are written into the canonical form by hand: always as {@code Instant.toString()} would. */
    @Test
    void timestampsAreWrittenAsInstantToStringWouldWriteThem() {
        java.util.Random random = new java.util.Random(11);
        java.util.List<java.time.Instant> instants = new java.util.ArrayList<>(java.util.List.of(
                java.time.Instant.parse("0000-01-01T00:00:00Z"), java.time.Instant.parse("9999-12-31T23:59:59.999999999Z"),
                java.time.Instant.parse("1969-12-31T23:59:59.5Z"), java.time.Instant.EPOCH,
                java.time.Instant.parse("2024-02-29T12:00:00.000100Z"), java.time.Instant.parse("2025-07-01T09:00:00.010Z")));
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(-62_167_219_200L, 253_402_300_800L); // years 0000-9999
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            instants.add(java.time.Instant.ofEpochSecond(seconds, nano));
        }
        for (java.time.Instant t : instants) {
            String expected = "{\"createdAt\":@" + t + "}";
            // Minsky's own form (milliseconds), the instant's own text, and the same instant at an offset
            for (String written : java.util.List.of(t.toString(),
                    t.atOffset(java.time.ZoneOffset.ofHours(5)).toString())) {
                if (RecordComparison.instant(written).isEmpty()) { // not read as a timestamp (+10000-...)
                    continue;
                }
                assertEquals(expected, RecordDigest.canonicalText(new JsonValue.JsonObject(
                        java.util.Map.of("createdAt", JsonValue.of(written)))), written);
            }
        }
    }

    @Test
    void recordDigestIsSha256OfTheCanonicalUtf8() throws Exception {
        SessionRecord r = TestRecords.rich("digest-me");
        byte[] expected = MessageDigest.getInstance("SHA-256")
                .digest(RecordDigest.canonicalText(r.fields()).getBytes(StandardCharsets.UTF_8));
        assertEquals(RecordDigest.hex(expected), RecordDigest.hex(RecordDigest.of(r)));
    }

    /** Texts are written as they are where JSON allows, and escaped only where it requires. */
    @Test
    void textsAreEscapedOnlyWhereJsonRequires() {
        String text = "a?b \u007f\u00e9\u00ff\u0100\u4e2d\ud83d\ude00\ud800|\u001f\"\\/";
        JsonValue.JsonObject v = new JsonValue.JsonObject(java.util.Map.of("t", JsonValue.of(text)));
        assertEquals("{\"t\":\"a?b \u007f\u00e9\u00ff\u0100\u4e2d\ud83d\ude00\\ud800|\\u001f\\\"\\\\/\"}",
                RecordDigest.canonicalText(v));
        for (String plain : java.util.List.of("", "plain", "https://github.com/edobry/minsky/pull/386", "a?b")) {
            assertEquals("{\"t\":\"" + plain + "\"}", RecordDigest.canonicalText(
                    new JsonValue.JsonObject(java.util.Map.of("t", JsonValue.of(plain)))));
        }
    }

    /**
     * A record's digest is its canonical form's, whatever objects the digesting thread saw before (it keeps the
     * member order of the shapes it met): thousands of shapes, the same names in other orders, nested and top-level.
     */
    @Test
    void digestsDoNotDependOnTheShapesDigestedBefore() throws Exception {
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        String[] names = {"session", "repoName", "createdAt", "taskId", "branch", "a", "b", "Z", "é", "k?", "中", "x"};
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < 5_000; i++) {
            java.util.LinkedHashMap<String, JsonValue> top = new java.util.LinkedHashMap<>();
            java.util.LinkedHashMap<String, JsonValue> nested = new java.util.LinkedHashMap<>();
            for (int k = random.nextInt(1, 9); k > 0; k--) {
                top.put(names[random.nextInt(names.length)], JsonValue.of("v" + random.nextInt(3)));
                nested.put(names[random.nextInt(names.length)], JsonValue.of(random.nextInt(3)));
            }
            top.putIfAbsent("session", JsonValue.of("s" + i));
            top.put("nested", new JsonValue.JsonObject(nested));
            SessionRecord r = SessionRecord.of(new JsonValue.JsonObject(top));
            byte[] expected = sha.digest(RecordDigest.canonicalText(r.fields()).getBytes(StandardCharsets.UTF_8));
            assertEquals(RecordDigest.hex(expected), RecordDigest.hex(RecordDigest.of(r)), r.fields().toJson());
        }
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
    void aKeptCanonicalFormGivesTheRecordsDigestAndTheTargetsOwn(@TempDir Path dir) {
        SessionRecord a = SessionRecord.builder("kept").set("createdAt", "2025-07-01T09:00:00Z").set("n", JsonValue.of(1)).build();
        SessionRecord sameWrittenDifferently = SessionRecord.builder("kept").set("n", JsonValue.of(1))
                .set("createdAt", "2025-07-01T09:00:00.000Z").build();
        SessionRecord other = SessionRecord.builder("kept").set("createdAt", "2025-07-01T09:00:00Z").set("n", JsonValue.of(2)).build();
        SessionRecord big = SessionRecord.builder("big").set("text", "é\u2028".repeat(400_000)).build(); // > 1 MB
        try (CanonicalSpill spill = CanonicalSpill.open(dir)) {
            spill.append(new byte[] {9, 9}, 0, 2); // kept forms need not start the file
            int first = RecordDigest.writeCanonical(a, spill);
            int second = RecordDigest.writeCanonical(big, spill);
            spill.finishWriting();
            byte[] kept = spill.read(new byte[0], 2 + first + second);
            byte[][] same = RecordDigest.ofKept(kept, 2, first, sameWrittenDifferently);
            assertArrayEquals(RecordDigest.of(a), same[0]);
            assertSame(same[0], same[1], "the same bytes: hashed once, one array");
            byte[][] differ = RecordDigest.ofKept(kept, 2, first, other);
            assertArrayEquals(RecordDigest.of(a), differ[0]);
            assertArrayEquals(RecordDigest.of(other), differ[1]);
            byte[][] missing = RecordDigest.ofKept(kept, 2, first, null);
            assertArrayEquals(RecordDigest.of(a), missing[0]);
            assertNull(missing[1]);
            byte[][] large = RecordDigest.ofKept(kept, 2 + first, second, big);
            assertArrayEquals(RecordDigest.of(big), large[0]);
            assertSame(large[0], large[1]);
        }
    }

    /** ADR 5's definition, computed here on its own: SHA-256 over, in name order, name, a zero byte, digest. */
    private static byte[] setDigest(java.util.SortedMap<String, byte[]> digests) throws Exception {
        java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
        for (var e : digests.entrySet()) {
            md.update(e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(e.getValue());
        }
        return md.digest();
    }

    @Test
    void bothSetDigestsFollowTheDefinitionWhateverTheOrderOfAdding() throws Exception {
        java.util.Random random = new java.util.Random(42);
        java.util.SortedMap<String, byte[]> source = new java.util.TreeMap<>();
        java.util.SortedMap<String, byte[]> target = new java.util.TreeMap<>();
        RecordDigest.SetPair pair = new RecordDigest.SetPair();
        for (int i = 0; i < 3000; i++) {
            // names that need UTF-16 and sort differently by code unit than by byte: the order is String's
            String name = (random.nextBoolean() ? "task#" : random.nextBoolean() ? "fix-ü-" : "\ud83d\ude00-")
                    + random.nextInt(1_000_000) + "-" + i;
            byte[] s = new byte[32];
            random.nextBytes(s);
            byte[] t = random.nextInt(10) == 0 ? null : (random.nextBoolean() ? s : new byte[32]);
            source.put(name, s);
            if (t != null) {
                target.put(name, t);
            }
            pair.add(name, s, t);
        }
        byte[][] both = pair.digests();
        assertArrayEquals(setDigest(source), both[0]);
        assertArrayEquals(setDigest(target), both[1]);
    }

    @Test
    void whenTheTargetHasEverySourceDigestBothSetDigestsAreTheDefinitionsToo() throws Exception {
        java.util.Random random = new java.util.Random(7);
        java.util.SortedMap<String, byte[]> source = new java.util.TreeMap<>();
        RecordDigest.SetPair pair = new RecordDigest.SetPair();
        for (int i = 0; i < 5000; i++) {
            // one name far longer than the 64 KiB pieces the digest is fed in
            String name = i == 1234 ? "long-" + "\u00e9".repeat(40_000) : "\ud83d\ude00-" + random.nextInt(1_000_000) + "-" + i;
            byte[] s = new byte[32];
            random.nextBytes(s);
            source.put(name, s);
            pair.add(name, s, s.clone());
        }
        byte[][] both = pair.digests();
        assertArrayEquals(setDigest(source), both[0]);
        assertArrayEquals(setDigest(source), both[1]);
        both[0][0]++;
        assertArrayEquals(setDigest(source), both[1], "two arrays: changing one leaves the other");
    }

    @Test
    void entriesAddedInNameOrderGiveTheDefinitionsDigestsAsTheyComeAndWhenTheyStopComingSoOrAlike() throws Exception {
        java.util.Random random = new java.util.Random(11);
        java.util.SortedMap<String, byte[]> source = new java.util.TreeMap<>();
        for (int i = 0; i < 4000; i++) {
            // String's order, not UTF-8's: the emoji's surrogates sort before U+FFFD by code unit, after it by code point
            String name = (i % 3 == 0 ? "\ud83d\ude00-" : i % 3 == 1 ? "\ufffd-" : "task#") + random.nextInt(1_000_000) + "-" + i;
            byte[] d = new byte[32];
            random.nextBytes(d);
            source.put(name, d);
        }
        String lastName = source.lastKey();
        byte[] otherDigest = new byte[32];
        for (String ending : List.of("alike", "out of order", "different", "missing")) {
            RecordDigest.SetPair pair = new RecordDigest.SetPair();
            java.util.SortedMap<String, byte[]> target = new java.util.TreeMap<>(source);
            for (var e : source.entrySet()) {
                if (!e.getKey().equals(lastName)) {
                    pair.add(e.getKey(), e.getValue(), e.getValue().clone());
                }
            }
            byte[] last = source.get(lastName);
            switch (ending) {
                case "alike" -> pair.add(lastName, last, last);
                case "out of order" -> {
                    RecordDigest.SetPair reordered = new RecordDigest.SetPair();
                    reordered.add(lastName, last, last);
                    source.forEach((n, d) -> {
                        if (!n.equals(lastName)) {
                            reordered.add(n, d, d);
                        }
                    });
                    pair = reordered;
                }
                case "different" -> {
                    pair.add(lastName, last, otherDigest);
                    target.put(lastName, otherDigest);
                }
                default -> {
                    pair.add(lastName, last, null);
                    target.remove(lastName);
                }
            }
            byte[][] both = pair.digests();
            assertArrayEquals(setDigest(source), both[0], ending);
            assertArrayEquals(setDigest(target), both[1], ending);
            assertArrayEquals(both[0], pair.digests()[0], ending + ": asked twice, the same");
        }
    }

    @Test
    void setDigestDoesNotDependOnOrder() {
        RecordDigest.SetPair one = new RecordDigest.SetPair();
        RecordDigest.SetPair two = new RecordDigest.SetPair();
        byte[] x = RecordDigest.of(TestRecords.minimal("x"));
        byte[] y = RecordDigest.of(TestRecords.minimal("y"));
        one.add("x", x, y);
        one.add("y", y, null);
        two.add("y", y, null);
        two.add("x", x, y);
        assertEquals(RecordDigest.hex(one.digests()[0]), RecordDigest.hex(two.digests()[0]));
        assertEquals(RecordDigest.hex(one.digests()[1]), RecordDigest.hex(two.digests()[1]));
    }
}
