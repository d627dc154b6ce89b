package dev.minsky.sessions.gui.settings;

import dev.minsky.sessions.config.SessionStores;
import dev.minsky.sessions.connect.ConnectionCheck;
import dev.minsky.sessions.connect.ConnectionReport;
import dev.minsky.sessions.connect.Stage;
import dev.minsky.sessions.connect.StageListener;
import dev.minsky.sessions.connect.StageResult;
import dev.minsky.sessions.connect.StageStatus;
import dev.minsky.sessions.domain.SessionQuery;
import dev.minsky.sessions.gui.common.AppContext;
import dev.minsky.sessions.gui.common.TaskRunner;
import dev.minsky.sessions.store.PostgresUrl;
import dev.minsky.sessions.store.SessionStore;
import dev.minsky.sessions.store.StoreLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Test connection" (SPEC §6.2): for PostgreSQL the staged {@link ConnectionCheck}, each stage shown
 * as it completes; for a file, whether it exists and how many sessions it holds. The work runs
 * through the {@link TaskRunner}; the check bounds itself by its timeout and Cancel stops it at once.
 */
public final class ConnectionTestViewModel {
    private final AppContext ctx;
    private final ObservableList<StageRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty fix = new SimpleStringProperty("");
    private final ObjectProperty<StageStatus> verdict = new SimpleObjectProperty<>();
    private ConnectionCheck check;
    private TaskRunner.Handle handle;

    ConnectionTestViewModel(AppContext ctx) {
        this.ctx = ctx;
    }

    public ObservableList<StageRow> rows() {
        return rows;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** One line: what is being checked, then the verdict. */
    public StringProperty summaryProperty() {
        return summary;
    }

    /** The likely fix for a failed (or warned) stage; empty when there is none. */
    public StringProperty fixProperty() {
        return fix;
    }

    /** OK, WARNING or FAILED once a test ended (SKIPPED for cancelled); null before or while it runs. */
    public ObjectProperty<StageStatus> verdictProperty() {
        return verdict;
    }

    /** Runs the staged check of {@code url} (password included); each row fills in as its stage ends. */
    void checkPostgres(PostgresUrl url) {
        ConnectionCheck c = new ConnectionCheck(url, ctx.env(), ctx.home());
        begin(List.of(Stage.values()).stream().map(s -> ctx.text("settings.stage." + s.name())).toList(),
                ctx.text("settings.test.checking", url.display(), c.timeout().toSeconds()));
        check = c;
        List<StageResult> done = new CopyOnWriteArrayList<>();
        AtomicReference<Stage> current = new AtomicReference<>();
        handle = ctx.tasks().run(ctx.text("settings.test.task"), progress -> {
            AtomicLong events = new AtomicLong();
            return c.run(new StageListener() {
                @Override
                public void started(Stage stage) {
                    current.set(stage);
                    progress.update(events.incrementAndGet(), -1, null);
                }

                @Override
                public void finished(StageResult result) {
                    done.add(result);
                    progress.update(events.incrementAndGet(), -1, null);
                }
            });
        }, (n, total, message) -> show(done, current.get()), report -> {
            show(report.stages(), null);
            end(report);
        }, this::failed);
    }

    /** Opens the file store read-only (creating nothing) and counts its sessions. */
    void checkFile(StoreLocation location, Path file) {
        begin(List.of(ctx.text("settings.file.exists"), ctx.text("settings.file.opens")),
                ctx.text("settings.test.checkingFile", location.display()));
        check = null;
        rows.get(0).runningProperty().set(true);
        handle = ctx.tasks().run(ctx.text("settings.test.task"), progress -> {
            long start = System.nanoTime();
            boolean exists = Files.exists(file);
            long existsMillis = (System.nanoTime() - start) / 1_000_000;
            try (SessionStore store = SessionStores.openReadOnly(location, ctx.env(), ctx.home())) {
                long count = store.count(SessionQuery.all());
                return new FileResult(exists, existsMillis, count, (System.nanoTime() - start) / 1_000_000, null);
            } catch (RuntimeException e) {
                return new FileResult(exists, existsMillis, -1, (System.nanoTime() - start) / 1_000_000, e.getMessage());
            }
        }, this::showFile, this::failed);
    }

    /** Stops a running test: a PostgreSQL check returns at once with the blocked stage "cancelled". */
    public void cancel() {
        if (check != null) {
            check.cancel();
        } else if (handle != null && !handle.done()) {
            handle.cancel();
        }
    }

    private void begin(List<String> titles, String what) {
        rows.setAll(titles.stream().map(StageRow::new).toList());
        summary.set(what);
        fix.set("");
        verdict.set(null);
        running.set(true);
    }

    private void show(List<StageResult> results, Stage started) {
        for (StageResult r : results) {
            StageRow row = rows.get(r.stage().ordinal());
            if (row.statusProperty().get() == null) {
                row.finish(r.status(), r.elapsedMillis(), r.detail());
            }
        }
        if (started != null && rows.get(started.ordinal()).statusProperty().get() == null) {
            rows.get(started.ordinal()).runningProperty().set(true);
        }
    }

    private void end(ConnectionReport report) {
        running.set(false);
        check = null;
        if (report.cancelled()) {
            verdict.set(StageStatus.SKIPPED);
            summary.set(ctx.text("settings.test.cancelled", report.totalMillis()));
            return;
        }
        StageResult failure = report.failure().orElse(null);
        if (failure != null) {
            verdict.set(StageStatus.FAILED);
            summary.set(ctx.text("settings.test.failedAt", ctx.text("settings.stage." + failure.stage().name()),
                    report.totalMillis()));
            fix.set(failure.fix().orElse(""));
            return;
        }
        StageResult warning = report.stages().stream().filter(r -> r.status() == StageStatus.WARNING).findFirst()
                .orElse(null);
        verdict.set(warning == null ? StageStatus.OK : StageStatus.WARNING);
        summary.set(ctx.text(warning == null ? "settings.test.ok" : "settings.test.okWithNote", report.totalMillis()));
        fix.set(warning == null ? "" : warning.fix().orElse(""));
    }

    private void showFile(FileResult r) {
        running.set(false);
        rows.get(0).finish(r.exists ? StageStatus.OK : StageStatus.WARNING, r.existsMillis,
                ctx.text(r.exists ? "settings.file.found" : "settings.file.missing"));
        if (r.problem != null) {
            rows.get(1).finish(StageStatus.FAILED, r.totalMillis, r.problem);
            verdict.set(StageStatus.FAILED);
            summary.set(ctx.text("settings.test.fileFailed"));
            fix.set(ctx.text("settings.fix.file"));
            return;
        }
        rows.get(1).finish(StageStatus.OK, r.totalMillis, ctx.text("settings.file.sessions", r.count));
        verdict.set(r.exists ? StageStatus.OK : StageStatus.WARNING);
        summary.set(ctx.text("settings.test.fileOk", r.count));
        fix.set(r.exists ? "" : ctx.text("settings.fix.fileMissing"));
    }

    private void failed(Throwable e) {
        running.set(false);
        check = null;
        rows.forEach(r -> r.runningProperty().set(false));
        verdict.set(StageStatus.FAILED);
        summary.set(ctx.text("settings.test.error", e.getMessage()));
    }

    private record FileResult(boolean exists, long existsMillis, long count, long totalMillis, String problem) {
    }
}
