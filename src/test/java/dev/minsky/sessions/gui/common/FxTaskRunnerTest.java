package dev.minsky.sessions.gui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.minsky.sessions.gui.FxWait;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class FxTaskRunnerTest {
    private final FxTaskRunner tasks = new FxTaskRunner();

    @Start
    void start(Stage stage) {
        // the toolkit only
    }

    @AfterEach
    void stop() {
        tasks.shutdown();
    }

    /** "total < 0 when not known" (TaskRunner.Progress): the count still arrives, on the FX thread, before the result. */
    @Test
    void progressWithAnUnknownTotalArrivesWithItsCountBeforeTheResult() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        CompletableFuture<String> result = new CompletableFuture<>();
        tasks.run("counting", p -> {
            p.update(1, -1, "first");
            p.update(2, -1, null);
            return "done";
        }, (done, total, message) -> {
            assertTrue(Platform.isFxApplicationThread());
            seen.add(done + "/" + total + " " + message);
        }, value -> result.complete(String.join(", ", seen) + " -> " + value), result::completeExceptionally);
        String order = result.get(10, TimeUnit.SECONDS);
        assertTrue(order.endsWith("2/-1 first -> done"), order);
    }

    /** What the status bar shows (it binds to these on the FX thread): how many run, and the latest title. */
    private String status() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> tasks.runningProperty().get() + " " + tasks.currentTitleProperty().get())
                .get(10, TimeUnit.SECONDS);
    }

    @Test
    void aDelayedRunStartsAfterItsDelayAndIsNoRunningWorkMeanwhile() throws Exception {
        long t0 = System.nanoTime();
        AtomicLong startedAfterMillis = new AtomicLong(-1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<String> result = new CompletableFuture<>();
        // delays far longer than the checks need, so a slow machine cannot make "not yet" fail
        tasks.runAfter(Duration.ofMillis(1500), "later", p -> {
            startedAfterMillis.set(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            assertTrue(finish.await(10, TimeUnit.SECONDS));
            return "done";
        }, result::complete, result::completeExceptionally);

        Thread.sleep(200);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(-1, startedAfterMillis.get(), "not started before its delay");
        assertEquals("0 ", status(), "waiting is not running work");

        FxWait.until(10, () -> startedAfterMillis.get() >= 0);
        assertEquals("1 later", status(), "once started it is running work like any other");
        finish.countDown();
        assertEquals("done", result.get(10, TimeUnit.SECONDS));
        assertTrue(startedAfterMillis.get() >= 1500, "started after " + startedAfterMillis.get() + " ms");
        assertEquals("0 ", status());
    }

    @Test
    void aDelayedRunCancelledDuringItsDelayNeverRuns() throws Exception {
        AtomicBoolean ran = new AtomicBoolean();
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        TaskRunner.Handle handle = tasks.runAfter(Duration.ofMillis(1500), "never", p -> {
            ran.set(true);
            return "ran";
        }, value -> failure.completeExceptionally(new AssertionError("succeeded with " + value)), failure::complete);
        Thread.sleep(100); // well into the delay
        assertFalse(handle.done(), "waiting for its delay");
        handle.cancel();

        assertInstanceOf(CancellationException.class, failure.get(10, TimeUnit.SECONDS), "reported as cancelled work is");
        assertTrue(handle.done());
        Thread.sleep(1700); // past the delay
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(ran.get(), "the work never ran");
        assertEquals("0 ", status());
    }
}
