package dev.minsky.sessions.gui.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.minsky.sessions.domain.SessionQuery;
import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.gui.common.AppContext;
import dev.minsky.sessions.gui.common.DirectTaskRunner;
import dev.minsky.sessions.gui.common.RecordingDialogs;
import dev.minsky.sessions.store.SessionStore;
import dev.minsky.sessions.store.TestRecords;
import dev.minsky.sessions.store.json.JsonFileStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The list reads the rest of an answer only once the filters have settled. The settle time passes when the test
 * says so ({@link DirectTaskRunner#runDelayed()}); the store remembers every page it was asked for.
 */
class SessionListModelTest {
    @TempDir
    Path dir;
    final DirectTaskRunner tasks = new DirectTaskRunner();
    final RecordingDialogs dialogs = new RecordingDialogs();
    /** The pages asked of the store, as "text offset+limit" ("- 0+5": no text, the first five). */
    final List<String> pages = new CopyOnWriteArrayList<>();
    private JsonFileStore json;
    private SessionListModel list;

    @BeforeEach
    void open() {
        List<SessionRecord> records = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            records.add(TestRecords.minimal(String.format("s%02d", i)));
        }
        json = new JsonFileStore(dir.resolve("session-db.json"));
        json.writeBatch(records);
        list = new SessionListModel(new AppContext(Map.of(), dir, tasks, dialogs), SessionsViewModelTest.ZONE,
                SessionsViewModelTest.CLOCK);
        list.setPaging(5, 4, SessionListModel.SETTLE_MILLIS);
        list.storeProperty().set(recordingPages(json));
    }

    @AfterEach
    void close() {
        json.close();
    }

    /** {@code store}, remembering each list query it answers. */
    private SessionStore recordingPages(SessionStore store) {
        return (SessionStore) Proxy.newProxyInstance(SessionStore.class.getClassLoader(),
                new Class<?>[] {SessionStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("list") && args[0] instanceof SessionQuery q) {
                        pages.add(q.text().orElse("-") + " " + q.offset() + "+" + q.limit());
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private List<String> names() {
        return list.rowsProperty().get().stream().map(SessionRecord::session).toList();
    }

    @Test
    void theRestIsReadOnceTheFiltersHaveSettled() {
        assertEquals(List.of("- 0+5"), pages, "the first page at once, the rest not yet");
        assertEquals(5, names().size());
        assertEquals(-1, list.shownProperty().get());
        assertEquals(1, tasks.delayedCount());

        tasks.runDelayed();
        assertEquals(List.of("- 0+5", "- 5+4", "- 9+4", "- 13+4", "- 17+4", "- 21+4"), pages);
        assertEquals(23, names().size());
        assertEquals(23, list.shownProperty().get());
    }

    @Test
    void aNewerFilterWithinTheSettleTimeMeansTheOlderRestIsNeverAskedFor() {
        list.quickTextProperty().set("s1"); // s10..s19: a full first page, more to read
        assertEquals(List.of("s10", "s11", "s12", "s13", "s14"), names());
        list.quickTextProperty().set("s2"); // before the settle time of "s1" has passed
        assertEquals(List.of("s20", "s21", "s22"), names());

        tasks.runDelayed(); // the settle time of the older requests passes
        assertEquals(List.of("- 0+5", "s1 0+5", "s2 0+5"), pages, "only first pages: no rest of an older request");
        assertEquals(3, list.shownProperty().get());
        assertEquals("3 of 23 sessions", list.countTextProperty().get());
    }
}
