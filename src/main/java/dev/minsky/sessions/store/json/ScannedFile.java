package dev.minsky.sessions.store.json;

import com.fasterxml.jackson.core.JsonParser;
import dev.minsky.sessions.domain.JsonValue;
import dev.minsky.sessions.domain.SessionRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A canonical session file as {@link CanonicalArrayScan} found it, with its records' order by name: enough to
 * print the whole list by name as {@code JSON.stringify(list, null, 2)} does by copying each record's text (in a
 * canonical file it is already at an array element's indentation), or to parse only the records of one page.
 *
 * @param state   the file's metadata when it was read
 * @param records where each record's text is
 * @param byName  the record indexes sorted by session name (names are unique)
 */
record ScannedFile(FileState state, CanonicalArrayScan.Records records, int[] byName) {
    private static final byte[] ELEMENT = {'\n', ' ', ' '};
    private static final byte[] CLOSE = {'\n', ']'};

    /** The scanned file with its order by name; empty when a name occurs twice (the parsed path reports that). */
    static Optional<ScannedFile> of(FileState state, CanonicalArrayScan.Records records) {
        String[] names = records.names();
        Integer[] order = new Integer[names.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.parallelSort(order, Comparator.comparing((Integer i) -> names[i]));
        int[] byName = new int[order.length];
        for (int k = 0; k < order.length; k++) {
            byName[k] = order[k];
            if (k > 0 && names[byName[k]].equals(names[byName[k - 1]])) {
                return Optional.empty();
            }
        }
        return Optional.of(new ScannedFile(state, records, byName));
    }

    int size() {
        return byName.length;
    }

    /** The records {@code [offset, offset + limit)} by name, parsed from their text alone. */
    List<SessionRecord> page(int offset, int limit) {
        int from = Math.min(offset, byName.length);
        int to = (int) Math.min((long) from + limit, byName.length);
        List<SessionRecord> out = new ArrayList<>(to - from);
        byte[] bytes = records.bytes();
        for (int k = from; k < to; k++) {
            int i = byName[k];
            int start = records.starts()[i];
            try (JsonParser p = JsonValueParser.FACTORY.createParser(bytes, start, records.ends()[i] - start)) {
                out.add(SessionRecord.of((JsonValue.JsonObject) JsonValueParser.read(p, p.nextToken())));
            } catch (IOException e) {
                throw new UncheckedIOException(e); // cannot happen: the scan accepted this text
            }
        }
        return out;
    }

    /** Writes the page {@code [offset, offset + limit)} ({@code limit 0}: to the end) as JSON.stringify does. */
    void write(int offset, int limit, OutputStream out) throws IOException {
        int from = Math.min(offset, byName.length);
        int to = limit > 0 ? (int) Math.min((long) from + limit, byName.length) : byName.length;
        out.write('[');
        if (from == to) {
            out.write(']');
            return;
        }
        byte[] bytes = records.bytes();
        int[] starts = records.starts();
        int[] ends = records.ends();
        for (int k = from; k < to; k++) {
            int i = byName[k];
            out.write(ELEMENT);
            out.write(bytes, starts[i], ends[i] - starts[i]);
            if (k + 1 < to) {
                out.write(',');
            }
        }
        out.write(CLOSE);
    }
}
