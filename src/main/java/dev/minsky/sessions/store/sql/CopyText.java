package dev.minsky.sessions.store.sql;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Rows in PostgreSQL's {@code COPY ... FROM STDIN} text format: one line per row, values separated
 * by a tab, {@code \N} for NULL, and in text a backslash, tab, newline and carriage return written
 * as {@code \\}, {@code \t}, {@code \n}, {@code \r}. Since every backslash of a value is doubled, no
 * value can end the data early ({@code \.}) or start an octal or hex escape. Every other character,
 * control characters and any Unicode included, is sent as it is, in UTF-8 (PgJDBC's client encoding).
 *
 * <p>The values are those {@link TableLayout#encode} makes for the writable columns: text, a
 * {@link Long}, a {@link Boolean}, an {@link OffsetDateTime} (timestamptz) or a {@link UUID}. The
 * server converts each with its column type's input function, as it does a bound parameter.
 */
final class CopyText {
    private CopyText() {
    }

    /**
     * One row's line, {@code values} in the column order the COPY statement names, with its newline,
     * in UTF-8. Rows are encoded one by one so that they can be encoded on several threads and
     * joined later; a newline ends each, so no character spans two.
     */
    static byte[] line(Object[] values) {
        StringBuilder text = new StringBuilder(512);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append('\t');
            }
            value(text, values[i]);
        }
        text.append('\n');
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static void value(StringBuilder out, Object v) {
        if (v == null) {
            out.append("\\N");
        } else if (v instanceof String s) {
            text(out, s);
        } else if (v instanceof Long || v instanceof Integer) {
            out.append(v);
        } else if (v instanceof Boolean b) {
            out.append(b ? 't' : 'f');
        } else if (v instanceof OffsetDateTime t) {
            instant(out, t);
        } else if (v instanceof UUID u) {
            out.append(u);
        } else {
            throw new IllegalArgumentException("no COPY text form for a " + v.getClass().getName());
        }
    }

    static void text(StringBuilder out, String s) {
        int n = s.length();
        int from = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            char escaped = switch (c) {
                case '\\' -> '\\';
                case '\t' -> 't';
                case '\n' -> 'n';
                case '\r' -> 'r';
                default -> 0;
            };
            if (escaped != 0) {
                out.append(s, from, i).append('\\').append(escaped);
                from = i + 1;
            }
        }
        out.append(s, from, n);
    }

    /**
     * {@code 2025-07-01 09:00:00.123456+00}: ISO order, which the server reads the same under every
     * {@code DateStyle}; microseconds (what timestamptz keeps) rounded half up from the nanoseconds,
     * as PgJDBC rounds a bound {@code OffsetDateTime}; years before 1 as {@code BC} (year 0 is 1 BC).
     */
    static void instant(StringBuilder out, OffsetDateTime t) {
        OffsetDateTime utc = t.withOffsetSameInstant(ZoneOffset.UTC);
        int nanos = utc.getNano();
        int micros = (nanos + 500) / 1000;
        if (micros == 1_000_000) {
            utc = utc.plusSeconds(1);
            micros = 0;
        }
        int year = utc.getYear();
        boolean bc = year <= 0;
        pad(out, bc ? 1 - year : year, 4);
        out.append('-');
        pad(out, utc.getMonthValue(), 2);
        out.append('-');
        pad(out, utc.getDayOfMonth(), 2);
        out.append(' ');
        pad(out, utc.getHour(), 2);
        out.append(':');
        pad(out, utc.getMinute(), 2);
        out.append(':');
        pad(out, utc.getSecond(), 2);
        if (micros != 0) {
            out.append('.');
            pad(out, micros, 6);
        }
        out.append("+00");
        if (bc) {
            out.append(" BC");
        }
    }

    private static void pad(StringBuilder out, long value, int width) {
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        out.append(digits);
    }
}
