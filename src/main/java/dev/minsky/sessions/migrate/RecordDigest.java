package dev.minsky.sessions.migrate;

import dev.minsky.sessions.domain.Instants;
import dev.minsky.sessions.domain.JsonValue;
import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.store.SystemCrypto;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/**
 * SHA-256 digests of records and of whole sets of records, equal exactly when
 * {@link RecordComparison} calls the records identical, whatever store they were read from.
 *
 * <p>A record's digest is the SHA-256 of its canonical JSON: members sorted by name (UTF-16 order),
 * no whitespace, numbers as their exact decimal value without trailing zeros ({@code 1.50} →
 * {@code 1.5}), top-level timestamps as {@code @} and the ISO-8601 UTC instant they name, strings
 * escaped only where JSON requires (a lone surrogate as its six-character escape), in UTF-8.
 * A set's digest is the SHA-256 of, for each record in name order, the name in UTF-8, a zero byte
 * and the record's 32-byte digest.
 */
public final class RecordDigest {
    private static final HexFormat HEX = HexFormat.of();

    private RecordDigest() {
    }

    private static final ThreadLocal<Canonical> CANONICAL = ThreadLocal.withInitial(Canonical::new);

    public static byte[] of(SessionRecord record) {
        return CANONICAL.get().digest(record.fields());
    }

    /**
     * Writes the record's canonical form (the bytes its digest is the SHA-256 of) to {@code out}, without hashing it,
     * and returns its length: a migration's copy keeps them for its verification ({@link #ofKept}).
     */
    static int writeCanonical(SessionRecord record, CanonicalSpill out) {
        Canonical c = CANONICAL.get();
        c.write(record.fields());
        int length = c.size;
        out.append(c.buf, 0, length);
        c.trim();
        return length;
    }

    /**
     * The digests of a record kept as its canonical form ({@code kept[from, from + length)}, as {@link #writeCanonical}
     * wrote it) and of the target's record of its name: {@code [kept's, target's]}. When the target's canonical form is
     * the same bytes, they are hashed once and both are that one array (as {@link #ofPair} gives); the target's is null
     * when there is no target record.
     */
    static byte[][] ofKept(byte[] kept, int from, int length, SessionRecord target) {
        Canonical c = CANONICAL.get();
        byte[] source = c.hash(kept, from, length);
        if (target == null) {
            return new byte[][] {source, null};
        }
        c.write(target.fields());
        boolean same = Arrays.equals(c.buf, 0, c.size, kept, from, from + length);
        return new byte[][] {source, same ? source : c.hash()};
    }

    private static final ThreadLocal<Canonical> SECOND = ThreadLocal.withInitial(Canonical::new);

    /**
     * The digests of two records, {@code [a's, b's]}; when their canonical forms are the same bytes
     * (the common case in a verification) the hash is computed once, and both are that one array (a digest is
     * never changed, as the verifier's own identical records share theirs).
     */
    static byte[][] ofPair(SessionRecord a, SessionRecord b) {
        Canonical x = CANONICAL.get();
        Canonical y = SECOND.get();
        x.write(a.fields());
        y.write(b.fields());
        boolean same = Arrays.equals(x.buf, 0, x.size, y.buf, 0, y.size);
        byte[] first = x.hash();
        return new byte[][] {first, same ? first : y.hash()};
    }

    public static String hex(byte[] digest) {
        return HEX.formatHex(digest);
    }

    /** The canonical UTF-8 bytes of a value (for tests and for reading the definition). */
    static String canonicalText(JsonValue value) {
        Canonical c = new Canonical();
        c.value(value, true);
        return new String(c.buf, 0, c.size, StandardCharsets.UTF_8);
    }

    /** Writes canonical JSON as UTF-8 into a reused buffer, then digests it: one per thread. */
    private static final class Canonical {
        private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
        private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
        private static final byte[] NULL = {'n', 'u', 'l', 'l'};
        /** Object layouts kept, by a hash of their names: a data set's objects have a few hundred shapes at most. */
        private static final int LAYOUTS = 1024;
        private final MessageDigest md = sha256();
        private byte[] buf = new byte[4096];
        private int size;
        private final Layout[] layouts = new Layout[LAYOUTS];

        /**
         * An object's member names in their order, the positions of its members in the order of their names, and
         * each name in that order as the canonical form writes it ({@code "name":}).
         */
        private record Layout(String[] names, int[] sorted, byte[][] written) {
        }

