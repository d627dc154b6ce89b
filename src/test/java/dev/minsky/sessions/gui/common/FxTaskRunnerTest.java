package dev.minsky.sessions.gui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

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
}
