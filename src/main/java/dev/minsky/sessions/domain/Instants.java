package dev.minsky.sessions.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * ISO-8601 instants as Minsky writes them ({@code 2025-07-01T09:00:00.000Z}, with or without millis or an offset).
 *
 * <p>Every record has a timestamp or two, and validation, the SQL columns and the migration's
 * verification all read them, so the common shape ({@code uuuu-MM-ddTHH:mm:ss}, an optional fraction
 * of 1–9 digits, {@code Z} or {@code ±HH:MM}) is read by hand; anything else, and any value out of
 * range, goes to {@code java.time}'s parsers, which decide. Both paths give the same answer.
 */
public final class Instants {
    private static final DateTimeFormatter MINSKY =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Instants() {
    }

    public static Optional<Instant> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        Instant fast = parseCommon(text);
        return fast != null ? Optional.of(fast) : parseJavaTime(text);
    }

    /** java.time's answer for any text: an ISO instant, else an ISO offset date-time, else none. */
    static Optional<Instant> parseJavaTime(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }

    /** The common shape, or null (then java.time decides: other shapes, leap seconds, errors). */
    static Instant parseCommon(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 9 && isDigit(s.charAt(i))) {
                nanos = nanos * 10 + (s.charAt(i) - '0');
                i++;
            }
            int count = i - start;
            if (count == 0 || (i < n && isDigit(s.charAt(i)))) {
                return null;
            }
            for (int k = count; k < 9; k++) {
                nanos *= 10;
            }
        }
        int offsetSeconds;
        if (i == n - 1 && s.charAt(i) == 'Z') {
            offsetSeconds = 0;
        } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int oh = digits(s, i + 1, 2);
            int om = digits(s, i + 4, 2);
            if (oh < 0 || oh > 18 || om < 0 || om > 59 || (oh == 18 && om > 0)) {
                return null;
            }
            offsetSeconds = (oh * 3600 + om * 60) * (s.charAt(i) == '-' ? -1 : 1);
        } else {
            return null;
        }
        if (day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        long secs = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
        return Instant.ofEpochSecond(secs, nanos);
    }

    /**
     * Whether {@code text} is an instant exactly as {@link #iso} writes it, so that {@code iso(parse(text))} is
     * {@code text} itself: the common shape (a four-digit year; {@link #parseCommon} decides the date and time) in
     * UTC ({@code Z}), with no fraction or one of 3, 6 or 9 digits whose last three are not all zero
     * ({@code 2025-07-01T09:00:00.146Z}). A migration's digests write a record's timestamps in that form; most are
     * already in it.
     */
    public static boolean isIso(String text) {
        int n = text.length();
        if ((n != 20 && n != 24 && n != 27 && n != 30) || text.charAt(n - 1) != 'Z') {
            return false;
        }
        if (n > 20 && text.charAt(n - 2) == '0' && text.charAt(n - 3) == '0' && text.charAt(n - 4) == '0') {
            return false; // iso would write fewer digits
        }
        return parseCommon(text) != null; // with n and the Z, its fraction is then all 3, 6 or 9 digits
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The number {@code count} ASCII digits at {@code from} spell, or -1. */
    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** The text Minsky writes for a new instant: UTC with milliseconds ({@code Date.toISOString()}). */
    public static String format(Instant instant) {
        char[] c = new char[24];
        if (!dateTime(instant, c, -719_162)) { // years 0001-9999, as Date.toISOString() writes them
            return MINSKY.format(instant);
        }
        c[19] = '.';
        put(c, 20, instant.getNano() / 1_000_000, 3);
        c[23] = 'Z';
        return new String(c);
    }

    /**
     * {@code instant.toString()}: UTC, the fraction in groups of three digits and none when it is zero
     * ({@code 2025-07-01T09:00:00Z}, {@code ...:00.120Z}, {@code ...:00.000001Z}). Written by hand for the
     * years 0000-9999 (a migration's digests write one per record); other years by {@code Instant}.
     */
    public static String iso(Instant instant) {
        int nano = instant.getNano();
        int fraction = nano == 0 ? 0 : nano % 1_000_000 == 0 ? 3 : nano % 1000 == 0 ? 6 : 9;
        char[] c = new char[fraction == 0 ? 20 : 21 + fraction];
        if (!dateTime(instant, c, -719_528)) { // from 0000-01-01
            return instant.toString();
        }
        if (fraction > 0) {
            c[19] = '.';
            put(c, 20, fraction == 3 ? nano / 1_000_000 : fraction == 6 ? nano / 1000 : nano, fraction);
        }
        c[c.length - 1] = 'Z';
        return new String(c);
    }

    /**
     * {@code uuuu-MM-ddTHH:mm:ss} of {@code instant} in UTC into {@code c[0..19)}; false (nothing written)
     * when its day is before epoch day {@code firstDay} or after 9999-12-31.
     */
    private static boolean dateTime(Instant instant, char[] c, long firstDay) {
        long secs = instant.getEpochSecond();
        long day = Math.floorDiv(secs, 86_400);
        if (day < firstDay || day >= 2_932_897) {
            return false;
        }
        LocalDate date = LocalDate.ofEpochDay(day);
        int inDay = (int) Math.floorMod(secs, 86_400);
        put(c, 0, date.getYear(), 4);
        c[4] = '-';
        put(c, 5, date.getMonthValue(), 2);
        c[7] = '-';
        put(c, 8, date.getDayOfMonth(), 2);
        c[10] = 'T';
        put(c, 11, inDay / 3600, 2);
        c[13] = ':';
        put(c, 14, inDay / 60 % 60, 2);
        c[16] = ':';
        put(c, 17, inDay % 60, 2);
        return true;
    }

    private static void put(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
