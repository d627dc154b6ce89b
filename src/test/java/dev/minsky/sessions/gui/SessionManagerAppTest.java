package dev.minsky.sessions.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.minsky.sessions.config.ConfigResolver;
import dev.minsky.sessions.gui.common.AppContext;
import dev.minsky.sessions.gui.common.FxDialogService;
import dev.minsky.sessions.gui.common.FxTaskRunner;
import dev.minsky.sessions.gui.common.ViewLoader;
import dev.minsky.sessions.gui.sessions.SessionsViewModel;
import dev.minsky.sessions.store.TestRecords;
import dev.minsky.sessions.store.json.JsonFileStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The application window as Launcher starts it, on a configuration pinned to a temporary home. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class SessionManagerAppTest {
    @TempDir
    static Path home;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private void show(Map<String, String> env, FxRobot robot) {
        robot.interact(() -> {
            AppContext ctx = new AppContext(env, home, new FxTaskRunner(), new FxDialogService(stage, ViewLoader.texts()));
            SessionManagerApp.show(stage, new SessionsViewModel(ctx, () -> new ConfigResolver(env, home),
                    ZoneId.of("UTC"), Clock.systemUTC()));
        });
    }

    @Test
    void opensTheConfiguredStoreAndNamesItInTheStatusBar(FxRobot robot) throws Exception {
        Path file = home.resolve("sessions.json");
        try (JsonFileStore store = new JsonFileStore(file)) {
            store.writeBatch(List.of(TestRecords.minimal("one"), TestRecords.rich("two")));
        }
        show(Map.of("MINSKY_JSON_PATH", file.toString(), "XDG_CONFIG_HOME", home.resolve("cfg").toString()), robot);
        assertEquals("Minsky Session Manager", stage.getTitle());
        Label store = robot.lookup("#storeLabel").queryAs(Label.class);
        FxWait.until(10, () -> robot.lookup("#countLabel").queryAs(Label.class)
                .getText().equals("2 of 2 sessions"));
        assertEquals("JSON file: " + file, store.getText());
    }

    @Test
    void withoutTheDefaultFileOffersChoicesInsteadOfAnEmptyTable(FxRobot robot) throws Exception {
        show(Map.of("XDG_STATE_HOME", home.resolve("state").toString(),
                "XDG_CONFIG_HOME", home.resolve("cfg").toString()), robot);
        Node panel = robot.lookup("#noStore").query();
        FxWait.until(10, panel::isVisible);
        String message = robot.lookup("#noStoreMessage").queryAs(Label.class).getText();
        assertTrue(message.contains(home.resolve("state/minsky/session-db.json").toString()), message);
        robot.clickOn("#noStoreDemo");
        FxWait.until(20, () -> !panel.isVisible() && robot.lookup("#countLabel")
                .queryAs(Label.class).getText().equals("2,000 of 2,000 sessions"));
    }
}
