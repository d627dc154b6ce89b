package dev.minsky.sessions.store.json;

import dev.minsky.sessions.domain.JsonValue;
import dev.minsky.sessions.domain.SessionPatch;
import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.store.DuplicateSessionException;
import dev.minsky.sessions.store.SessionConflictException;
import dev.minsky.sessions.store.TestRecords;
import java.nio.file.Path;

/** A second process for {@link JsonFileStoreTest}: creates N sessions and increments a shared counter N times. */
public final class JsonWriterProcess {
    private JsonWriterProcess() {
    }

    public static void main(String[] args) {
        JsonFileStore store = new JsonFileStore(Path.of(args[0]));
        String prefix = args[1];
        int n = Integer.parseInt(args[2]);
        try {
            store.create(TestRecords.minimal("counter").toBuilder().set("hits", JsonValue.of(0)).build());
        } catch (DuplicateSessionException e) {
            // the other process made it first
        }
        for (int i = 0; i < n; i++) {
            store.create(TestRecords.minimal(prefix + i));
            while (true) {
                SessionRecord current = store.get("counter").orElseThrow();
                long hits = ((JsonValue.JsonNumber) current.get("hits")).decimalValue().longValueExact();
                try {
                    store.update(SessionPatch.of("counter").set("hits", JsonValue.of(hits + 1)).build(), current);
                    break;
                } catch (SessionConflictException e) {
                    Thread.onSpinWait();
                }
            }
        }
    }
}
