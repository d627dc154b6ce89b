package dev.minsky.sessions.store.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Finds the records of a session file that is, byte for byte, what {@code JSON.stringify(sessions, null, 2)}
 * writes (Minsky's own format, and what {@link JsonDocument#render()} writes), without building a value.
 *
 * <p>In such a file each record's text is already exactly what {@code list --format json} prints for it, so
 * the listing can copy the bytes instead of parsing 100,000 records into objects and rendering them again
 * (issue 2; see docs/benchmarks.md). The scan checks everything that the parse and the render would
 * check or change:
 * <ul>
 *   <li>the layout: a bare top-level array, each record an object, 2-space indentation, {@code ": "} after a
 *       name, no other whitespace, at most one newline after the closing bracket;</li>
 *   <li>strings: valid UTF-8 (no encoded surrogates), no raw control character, and only the escapes
 *       {@code JSON.stringify} writes ({@code \" \\ \b \f \n \r \t} and {@code \}{@code u00xx} in lower case for the
 *       other control characters);</li>
 *   <li>numbers by JSON's grammar (their literal is kept as written either way), {@code true}, {@code false},
 *       {@code null};</li>
 *   <li>no name twice in one object, and the parser's limits (nesting depth, number length);</li>
 *   <li>each record's {@code "session"} is a non-blank text, and no name occurs twice in the file.</li>
 * </ul>
 * It answers empty at the first thing it does not accept, whatever the reason: the caller then takes the
 * ordinary path, which parses the file and reports any error with its line and column. A file this accepts is
 * therefore listed the same either way; {@code CanonicalArrayScanTest} compares the two on every fixture and on
 * random values.
 */
final class CanonicalArrayScan {
    /** Deeper than this, Jackson's limit (1,000) is near: leave such files to the parser. */
    private static final int MAX_DEPTH = 900;
    /** Jackson's default limit on a number's length (StreamReadConstraints). */
    private static final int MAX_NUMBER_LENGTH = 1000;
    private static final byte[] SESSION_KEY = "\"session\"".getBytes(StandardCharsets.US_ASCII);

    /** The records of a canonical file: for record {@code i} of the file, its name and the bytes {@code [start, end)}. */
    record Records(byte[] bytes, String[] names, int[] starts, int[] ends) {
        int size() {
            return names.length;
        }
    }

    /** Thrown (without a stack trace) at the first byte the scan does not accept. */
    private static final class NotCanonical extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotCanonical() {
            super(null, null, false, false);
        }
    }

    private static final NotCanonical NO = new NotCanonical();

    private final byte[] b;
    private final int n;
    private int pos;

    private CanonicalArrayScan(byte[] b, int n) {
        this.b = b;
        this.n = n;
    }

    /**
     * The records of {@code bytes} when the file is canonical (see the class comment), else empty; a large file is
     * scanned in shares on every core ({@link ArrayShares}) when {@code everyCore}, otherwise on this thread alone.
     */
    static Optional<Records> scan(byte[] bytes, boolean everyCore) {
        int n = bytes.length;
        if (n > 0 && bytes[n - 1] == '\n') {
            n--;
        }
        if (n < 2 || bytes[0] != '[') {
            return Optional.empty();
        }
        if (n == 2) {
            return bytes[1] == ']' ? Optional.of(new Records(bytes, new String[0], new int[0], new int[0]))
                    : Optional.empty();
        }
        List<Integer> cuts = everyCore ? ArrayShares.cuts(bytes, n) : List.of();
        int length = n;
        return ArrayShares.inShares(cuts, "json-scan", (from, stop) -> part(bytes, length, from, stop))
                .map(parts -> parts.size() == 1 ? parts.get(0) : concat(bytes, parts));
    }

    /**
     * The records from {@code from} (just after the opening bracket or a comma) up to the comma at {@code stop},
     * or with {@code stop < 0} up to the closing bracket at the end; null if that is not canonical.
     */
    private static Records part(byte[] bytes, int n, int from, int stop) {
        try {
            return new CanonicalArrayScan(bytes, n).records(from, stop);
        } catch (NotCanonical | IndexOutOfBoundsException e) {
            return null;
        }
    }

    private static Records concat(byte[] bytes, List<Records> parts) {
        int total = 0;
        for (Records r : parts) {
            total += r.size();
        }
        String[] names = new String[total];
        int[] starts = new int[total];
        int[] ends = new int[total];
        int at = 0;
        for (Records r : parts) {
            System.arraycopy(r.names(), 0, names, at, r.size());
            System.arraycopy(r.starts(), 0, starts, at, r.size());
            System.arraycopy(r.ends(), 0, ends, at, r.size());
            at += r.size();
        }
        return new Records(bytes, names, starts, ends);
    }

    private Records records(int from, int stop) {
        int capacity = Math.max(16, (stop < 0 ? n - from : stop - from) / 512);
        String[] names = new String[capacity];
        int[] starts = new int[capacity];
        int[] ends = new int[capacity];
        int count = 0;
        pos = from;
        while (true) {
            newline(1);
            if (count == names.length) {
                names = Arrays.copyOf(names, count * 2);
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
            }
            starts[count] = pos;
            names[count] = record();
            ends[count] = pos;
            count++;
            if (pos == stop) {
                break; // this share ends at its cut, a comma
            }
            if (stop >= 0 && pos > stop) {
                throw NO;
            }
            if (at(pos) == ',') {
                pos++;
                continue;
            }
            if (stop >= 0) {
                throw NO; // the end of the array before the cut
            }
            newline(0);
            expect(']');
            if (pos != n) {
                throw NO;
            }
            break;
        }
        return new Records(b, Arrays.copyOf(names, count), Arrays.copyOf(starts, count), Arrays.copyOf(ends, count));
    }

    /** One top-level record: an object whose "session" is a non-blank text, which it returns. */
    private String record() {
        if (at(pos) != '{') {
            throw NO;
        }
        int[] session = new int[2];
        object(1, session);
        if (session[1] == 0) {
            throw NO; // no "session" field, or not a text
        }
        String name = decode(session[0], session[1]);
        if (name.isBlank()) {
            throw NO;
        }
        return name;
    }

    /**
     * An object at indentation {@code level}; with {@code session} non-null (a record), the bounds of the text
     * inside its "session" string are stored there when it is one.
     */
    private void object(int level, int[] session) {
        pos++; // '{'
        if (at(pos) == '}') {
            pos++;
            return;
        }
        if (level > MAX_DEPTH) {
            throw NO;
        }
        int[] keys = new int[16]; // start and end of each name seen, to refuse a name given twice
        int count = 0;
        while (true) {
            newline(level + 1);
            int keyStart = pos;
            string();
            int keyEnd = pos;
            for (int k = 0; k < count; k += 2) {
                if (Arrays.equals(b, keyStart, keyEnd, b, keys[k], keys[k + 1])) {
                    throw NO;
                }
            }
            if (count == keys.length) {
                keys = Arrays.copyOf(keys, count * 2);
            }
            keys[count++] = keyStart;
            keys[count++] = keyEnd;
            expect(':');
            expect(' ');
            if (session != null && at(pos) == '"'
                    && Arrays.equals(b, keyStart, keyEnd, SESSION_KEY, 0, SESSION_KEY.length)) {
                int valueStart = pos;
                string();
                session[0] = valueStart + 1;
                session[1] = pos - 1;
            } else {
                value(level + 1);
            }
            if (at(pos) == ',') {
                pos++;
                continue;
            }
            newline(level);
            expect('}');
            return;
        }
    }

    private void array(int level) {
        pos++; // '['
        if (at(pos) == ']') {
            pos++;
            return;
        }
        if (level > MAX_DEPTH) {
            throw NO;
        }
        while (true) {
            newline(level + 1);
            value(level + 1);
            if (at(pos) == ',') {
                pos++;
                continue;
            }
            newline(level);
            expect(']');
            return;
        }
    }

    private void value(int level) {
        switch (at(pos)) {
            case '{' -> object(level, null);
            case '[' -> array(level);
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> number();
        }
    }

    /** A string as JSON.stringify writes it: valid UTF-8, only the escapes it uses. */
    private void string() {
        byte[] b = this.b;
        int p = pos + 1; // after the opening quote
        while (true) {
            byte c = b[p];
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                p = escape(p);
            } else if (c >= 0x20) {
                p++;
            } else if (c >= 0) {
                throw NO; // a raw control character
            } else {
                p = utf8(p);
            }
            if (p >= n) {
                throw NO;
            }
        }
        pos = p + 1;
    }

    /** The escape at {@code p} (a backslash) if JSON.stringify writes it so; the position after it. */
    private int escape(int p) {
        byte e = b[p + 1];
        switch (e) {
            case '"', '\\', 'b', 'f', 'n', 'r', 't':
                return p + 2;
            case 'u':
                if (b[p + 2] != '0' || b[p + 3] != '0') {
                    throw NO; // anything but a control character is written as itself (or is a lone surrogate)
                }
                int high = b[p + 4];
                int low = hexDigit(b[p + 5]);
                if ((high != '0' && high != '1') || low < 0) {
                    throw NO;
                }
                int c = (high - '0') * 16 + low;
                if (c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t') {
                    throw NO; // these have their short escapes
                }
                return p + 6;
            default:
                throw NO;
        }
    }

    private static int hexDigit(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1; // upper-case hex is not what JSON.stringify writes
    }

    /** One well-formed UTF-8 sequence of 2 to 4 bytes starting at {@code p}, not a surrogate; the position after it. */
    private int utf8(int p) {
        int lead = b[p] & 0xff;
        if (lead >= 0xc2 && lead <= 0xdf) {
            continuation(p + 1, 0x80, 0xbf);
            return p + 2;
        }
        if (lead >= 0xe0 && lead <= 0xef) {
            int min = lead == 0xe0 ? 0xa0 : 0x80;
            int max = lead == 0xed ? 0x9f : 0xbf; // ED A0..BF would encode a surrogate
            continuation(p + 1, min, max);
            continuation(p + 2, 0x80, 0xbf);
            return p + 3;
        }
        if (lead >= 0xf0 && lead <= 0xf4) {
            int min = lead == 0xf0 ? 0x90 : 0x80;
            int max = lead == 0xf4 ? 0x8f : 0xbf;
            continuation(p + 1, min, max);
            continuation(p + 2, 0x80, 0xbf);
            continuation(p + 3, 0x80, 0xbf);
            return p + 4;
        }
        throw NO;
    }

    private void continuation(int p, int min, int max) {
        int c = b[p] & 0xff;
        if (c < min || c > max) {
            throw NO;
        }
    }

    /** A number by JSON's grammar: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}. */
    private void number() {
        int start = pos;
        int p = pos;
        if (b[p] == '-') {
            p++;
        }
        if (b[p] == '0') {
            p++;
        } else if (b[p] >= '1' && b[p] <= '9') {
            p = digits(p);
        } else {
            throw NO;
        }
        if (b[p] == '.') {
            p = digits(p + 1);
        }
        if (b[p] == 'e' || b[p] == 'E') {
            p++;
            if (b[p] == '+' || b[p] == '-') {
                p++;
            }
            p = digits(p);
        }
        if (p - start > MAX_NUMBER_LENGTH || p > n) {
            throw NO;
        }
        pos = p;
    }

    /** One or more digits from {@code p}; the position after them. */
    private int digits(int p) {
        if (b[p] < '0' || b[p] > '9') {
            throw NO;
        }
        do {
            p++;
        } while (b[p] >= '0' && b[p] <= '9');
        return p;
    }

    private void literal(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (b[pos + i] != word.charAt(i)) {
                throw NO;
            }
        }
        pos += word.length();
    }

    /** A newline and the indentation of {@code level}. */
    private void newline(int level) {
        expect('\n');
        int spaces = 2 * level;
        for (int i = 0; i < spaces; i++) {
            if (b[pos + i] != ' ') {
                throw NO;
            }
        }
        pos += spaces;
    }

    private void expect(char c) {
        if (at(pos) != c) {
            throw NO;
        }
        pos++;
    }

    /** The byte at {@code p}, or 0 past the scanned part (never accepted). */
    private byte at(int p) {
        return p < n ? b[p] : 0;
    }

    /** The text a canonical string's inner bytes {@code [from, to)} stand for. */
    private String decode(int from, int to) {
        int slash = -1;
        for (int i = from; i < to; i++) {
            if (b[i] == '\\') {
                slash = i;
                break;
            }
        }
        if (slash < 0) {
            return new String(b, from, to - from, StandardCharsets.UTF_8);
        }
        StringBuilder s = new StringBuilder(to - from);
        s.append(new String(b, from, slash - from, StandardCharsets.UTF_8));
        int i = slash;
        int plain = i;
        while (i < to) {
            if (b[i] != '\\') {
                i++;
                continue;
            }
            s.append(new String(b, plain, i - plain, StandardCharsets.UTF_8));
            byte e = b[i + 1];
            switch (e) {
                case 'b' -> s.append('\b');
                case 'f' -> s.append('\f');
                case 'n' -> s.append('\n');
                case 'r' -> s.append('\r');
                case 't' -> s.append('\t');
                case 'u' -> s.append((char) ((b[i + 4] - '0') * 16 + hexDigit(b[i + 5])));
                default -> s.append((char) e); // '"' or '\\'
            }
            i += e == 'u' ? 6 : 2;
            plain = i;
        }
        s.append(new String(b, plain, to - plain, StandardCharsets.UTF_8));
        return s.toString();
    }
}