        byte[] digest(JsonValue value) {
            write(value);
            return hash();
        }

        /** The canonical bytes of {@code value} into the buffer. */
        void write(JsonValue value) {
            size = 0;
            value(value, true);
        }

        /** The SHA-256 of the buffer's bytes. */
        byte[] hash() {
            byte[] digest = hash(buf, 0, size);
            trim();
            return digest;
        }

        /** The SHA-256 of {@code bytes[from, from + length)}. */
        byte[] hash(byte[] bytes, int from, int length) {
            md.update(bytes, from, length);
            return md.digest();
        }

        /** Done with the buffer's bytes: a huge record's buffer is not kept for the rest of the run. */
        void trim() {
            if (buf.length > 1 << 20) {
                buf = new byte[4096];
            }
        }

        void value(JsonValue value, boolean topLevel) {
            if (value instanceof JsonValue.JsonObject o) {
                Layout layout = layout(o);
                int[] sorted = layout.sorted;
                put((byte) '{');
                for (int i = 0; i < sorted.length; i++) {
                    if (i > 0) {
                        put((byte) ',');
                    }
                    bytes(layout.written[i]);
                    JsonValue v = o.valueAt(sorted[i]);
                    if (!(topLevel && v instanceof JsonValue.JsonString s && timestamp(s.value()))) {
                        value(v, false);
                    }
                }
                put((byte) '}');
            } else if (value instanceof JsonValue.JsonString s) {
                string(s.value());
            } else if (value instanceof JsonValue.JsonArray a) {
                put((byte) '[');
                for (int i = 0; i < a.elements().size(); i++) {
                    if (i > 0) {
                        put((byte) ',');
                    }
                    value(a.elements().get(i), false);
                }
                put((byte) ']');
            } else if (value instanceof JsonValue.JsonNumber n) {
                String literal = n.literal();
                if (isPlainInteger(literal)) {
                    ascii(literal); // already canonical: the common case, no BigDecimal needed
                } else {
                    BigDecimal d = n.decimalValue();
                    ascii(d.signum() == 0 ? "0" : d.stripTrailingZeros().toString());
                }
            } else if (value instanceof JsonValue.JsonBoolean b) {
                bytes(b.value() ? TRUE : FALSE);
            } else {
                bytes(NULL);
            }
        }

        /**
         * A top-level text that names an instant, written as {@code @} and the instant's ISO-8601 UTC form (it cannot
         * collide with a string: those are quoted); false, with nothing written, for any other text.
         */
        private boolean timestamp(String text) {
            if (Instants.isIso(text)) { // already the instant's own form, as Minsky's Date.toISOString() mostly is
                put((byte) '@');
                ascii(text);
                return true;
            }
            Optional<Instant> instant = RecordComparison.instant(text);
            if (instant.isEmpty()) {
                return false;
            }
            put((byte) '@');
            ascii(Instants.iso(instant.get()));
            return true;
        }

        /**
         * The object's layout: kept from an earlier object with the same names in the same order (records of one data
         * set mostly share a few shapes), else made and kept in place of the one that had its slot.
         */
        private Layout layout(JsonValue.JsonObject o) {
            int n = o.size();
            int hash = n;
            for (int i = 0; i < n; i++) {
                hash = hash * 31 + o.keyAt(i).hashCode(); // a name's hash is kept in it: no pass over its characters
            }
            int slot = (hash ^ (hash >>> 16)) & (LAYOUTS - 1);
            Layout kept = layouts[slot];
            if (kept != null && kept.names.length == n && sameKeys(kept.names, o)) {
                return kept;
            }
            String[] names = new String[n];
            int[] sorted = new int[n];
            for (int i = 0; i < n; i++) {
                names[i] = o.keyAt(i);
                // insertion sort of the positions by name: a dozen members, no boxing, no comparator
                int j = i;
                while (j > 0 && names[sorted[j - 1]].compareTo(names[i]) > 0) {
                    sorted[j] = sorted[j - 1];
                    j--;
                }
                sorted[j] = i;
            }
            byte[][] written = new byte[n][];
            for (int i = 0; i < n; i++) {
                int mark = size; // written after the buffer's bytes, then taken out of it
                string(names[sorted[i]]);
                put((byte) ':');
                written[i] = Arrays.copyOfRange(buf, mark, size);
                size = mark;
            }
            Layout made = new Layout(names, sorted, written);
            layouts[slot] = made;
            return made;
        }

