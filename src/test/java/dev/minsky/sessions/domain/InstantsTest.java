package dev.minsky.sessions.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written fast path answers exactly as java.time's parsers and formatter do. */
class InstantsTest {

    /** What {@link Instants#parse} answered before it had a fast path: java.time alone. */
    private static Optional<Instant> reference(String text) {
        return Instants.parseJavaTime(text);
    }

    /** Every shape the fast path reads, and mistakes at each place in it. */
    private static final List<String> SHAPES_AND_MISTAKES = List.of(
            "2025-07-01T09:00:00.000Z", "2025-07-01T09:00:00Z", "2025-07-01T09:00:00.1Z",
            "2025-07-01T09:00:00.123456789Z", "2025-07-01T09:00:00.1234567891Z", "2025-07-01T09:00:00.Z",
            "2025-07-01T09:00:00+02:00", "2025-07-01T09:00:00.5-05:30", "2025-07-01T09:00:00+18:00",
            "2025-07-01T09:00:00+18:01", "2025-07-01T09:00:00+19:00", "2025-07-01T09:00:00+0200",
            "2024-02-29T00:00:00Z", "2025-02-29T00:00:00Z", "2025-04-31T00:00:00Z", "2025-13-01T00:00:00Z",
            "2025-00-10T00:00:00Z", "2025-07-00T00:00:00Z", "2025-07-01T24:00:00Z", "2025-07-01T23:60:00Z",
            "2025-07-01T23:59:60Z", "2025-07-01 09:00:00Z", "2025-07-01T09:00:00", "2025-07-01T09:00Z",
            "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z", "+12025-07-01T09:00:00Z", "2025-7-01T09:00:00Z",
            "2025-07-01T09:00:00z", "2025-07-01T09:00:00.000Zjunk", "2025-07-01T09:00:00.000 Z",
            "1969-12-31T23:59:59.999Z", "2025-07-01t09:00:00Z", "not a timestamp at all, no");

    /** Nanoseconds of each precision in turn: none, milliseconds, microseconds, any. */
    private static int nanosOfPrecision(SplittableRandom random, int i) {
        return switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1000;
            default -> random.nextInt(1_000_000_000);
        };
    }

    @Test
    void agreesWithJavaTimeOnEveryShapeAndMistake() {
        for (String t : SHAPES_AND_MISTAKES) {
            assertEquals(reference(t), Instants.parse(t), t);
        }
    }

    @Test
    void agreesWithJavaTimeOnRandomInstants() {
        SplittableRandom random = new SplittableRandom(7);
        DateTimeFormatter minsky = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_799L),
                    random.nextInt(1_000_000_000));
            String text = minsky.format(instant);
            assertEquals(text, Instants.format(instant), instant.toString());
            assertEquals(reference(text), Instants.parse(text), text);
            String iso = instant.toString();
            assertEquals(reference(iso), Instants.parse(iso), iso);
            String offset = OffsetDateTime.ofInstant(instant, ZoneOffset.ofHoursMinutes(-(i % 13), -(i % 2) * 30))
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            assertEquals(reference(offset), Instants.parse(offset), offset);
        }
    }

    @Test
    void leavesOtherShapesToJavaTime() {
        assertNull(Instants.parseCommon("2025-07-01T23:59:60Z"));
        assertNull(Instants.parseCommon("2025-02-29T00:00:00Z"));
        assertEquals(Instant.parse("2025-07-01T07:00:00Z"), Instants.parseCommon("2025-07-01T09:00:00+02:00"));
    }

    @Test
    void isoIsInstantToStringInEveryYearAndPrecision() {
        SplittableRandom random = new SplittableRandom(5);
        List<Instant> edges = List.of(Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("-0001-12-31T23:59:59.5Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.EPOCH, Instant.parse("1969-12-31T23:59:59.000001Z"), Instant.MIN, Instant.MAX);
        for (Instant t : edges) {
            assertEquals(t.toString(), Instants.iso(t));
        }
        for (int i = 0; i < 40_000; i++) {
            long seconds = random.nextLong(-62_300_000_000L, 253_500_000_000L); // a little past 0000 and 9999
            Instant t = Instant.ofEpochSecond(seconds, nanosOfPrecision(random, i));
            assertEquals(t.toString(), Instants.iso(t));
        }
    }

    /**
     * {@code isIso} (the digests' shortcut) is true exactly for a text of the common shape (a four-digit year) that
     * parses to an instant whose ISO form is the text itself: on every shape and mistake above, on instants' own texts in every precision, and on those texts
     * with one character changed.
     */
    @Test
    void isIsoIsTrueExactlyForTextsThatAreTheirInstantsIsoForm() {
        SplittableRandom random = new SplittableRandom(13);
        List<String> texts = new java.util.ArrayList<>(SHAPES_AND_MISTAKES);
        texts.addAll(List.of( // the fractions iso shortens, leap days, and more mistakes where a fraction goes
                "2025-07-01T09:00:00.100Z", "2025-07-01T09:00:00.120000Z", "2025-07-01T09:00:00.123000Z",
                "2025-07-01T09:00:00.123400Z", "2025-07-01T09:00:00.000000001Z", "2025-07-01T09:00:00.123456000Z",
                "2000-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "0000-02-29T00:00:00Z", "2025-04-30T23:59:59.999Z",
                "9999-12-31T23:59:59.999999999Z", "2025-07-01T09:00:00+00:00", "2025-07-01T09:00:00.1234Z",
                "2025-07-01T09:00:00.12a Z", "2025-07-01T09:00:00,123Z", "2025-07-01T09:00:00.12-Z",
                "+2025-07-01T09:00:00Z"));
        for (int i = 0; i < 20_000; i++) {
            String own = Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, 253_402_300_800L),
                    nanosOfPrecision(random, i)).toString();
            texts.add(own);
            char[] changed = own.toCharArray();
            changed[random.nextInt(changed.length)] = "0123456789-:.TZ x+".charAt(random.nextInt(18));
            texts.add(new String(changed));
        }
        for (String t : texts) {
            Optional<Instant> parsed = Instants.parse(t);
            // a year outside 0000-9999 is written with its sign (+12025-...): not the common shape, the long way
            boolean own = parsed.isPresent() && Instants.iso(parsed.get()).equals(t) && Character.isDigit(t.charAt(0));
            assertEquals(own, Instants.isIso(t), t);
        }
    }
}
