package dev.minsky.sessions.gui.sessions;

import dev.minsky.sessions.domain.SessionQuery;
import dev.minsky.sessions.domain.SessionQuery.SortField;
import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.gui.common.AppContext;
import dev.minsky.sessions.gui.common.TaskRunner;
import dev.minsky.sessions.store.SessionStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The table's state: the filters and sort (inputs), the rows the store's query answered, the
 * counts and the filter choices (outputs). Every query runs in the background through the
 * {@link TaskRunner}; a result older than the latest request is dropped, so typing fast never
 * shows a stale list. The rows arrive as a list built off the FX thread and are swapped in whole.
 */
public final class SessionListModel {
    /** The most values a filter ComboBox offers (the most frequent ones); the quick filter finds the rest. */
    static final int MAX_CHOICES = 500;

    private final AppContext ctx;
    private final ZoneId zone;
    private final Clock clock;
    private final ObjectProperty<SessionStore> store = new SimpleObjectProperty<>();
    private final StringProperty quickText = new SimpleStringProperty("");
    private final ObjectProperty<String> taskId = new SimpleObjectProperty<>();
    private final ObjectProperty<String> repoName = new SimpleObjectProperty<>();
    private final ObjectProperty<String> branch = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> createdFrom = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> createdTo = new SimpleObjectProperty<>();
    private final ObjectProperty<SortField> sortField = new SimpleObjectProperty<>(SortField.SESSION);
    private final BooleanProperty descending = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<ObservableList<SessionRecord>> rows =
            new ReadOnlyObjectWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyIntegerWrapper selectIndex = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyLongWrapper shown = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<LocalDateTime> lastRefresh = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Choice> taskChoices = FXCollections.observableArrayList(Choice.ANY);
    private final ObservableList<Choice> repoChoices = FXCollections.observableArrayList(Choice.ANY);
    private final ObservableList<Choice> branchChoices = FXCollections.observableArrayList(Choice.ANY);
    private String keepSelected;
    private long generation;
    private TaskRunner.Handle running;
    private Consumer<Throwable> onError = e -> {
    };

    public SessionListModel(AppContext ctx, ZoneId zone, Clock clock) {
        this.ctx = ctx;
        this.zone = zone;
        this.clock = clock;
        for (var p : List.of(quickText, taskId, repoName, branch, createdFrom, createdTo, sortField, descending)) {
            p.addListener((o, a, b) -> reload());
        }
        store.addListener((o, a, b) -> refresh());
        shown.addListener((o, a, b) -> updateCount());
        total.addListener((o, a, b) -> updateCount());
        updateCount();
    }

    /** Where load failures go (the window shows them). */
    public void setOnError(Consumer<Throwable> onError) {
        this.onError = onError;
    }

    /** The query the filters and sort make now. */
    public SessionQuery query() {
        String text = quickText.get() == null ? "" : quickText.get().trim();
        return SessionQuery.builder()
                .text(text.isEmpty() ? null : text)
                .taskId(taskId.get())
                .repoName(repoName.get())
                .branch(branch.get())
                .createdFrom(createdFrom.get() == null ? null : createdFrom.get().atStartOfDay(zone).toInstant())
                .createdTo(createdTo.get() == null ? null : createdTo.get().plusDays(1).atStartOfDay(zone).toInstant())
                .sort(sortField.get(), descending.get())
                .build();
    }

    /** Clears every filter (one reload). */
    public void clearFilters() {
        quickText.set("");
        taskId.set(null);
        repoName.set(null);
        branch.set(null);
        createdFrom.set(null);
        createdTo.set(null);
    }

    /** Re-reads the choices and the rows, keeping the selected session selected. */
    public void refresh() {
        reload();
        loadChoices();
    }