        private static boolean sameKeys(String[] keys, JsonValue.JsonObject o) {
            for (int i = 0; i < keys.length; i++) {
                String k = o.keyAt(i);
                if (k != keys[i] && !k.equals(keys[i])) {
                    return false;
                }
            }
            return true;
        }

        /** {@code 0}, {@code -12}, {@code 345}: no sign of zero, no leading zeros, no fraction or exponent. */
        private static boolean isPlainInteger(String s) {
            int start = s.startsWith("-") ? 1 : 0;
            if (s.length() == start || (s.charAt(start) == '0' && s.length() > start + 1) || s.equals("-0")) {
                return false;
            }
            for (int i = start; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    return false;
                }
            }
            return true;
        }

        private void string(String s) {
            int n = s.length();
            // Most texts are printable ASCII without quotes or backslashes: each character is its own canonical
            // byte, written straight into the buffer; the first other character goes on to the general loop
            ensure(n + 2);
            byte[] b = buf;
            int at = size;
            b[at++] = '"';
            int i = 0;
            for (; i < n; i++) {
                char c = s.charAt(i);
                if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
                    break;
                }
                b[at++] = (byte) c;
            }
            size = at;
            if (i < n) {
                escaped(s, i);
            }
            ensure(1);
            buf[size++] = '"';
        }

        /** The rest of a text from its character {@code from} on: JSON's escapes and UTF-8. */
        private void escaped(String s, int from) {
            int n = s.length();
            ensure((n - from) * 6);
            for (int i = from; i < n; i++) {
                char c = s.charAt(i);
                if (c >= 0x20 && c < 0x80) {
                    if (c == '"' || c == '\\') {
                        buf[size++] = '\\';
                    }
                    buf[size++] = (byte) c;
                } else if (c < 0x20) {
                    unicodeEscape(c);
                } else if (c < 0x800) {
                    buf[size++] = (byte) (0xc0 | (c >> 6));
                    buf[size++] = (byte) (0x80 | (c & 0x3f));
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    buf[size++] = (byte) (0xf0 | (cp >> 18));
                    buf[size++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                    buf[size++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                    buf[size++] = (byte) (0x80 | (cp & 0x3f));
                } else if (Character.isSurrogate(c)) {
                    unicodeEscape(c); // a lone surrogate has no UTF-8 form
                } else {
                    buf[size++] = (byte) (0xe0 | (c >> 12));
                    buf[size++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                    buf[size++] = (byte) (0x80 | (c & 0x3f));
                }
            }
        }

        private void bytes(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, buf, size, b.length);
            size += b.length;
        }

        private void unicodeEscape(char c) {
            buf[size++] = '\\';
            buf[size++] = 'u';
            buf[size++] = HEX_DIGITS[(c >> 12) & 15];
            buf[size++] = HEX_DIGITS[(c >> 8) & 15];
            buf[size++] = HEX_DIGITS[(c >> 4) & 15];
            buf[size++] = HEX_DIGITS[c & 15];
        }

        private void ascii(String s) {
            ensure(s.length());
            for (int i = 0; i < s.length(); i++) {
                buf[size++] = (byte) s.charAt(i);
            }
        }

        private void put(byte b) {
            ensure(1);
            buf[size++] = b;
        }

        private void ensure(int more) {
            if (size + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
            }
        }
    }

    static MessageDigest sha256() {
        SystemCrypto.install();
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    /**
     * The set digests of a verification's two sides (ADR 5: SHA-256 over, in name order, each name in UTF-8, a zero
     * byte and the record's digest), made together: each name is added, in any order, with its source record's
     * digest and, when the target has the record, the target's; one sort of the names serves both sides.
     */
    public static final class SetPair {
        private final List<Pair> entries = new ArrayList<>();
        /**
         * Both sides' digest so far, while the names come in name order and each target record has its source
         * record's digest (a migration from SQLite or PostgreSQL, which streams its source by name, that finds
         * nothing wrong): then nothing is left to sort or hash at the end, where the verification had one busy core
         * for 50-70 ms. Null once an entry breaks either condition; the digests are then made from the entries.
         */
        private Feed inOrder = new Feed();
        private String last;

        private record Pair(String name, byte[] source, byte[] target) {
        }

        /** @param targetDigest null when the target has no record of this name */
        public void add(String name, byte[] sourceDigest, byte[] targetDigest) {
            entries.add(new Pair(name, sourceDigest, targetDigest));
            if (inOrder != null) {
                boolean alike = targetDigest != null
                        && (targetDigest == sourceDigest || Arrays.equals(sourceDigest, targetDigest));
                if (alike && (last == null || name.compareTo(last) > 0)) {
                    inOrder.add(name.getBytes(StandardCharsets.UTF_8), sourceDigest);
                    last = name;
                } else {
                    inOrder = null;
                }
            }
        }

        /**
         * The source set's digest, then the target set's: one sort, then the two hashed side by side, or once
         * when the target has every record with the source's digest (a verification that finds nothing wrong).
         */
        public byte[][] digests() {
            if (inOrder != null) {
                byte[] both = inOrder.digest();
                return new byte[][] {both, both.clone()};
            }
            Pair[] sorted = byName(entries.toArray(new Pair[0]));
            byte[][] names = new byte[sorted.length][];
            IntStream.range(0, sorted.length).parallel()
                    .forEach(i -> names[i] = sorted[i].name.getBytes(StandardCharsets.UTF_8));
            if (entries.stream().allMatch(p -> p.target != null && Arrays.equals(p.source, p.target))) {
                byte[] both = digest(sorted, names, true);
                return new byte[][] {both, both.clone()};
            }
            CompletableFuture<byte[]> target = CompletableFuture.supplyAsync(() -> digest(sorted, names, false));
            byte[] source = digest(sorted, names, true);
            return new byte[][] {source, target.join()};
        }

        private static final Comparator<Pair> BY_NAME = (x, y) -> x.name.compareTo(y.name);

        /**
         * The entries sorted by name, as a stable sort would: the two halves sorted on two threads, then merged.
         * {@code Arrays.parallelSort} sorts on one thread where the common pool has one worker (two cores), and the
         * sort is most of the verification's last 0.2 s, when the other core has nothing to do.
         */
        private static Pair[] byName(Pair[] entries) {
            int half = entries.length / 2;
            CompletableFuture<Void> upper = CompletableFuture.runAsync(
                    () -> Arrays.sort(entries, half, entries.length, BY_NAME));
            Arrays.sort(entries, 0, half, BY_NAME);
            upper.join();
            Pair[] out = new Pair[entries.length];
            int i = 0;
            int j = half;
            int k = 0;
            while (i < half && j < entries.length) {
                // the lower half's entry first unless the upper's sorts strictly before it: stable
                out[k++] = BY_NAME.compare(entries[j], entries[i]) < 0 ? entries[j++] : entries[i++];
            }
            while (i < half) {
                out[k++] = entries[i++];
            }
            while (j < entries.length) {
                out[k++] = entries[j++];
            }
            return out;
        }

        /**
         * One side's digest over the sorted entries (the target's leaves out the names it lacks), fed to
         * SHA-256 in 64 KiB pieces rather than three small updates per record.
         */
        private static byte[] digest(Pair[] sorted, byte[][] names, boolean ofSource) {
            Feed feed = new Feed();
            for (int i = 0; i < sorted.length; i++) {
                byte[] d = ofSource ? sorted[i].source : sorted[i].target;
                if (d != null) {
                    feed.add(names[i], d);
                }
            }
            return feed.digest();
        }

        /** A set digest being made: entries fed to SHA-256 in 64 KiB pieces rather than three small updates each. */
        private static final class Feed {
            private final MessageDigest md = sha256();
            private byte[] piece = new byte[1 << 16];
            private int size;

            void add(byte[] name, byte[] d) {
                if (size + name.length + 1 + d.length > piece.length) {
                    md.update(piece, 0, size);
                    size = 0;
                    if (name.length + 1 + d.length > piece.length) {
                        piece = new byte[name.length + 1 + d.length]; // a name longer than 64 KiB
                    }
                }
                System.arraycopy(name, 0, piece, size, name.length);
                size += name.length;
                piece[size++] = 0;
                System.arraycopy(d, 0, piece, size, d.length);
                size += d.length;
            }

            private byte[] digest;

            byte[] digest() {
                if (digest == null) {
                    md.update(piece, 0, size);
                    digest = md.digest();
                    piece = null;
                }
                return digest.clone();
            }
        }
    }
}
