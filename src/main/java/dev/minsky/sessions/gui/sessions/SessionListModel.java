package dev.minsky.sessions.gui.sessions;

import dev.minsky.sessions.domain.SessionQuery;
import dev.minsky.sessions.domain.SessionQuery.SortField;
import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.gui.common.AppContext;
import dev.minsky.sessions.gui.common.TaskRunner;
import dev.minsky.sessions.store.SessionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
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
    /** Rows of the first answer: a screenful and more, so the table shows at once. */
    static final int FIRST_PAGE = 100;
    /** Rows per further query while the rest of the answer is read. */
    static final int PAGE = 5_000;
    /** How long the filters must stay unchanged before the rest of the answer is read. */
    static final long SETTLE_MILLIS = 250;

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
    /** Counts requests (a filter change, a refresh): only the latest one's results are shown. */
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean choicesPending;
    /** The store's total as last read; -1 until read, and again after every refresh. FX thread. */
    private long knownTotal = -1;
    private boolean settingSeveral;
    private int firstPage = FIRST_PAGE;
    private int page = PAGE;
    private long settleMillis = SETTLE_MILLIS;
    private TaskRunner.Handle running;
    /** A first page read ahead, for the next load only (FX thread). */
    private FirstPage offered;
    private Consumer<Throwable> onError = e -> {
    };

    public SessionListModel(AppContext ctx, ZoneId zone, Clock clock) {
        this.ctx = ctx;
        this.zone = zone;
        this.clock = clock;
        for (var p : List.of(quickText, taskId, repoName, branch, createdFrom, createdTo, sortField, descending)) {
            p.addListener((o, a, b) -> {
                if (!settingSeveral) {
                    reload();
                }
            });
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
        several(() -> {
            quickText.set("");
            taskId.set(null);
            repoName.set(null);
            branch.set(null);
            createdFrom.set(null);
            createdTo.set(null);
        });
    }

    /** Sets several inputs, then runs one query for all of them (not one per input). */
    private void several(Runnable changes) {
        settingSeveral = true;
        try {
            changes.run();
        } finally {
            settingSeveral = false;
        }
        reload();
    }

    /** Re-reads the choices and the rows, keeping the selected session selected. */
    public void refresh() {
        choicesPending = true;
        knownTotal = -1;
        reload();
    }

    /**
     * Runs the current query in two steps, so that a keystroke is answered at once even with
     * 100,000 sessions: first the top {@link #FIRST_PAGE} rows (and the store's total) replace the
     * table's rows; then, once the filters have stayed unchanged for {@link #settleMillis}, the
     * remaining rows are appended page by page ({@link #PAGE} rows a query), each page only if no
     * newer request came meanwhile, so a stale read never holds up the next keystroke for more than
     * one page. {@link #selectIndexProperty()} says which row to select once the kept session is among
     * the rows; {@link #shownProperty()} is -1 until the last page is in.
     */
    public void reload() {
        SessionStore s = store.get();
        long gen = generation.incrementAndGet();
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
        SessionQuery first = q.toBuilder().page(0, firstPage).build();
        FirstPage ready = offered;
        offered = null;
        if (ready != null && ready.store() == s && ready.query().equals(first)) {
            // read while the window was being built: shown in its first frame, without a round trip
            showFirst(s, q, gen, keep, new Loaded(FXCollections.observableArrayList(ready.rows()), ready.total(),
                    indexOf(ready.rows(), keep)));
            return;
        }
        long cachedTotal = knownTotal; // the store's total changes only on a refresh (a write, a change underneath)
        running = ctx.tasks().run(ctx.text("sessions.task.loading"), p -> {
            List<SessionRecord> found = s.list(first);
            long all = selectsEverything(q) && found.size() < firstPage ? found.size()
                    : cachedTotal >= 0 ? cachedTotal : s.count(SessionQuery.all());
            return new Loaded(FXCollections.observableArrayList(found), all, indexOf(found, keep));
        }, loaded -> showFirst(s, q, gen, keep, loaded), e -> failed(gen, e));
    }

    /**
     * The query the window's first load will run on a store, for reading it ahead ({@link #offerFirstPage}):
     * the filters and sort as they are now, the first page.
     */
    public SessionQuery firstPageQuery() {
        return query().toBuilder().page(0, firstPage).build();
    }

    /** A new window's {@link #firstPageQuery()}: no filter, by name, the first page. */
    static SessionQuery initialQuery() {
        return SessionQuery.builder().sort(SortField.SESSION, false).page(0, FIRST_PAGE).build();
    }

    /**
     * Rows read ahead for {@code query} on {@code s} (while the window was being built): the next load, if it is of
     * that query on that store, shows them at once instead of reading them again. Any other load drops them.
     */
    public void offerFirstPage(SessionStore s, SessionQuery query, List<SessionRecord> firstRows, long storeTotal) {
        offered = new FirstPage(s, query, List.copyOf(firstRows), storeTotal);
    }

    private record FirstPage(SessionStore store, SessionQuery query, List<SessionRecord> rows, long total) {
    }

    /** Shows the first page of a load, then reads the rest unless it is all. */
    private void showFirst(SessionStore s, SessionQuery q, long gen, String keep, Loaded loaded) {
        if (gen != generation.get()) {
            return; // a newer query is on its way
        }
        selectIndex.set(-1);
        rows.set(loaded.rows);
        total.set(loaded.total);
        knownTotal = loaded.total;
        lastRefresh.set(LocalDateTime.now(clock.withZone(zone)));
        selectIndex.set(loaded.index);
        if (loaded.rows.size() < firstPage) {
            shown.set(loaded.rows.size());
            complete(gen);
        } else {
            shown.set(-1);
            updateCount();
            readRest(s, q, gen, keep, loaded.rows, loaded.index >= 0, settleMillis);
        }
    }

    /**
     * Appends the page after {@code into}'s rows, then the next one, while {@code gen} is the latest request.
     * The first page waits {@code waitMillis} on the runner's timer, not in a worker: a newer request meanwhile
     * cancels it ({@link #reload()}), so the store is never asked, and the wait does not show as running work.
     */
    private void readRest(SessionStore s, SessionQuery q, long gen, String keep, ObservableList<SessionRecord> into,
                          boolean selected, long waitMillis) {
        int offset = into.size();
        int size = this.page;
        running = ctx.tasks().runAfter(Duration.ofMillis(waitMillis), ctx.text("sessions.task.loading"), p -> {
            if (gen != generation.get() || p.cancelled()) {
                return null;
            }
            return s.list(q.toBuilder().page(offset, size).build());
        }, got -> {
            if (got == null || gen != generation.get()) {
                return;
            }
            into.addAll(got);
            updateCount();
            int index = selected ? -1 : indexOf(got, keep);
            if (index >= 0) {
                selectIndex.set(-1);
                selectIndex.set(offset + index);
            }
            if (got.size() < size) {
                shown.set(into.size());
                complete(gen);
            } else {
                readRest(s, q, gen, keep, into, selected || index >= 0, 0);
            }
        }, e -> failed(gen, e));
    }

    /** The rows of {@code gen} are all in: the filter choices follow when a refresh asked for them. */
    private void complete(long gen) {
        if (choicesPending && gen == generation.get()) {
            choicesPending = false;
            loadChoices();
        }
    }

    private void failed(long gen, Throwable e) {
        if (gen == generation.get() && !(e instanceof java.util.concurrent.CancellationException)
                && !(e instanceof InterruptedException)) {
            onError.accept(e);
        }
    }

    private static int indexOf(List<SessionRecord> rows, String session) {
        for (int i = 0; session != null && i < rows.size(); i++) {
            if (rows.get(i).session().equals(session)) {
                return i;
            }
        }
        return -1;
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
        countText.set(shown.get() < 0
                ? ctx.text("sessions.countReading", rows.get().size(), total.get())
                : ctx.text("sessions.count", shown.get(), total.get()));
    }

    /** For tests: the sizes of the first and of further pages, and the pause before the rest is read. */
    void setPaging(int firstPage, int page, long settleMillis) {
        this.firstPage = firstPage;
        this.page = page;
        this.settleMillis = settleMillis;
    }

    /** Which session to keep selected across reloads (the view reports the user's choice here). */
    public void keepSelected(String session) {
        keepSelected = session;
    }

    /** Sorts by {@code field} (the table's sort order changed); null means the default, by name. */
    public void sortBy(SortField field, boolean desc) {
        several(() -> {
            sortField.set(field == null ? SortField.SESSION : field);
            descending.set(field != null && desc);
        });
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
