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
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * A canonical session file as {@link CanonicalArrayScan} found it: enough to print the whole list by name as
 * {@code JSON.stringify(list, null, 2)} does by copying each record's text (in a canonical file it is already at
 * an array element's indentation), or to parse only the records of the first pages. Its names are unique.
 */
final class ScannedFile {
    private static final byte[] ELEMENT = {'\n', ' ', ' '};
    private static final byte[] CLOSE = {'\n', ']'};

    private final FileState state;
    private final CanonicalArrayScan.Records records;
    /** The record indexes sorted by name, made when first needed (a window's first page does not need it). */
    private volatile int[] byName;

    private ScannedFile(FileState state, CanonicalArrayScan.Records records) {
        this.state = state;
        this.records = records;
    }

    /** The scanned file; empty when a name occurs twice (the parsed path reports that, by name). */
    static Optional<ScannedFile> of(FileState state, CanonicalArrayScan.Records records) {
        String[] names = records.names();
        Set<String> seen = new HashSet<>(names.length * 4 / 3 + 1);
        for (String name : names) {
            if (!seen.add(name)) {
                return Optional.empty();
            }
        }
        return Optional.of(new ScannedFile(state, records));
    }

    FileState state() {
        return state;
    }

    /** The file's bytes, as read. */
    byte[] bytes() {
        return records.bytes();
    }

    int size() {
        return records.size();
    }

    /**
     * The records {@code [offset, offset + limit)} by name, parsed from their text alone. The first pages are
     * picked without sorting every name: the {@code offset + limit} smallest are kept while the names go by.
     */
    List<SessionRecord> page(int offset, int limit) {
        int from = Math.min(offset, size());
        int to = (int) Math.min((long) from + limit, size());
        int[] order = byName;
        int[] first = order != null ? order : smallest(to);
        List<SessionRecord> out = new ArrayList<>(to - from);
        byte[] bytes = records.bytes();
        for (int k = from; k < to; k++) {
            int i = first[k];
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
        int[] order = byName();
        int from = Math.min(offset, order.length);
        int to = limit > 0 ? (int) Math.min((long) from + limit, order.length) : order.length;
        out.write('[');
        if (from == to) {
            out.write(']');
            return;
        }
        byte[] bytes = records.bytes();
        int[] starts = records.starts();
        int[] ends = records.ends();
        for (int k = from; k < to; k++) {
            int i = order[k];
            out.write(ELEMENT);
            out.write(bytes, starts[i], ends[i] - starts[i]);
            if (k + 1 < to) {
                out.write(',');
            }
        }
        out.write(CLOSE);
    }

    /** Every record index sorted by name. */
    private int[] byName() {
        int[] order = byName;
        if (order == null) {
            String[] names = records.names();
            Integer[] boxed = new Integer[names.length];
            for (int i = 0; i < boxed.length; i++) {
                boxed[i] = i;
            }
            Arrays.parallelSort(boxed, Comparator.comparing((Integer i) -> names[i]));
            order = new int[boxed.length];
            for (int k = 0; k < boxed.length; k++) {
                order[k] = boxed[k];
            }
            byName = order;
        }
        return order;
    }

    /** The indexes of the {@code count} records first by name, in that order. */
    private int[] smallest(int count) {
        String[] names = records.names();
        Comparator<Integer> byNameDescending = Comparator.comparing((Integer i) -> names[i]).reversed();
        PriorityQueue<Integer> kept = new PriorityQueue<>(count + 1, byNameDescending); // its head: the largest kept
        for (int i = 0; i < names.length && count > 0; i++) {
            if (kept.size() < count) {
                kept.add(i);
            } else if (names[i].compareTo(names[kept.peek()]) < 0) {
                kept.poll();
                kept.add(i);
            }
        }
        int[] out = new int[kept.size()];
        for (int k = out.length - 1; k >= 0; k--) {
            out[k] = kept.poll();
        }
        return out;
    }
}
