package dev.minsky.sessions.store.json;

import dev.minsky.sessions.domain.JsonUtf8;
import dev.minsky.sessions.domain.SessionRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes session records as a bare JSON array one record at a time, byte for byte as
 * {@link JsonFileStore} writes a new file (2-space indent, UTF-8, no trailing newline), so that a
 * store too large to hold in memory (a PostgreSQL backup) can be written page by page.
 */
public final class JsonArrayWriter {
    private static final byte[] INDENT = " ".repeat(JsonDocument.INDENT).getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ELEMENT_START = ("\n" + " ".repeat(JsonDocument.INDENT)).getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NEXT_ELEMENT_START = ("," + "\n" + " ".repeat(JsonDocument.INDENT))
            .getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;
    private boolean empty = true;
    private boolean finished;

    public JsonArrayWriter(OutputStream out) throws IOException {
        this.out = out;
        out.write('[');
    }

    public void write(SessionRecord record) throws IOException {
        if (finished) {
            throw new IllegalStateException("the array is finished");
        }
        out.write(empty ? ELEMENT_START : NEXT_ELEMENT_START);
        empty = false;
        // An element of the top-level array is the record's text one level deeper: every line break
        // in it is followed by one more indent (strings never hold a raw line break, JSON escapes it).
        byte[] text = JsonUtf8.bytes(record.fields(), JsonDocument.INDENT);
        int from = 0;
        for (int i = 0; i < text.length; i++) {
            if (text[i] == '\n') {
                out.write(text, from, i + 1 - from);
                out.write(INDENT);
                from = i + 1;
            }
        }
        out.write(text, from, text.length - from);
    }

    /** Closes the array (the stream stays open: its owner closes it). */
    public void finish() throws IOException {
        if (!finished) {
            out.write(empty ? new byte[] {']'} : new byte[] {'\n', ']'});
            finished = true;
        }
    }
}
