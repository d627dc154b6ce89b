package dev.minsky.sessions.store.sql;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
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
     * joined later; a newline ends each, so no character spans two. The bytes are written straight into
     * a buffer of the thread's (no text built first and encoded after): a migration writes 100,000 lines.
     */
    static byte[] line(Object[] values) {
        Line line = LINE.get();
        line.size = 0;
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.put((byte) '\t');
            }
            line.value(values[i]);
        }
        line.put((byte) '\n');
        byte[] out = Arrays.copyOf(line.buf, line.size);
        if (line.buf.length > 1 << 20) {
            line.buf = new byte[1024]; // do not keep a huge row's buffer for the rest of the run
        }
        return out;
    }

    private static final ThreadLocal<Line> LINE = ThreadLocal.withInitial(Line::new);

    /** A line's UTF-8 bytes as they are written: one per thread, reused. */
    private static final class Line {
        private byte[] buf = new byte[1024];
        private int size;

        void value(Object v) {
            if (v == null) {
                put((byte) '\\');
                put((byte) 'N');
            } else if (v instanceof String s) {
                text(s);
            } else if (v instanceof Long || v instanceof Integer) {
                ascii(v.toString());
            } else if (v instanceof Boolean b) {
                put((byte) (b ? 't' : 'f'));
            } else if (v instanceof OffsetDateTime t) {
                instant(t);
            } else if (v instanceof UUID u) {
                ascii(u.toString());
            } else {
                throw new IllegalArgumentException("no COPY text form for a " + v.getClass().getName());
            }
        }

        /**
         * A text's UTF-8 bytes, a backslash, tab, newline and carriage return escaped. Those four are single bytes
         * that no other character's UTF-8 form contains, so the escaping runs over the bytes.
         */
        void text(String s) {
            // Most texts are ASCII without those four: each character is its own byte, written straight into the
            // buffer; from the first other character on, the rest goes through its UTF-8 bytes
            int n = s.length();
            ensure(n);
            byte[] b = buf;
            int at = size;
            int i = 0;
            for (; i < n; i++) {
                char c = s.charAt(i);
                if (c >= 0x80 || c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                    break;
                }
                b[at++] = (byte) c;
            }
            size = at;
            if (i < n) {
                escaped((i == 0 ? s : s.substring(i)).getBytes(StandardCharsets.UTF_8));
            }
        }

        private void escaped(byte[] utf8) {
            ensure(utf8.length * 2);
            for (byte b : utf8) {
                byte escaped = switch (b) {
                    case '\\' -> (byte) '\\';
                    case '\t' -> (byte) 't';
                    case '\n' -> (byte) 'n';
                    case '\r' -> (byte) 'r';
                    default -> 0;
                };
                if (escaped != 0) {
                    buf[size++] = '\\';
                    buf[size++] = escaped;
                } else {
                    buf[size++] = b;
                }
            }
        }

        /**
         * {@code 2025-07-01 09:00:00.123456+00}: ISO order, which the server reads the same under every
         * {@code DateStyle}; microseconds (what timestamptz keeps) rounded half up from the nanoseconds,
         * as PgJDBC rounds a bound {@code OffsetDateTime}; years before 1 as {@code BC} (year 0 is 1 BC).
         */
        void instant(OffsetDateTime t) {
            OffsetDateTime utc = t.withOffsetSameInstant(ZoneOffset.UTC);
            int nanos = utc.getNano();
            int micros = (nanos + 500) / 1000;
            if (micros == 1_000_000) {
                utc = utc.plusSeconds(1);
                micros = 0;
            }
            int year = utc.getYear();
            boolean bc = year <= 0;
            digits(bc ? 1 - year : year, 4);
            put((byte) '-');
            digits(utc.getMonthValue(), 2);
            put((byte) '-');
            digits(utc.getDayOfMonth(), 2);
            put((byte) ' ');
            digits(utc.getHour(), 2);
            put((byte) ':');
            digits(utc.getMinute(), 2);
            put((byte) ':');
            digits(utc.getSecond(), 2);
            if (micros != 0) {
                put((byte) '.');
                digits(micros, 6);
            }
            ascii("+00");
            if (bc) {
                ascii(" BC");
            }
        }

        /** {@code value} (not negative) in decimal, with leading zeros to {@code width} digits at least. */
        private void digits(int value, int width) {
            int length = 1;
            for (int v = value; v >= 10; v /= 10) {
                length++;
            }
            length = Math.max(length, width);
            ensure(length);
            for (int i = size + length - 1, v = value; i >= size; i--, v /= 10) {
                buf[i] = (byte) ('0' + v % 10);
            }
            size += length;
        }

        private void ascii(String s) {
            ensure(s.length());
            for (int i = 0; i < s.length(); i++) {
                buf[size++] = (byte) s.charAt(i);
            }
        }

        void put(byte b) {
            ensure(1);
            buf[size++] = b;
        }

        private void ensure(int more) {
            if (size + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
            }
        }
    }
}