    /** Runs the current query; when it answers, {@link #selectIndexProperty()} says which row to select. */
    public void reload() {
        SessionStore s = store.get();
        long gen = ++generation;
        if (running != null && !running.done()) {
            running.cancel();
        }
        if (s == null) {
            rows.set(FXCollections.observableArrayList());
            shown.set(0);
            total.set(0);
            return;
        }
        SessionQuery q = query();
        String keep = keepSelected;
        running = ctx.tasks().run(ctx.text("sessions.task.loading"), p -> {
            List<SessionRecord> found = s.list(q);
            long all = selectsEverything(q) ? found.size() : s.count(SessionQuery.all());
            int index = -1;
            for (int i = 0; keep != null && i < found.size(); i++) {
                if (found.get(i).session().equals(keep)) {
                    index = i;
                    break;
                }
            }
            return new Loaded(FXCollections.observableArrayList(found), all, index);
        }, loaded -> {
            if (gen != generation) {
                return; // a newer query is on its way
            }
            selectIndex.set(-1);
            rows.set(loaded.rows);
            shown.set(loaded.rows.size());
            total.set(loaded.total);
            lastRefresh.set(LocalDateTime.now(clock.withZone(zone)));
            selectIndex.set(loaded.index);
        }, e -> {
            if (gen == generation && !(e instanceof java.util.concurrent.CancellationException)) {
                onError.accept(e);
            }
        });
    }

    /** Whether {@code q} filters nothing (its sort aside): its rows are then the whole store, no count needed. */
    private static boolean selectsEverything(SessionQuery q) {
        return q.toBuilder().sort(SortField.SESSION, false).build().equals(SessionQuery.all());
    }

    private record Loaded(ObservableList<SessionRecord> rows, long total, int index) {
    }

    private record Choices(List<Choice> tasks, List<Choice> repos, List<Choice> branches) {
    }

    private void loadChoices() {
        SessionStore s = store.get();
        if (s == null) {
            return;
        }
        ctx.tasks().run(ctx.text("sessions.task.choices"), p -> {
            Map<String, Long> tasks = new HashMap<>();
            Map<String, Long> repos = new HashMap<>();
            Map<String, Long> branches = new HashMap<>();
            try (Stream<SessionRecord> all = s.streamAll()) {
                all.forEach(r -> {
                    count(tasks, r.taskId());
                    count(repos, r.repoName());
                    count(branches, r.branch());
                });
            }
            return new Choices(top(tasks), top(repos), top(branches));
        }, c -> {
            if (s == store.get()) {
                taskChoices.setAll(c.tasks);
                repoChoices.setAll(c.repos);
                branchChoices.setAll(c.branches);
            }
        }, e -> {
            // the rows' query reads the same store and reports the problem: one message, not two
        });
    }

    private static void count(Map<String, Long> counts, String value) {
        if (value != null) {
            counts.merge(value, 1L, Long::sum);
        }
    }

    /** "Any", then the most frequent values (at most {@link #MAX_CHOICES}) in alphabetical order. */
    private static List<Choice> top(Map<String, Long> counts) {
        List<Choice> out = new ArrayList<>();
        out.add(Choice.ANY);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_CHOICES)
                .map(e -> new Choice(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(Choice::value))
                .forEach(out::add);
        return out;
    }

    private void updateCount() {
        countText.set(ctx.text("sessions.count", shown.get(), total.get()));
    }

    /** Which session to keep selected across reloads (the view reports the user's choice here). */
    public void keepSelected(String session) {
        keepSelected = session;
    }

    /** Sorts by {@code field} (the table's sort order changed); null means the default, by name. */
    public void sortBy(SortField field, boolean desc) {
        sortField.set(field == null ? SortField.SESSION : field);
        descending.set(field != null && desc);
        reload();
    }

    public ObjectProperty<SessionStore> storeProperty() {
        return store;
    }

    public StringProperty quickTextProperty() {
        return quickText;
    }

    public ObjectProperty<String> taskIdProperty() {
        return taskId;
    }

    public ObjectProperty<String> repoNameProperty() {
        return repoName;
    }

    public ObjectProperty<String> branchProperty() {
        return branch;
    }

    public ObjectProperty<LocalDate> createdFromProperty() {
        return createdFrom;
    }

    public ObjectProperty<LocalDate> createdToProperty() {
        return createdTo;
    }

    public ReadOnlyObjectProperty<ObservableList<SessionRecord>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    /** The row to select after a reload (-1: none), set once the rows are in place. */
    public ReadOnlyIntegerProperty selectIndexProperty() {
        return selectIndex.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** "N of M sessions". */
    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LocalDateTime> lastRefreshProperty() {
        return lastRefresh.getReadOnlyProperty();
    }

    public ObservableList<Choice> taskChoices() {
        return taskChoices;
    }

    public ObservableList<Choice> repoChoices() {
        return repoChoices;
    }

    public ObservableList<Choice> branchChoices() {
        return branchChoices;
    }

    public ZoneId zone() {
        return zone;
    }

    public Function<String, String> texts() {
        return ctx::text;
    }
}
