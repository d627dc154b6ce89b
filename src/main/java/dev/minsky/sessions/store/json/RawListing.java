package dev.minsky.sessions.store.json;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Writes the records a {@link CanonicalArrayScan} found, by name, as {@code JSON.stringify(list, null, 2)}
 * writes them: each record's own bytes, since in a canonical file they are already at the indentation of an
 * array element.
 */
final class RawListing {
    private static final byte[] OPEN = {'['};
    private static final byte[] ELEMENT = {'\n', ' ', ' '};
    private static final byte[] COMMA = {','};
    private static final byte[] CLOSE = {'\n', ']'};

    private RawListing() {
    }

    /**
     * Writes the page {@code [offset, offset + limit)} ({@code limit 0}: to the end) of the records sorted by
     * name. Writes nothing and answers false when a name occurs twice: the ordinary path reports that.
     */
    static boolean write(CanonicalArrayScan.Records records, int offset, int limit, OutputStream out) throws IOException {
        String[] names = records.names();
        Integer[] order = new Integer[names.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.parallelSort(order, Comparator.comparing((Integer i) -> names[i]));
        for (int k = 1; k < order.length; k++) {
            if (names[order[k]].equals(names[order[k - 1]])) {
                return false;
            }
        }
        int from = Math.min(offset, order.length);
        int to = limit > 0 ? (int) Math.min((long) from + limit, order.length) : order.length;
        if (from == to) {
            out.write(OPEN);
            out.write(']');
            return true;
        }
        byte[] bytes = records.bytes();
        int[] starts = records.starts();
        int[] ends = records.ends();
        out.write(OPEN);
        for (int k = from; k < to; k++) {
            int i = order[k];
            out.write(ELEMENT);
            out.write(bytes, starts[i], ends[i] - starts[i]);
            if (k + 1 < to) {
                out.write(COMMA);
            }
        }
        out.write(CLOSE);
        return true;
    }
}
