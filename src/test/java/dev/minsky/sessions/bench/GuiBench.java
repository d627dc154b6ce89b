package dev.minsky.sessions.bench;

import dev.minsky.sessions.gui.common.AppContext;
import dev.minsky.sessions.gui.SessionManagerApp;
import dev.minsky.sessions.gui.common.FxDialogService;
import dev.minsky.sessions.gui.common.FxTaskRunner;
import dev.minsky.sessions.gui.common.ViewLoader;
import dev.minsky.sessions.gui.sessions.SessionListModel;
import dev.minsky.sessions.gui.sessions.SessionsViewModel;
import dev.minsky.sessions.gui.sessions.StartupReadAhead;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * bench/gui-latency.sh: the sessions window on a real display with a large store. Measures (1) the
 * time from the JVM's start to the first rows shown in the table, and (2) for each keystroke of a
 * typed quick filter, the time from the filter text changing to the table showing its result (the
 * window's 150 ms typing pause before it asks comes on top, by design). Prints one line per figure;
 * not a test.
 *
 * <p>Usage: {@code GuiBench json|sqlite FILE TEXT-TO-TYPE}
 */
public final class GuiBench {
    private static final AtomicLong FIRST_ROWS_NANOS = new AtomicLong();
    private static final CountDownLatch SHOWN = new CountDownLatch(1);
    private static final AtomicLong START_CALLED = new AtomicLong();
    private static final AtomicLong WINDOW_SHOWN = new AtomicLong();
    private static final AtomicLong STORE_OPEN = new AtomicLong();
    private static volatile SessionListModel list;
    private static String backend;
    private static String file;
    private static Map<String, String> env;

    private static Path home() {
        return Path.of(System.getProperty("user.home"));
    }

    public static void main(String[] args) throws Exception {
        backend = args[0];
        file = args[1];
        String typed = args[2];
        env = new HashMap<>(System.getenv());
        env.put("MINSKY_SESSION_BACKEND", backend);
        env.put(backend.equals("json") ? "MINSKY_JSON_PATH" : "MINSKY_SQLITE_PATH", file);
        StartupReadAhead.begin(env, home()); // as SessionManagerApp.launch does
        Thread fx = new Thread(() -> Application.launch(App.class), "fx-launch");
        fx.setDaemon(true);
        fx.start();
        if (!SHOWN.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no rows within 120 s");
        }
        long jvmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
        long launchToRows = System.currentTimeMillis() - jvmStartMillis
                - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - FIRST_ROWS_NANOS.get());
        System.out.printf(Locale.ROOT, "first rows: %d ms after the JVM started (%s, %,d sessions)%n",
                launchToRows, backend, list.totalProperty().get());
        System.out.printf(Locale.ROOT, "  on the way: FX start() called at %d ms, window shown at %d ms, store open at %d ms%n",
                sinceJvmStart(START_CALLED.get()), sinceJvmStart(WINDOW_SHOWN.get()), sinceJvmStart(STORE_OPEN.get()));
        List<Double> keystrokes = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (int i = 1; i <= typed.length(); i++) {
                keystrokes.add(applyFilter(typed.substring(0, i)));
            }
            applyFilter("");
        }
        List<Double> sorted = new ArrayList<>(keystrokes);
        sorted.sort(Double::compare);
        System.out.printf(Locale.ROOT, "keystroke: median %.1f ms, p95 %.1f ms, max %.1f ms over %d keystrokes%n",
                sorted.get(sorted.size() / 2), sorted.get((int) Math.floor(sorted.size() * 0.95)),
                sorted.get(sorted.size() - 1), sorted.size());
        System.exit(0); // not Platform.exit(): the renderer would report the frames it can no longer paint
    }

    /** Milliseconds from the JVM's start to the moment {@code nanos} ({@link System#nanoTime()}) was taken. */
    private static long sinceJvmStart(long nanos) {
        long jvmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
        return System.currentTimeMillis() - jvmStartMillis - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }

    /** Sets the filter text on the FX thread and waits for the table's rows to be replaced; milliseconds. */
    private static double applyFilter(String text) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        long[] start = new long[1];
        long[] end = new long[1];
        Platform.runLater(() -> {
            // an invalidation, not a change: a result equal to the previous one still counts as applied
            javafx.beans.InvalidationListener once = new javafx.beans.InvalidationListener() {
                @Override
                public void invalidated(javafx.beans.Observable o) {
                    end[0] = System.nanoTime();
                    list.rowsProperty().removeListener(this);
                    done.countDown();
                }
            };
            list.rowsProperty().get(); // valid now, so the next replacement invalidates it
            list.rowsProperty().addListener(once);
            start[0] = System.nanoTime();
            list.quickTextProperty().set(text);
        });
        if (!done.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the filter '" + text + "' gave no rows within 30 s");
        }
        Thread.sleep(20); // let the table lay out before the next keystroke
        return (end[0] - start[0]) / 1e6;
    }

    /** The window under test (a class of its own: a main class extending Application needs the module path). */
    public static final class App extends Application {
    @Override
    public void start(Stage stage) {
        START_CALLED.set(System.nanoTime());
        stage.setOnShown(e -> WINDOW_SHOWN.set(System.nanoTime()));
        AppContext ctx = new AppContext(env, home(), new FxTaskRunner(),
                new FxDialogService(stage, ViewLoader.texts()));
        SessionsViewModel vm = new SessionsViewModel(ctx);
        list = vm.list();
        ctx.storeProperty().addListener((o, a, b) -> STORE_OPEN.compareAndSet(0, System.nanoTime()));
        list.rowsProperty().addListener((o, a, b) -> {
            if (b != null && !b.isEmpty() && FIRST_ROWS_NANOS.get() == 0) {
                FIRST_ROWS_NANOS.set(System.nanoTime());
                Platform.runLater(SHOWN::countDown); // after this pulse has laid the rows out
            }
        });
        SessionManagerApp.show(stage, vm);
    }
    }
}
