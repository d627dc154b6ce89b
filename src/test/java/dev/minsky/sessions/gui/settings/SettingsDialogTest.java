package dev.minsky.sessions.gui.settings;

import dev.minsky.sessions.gui.FxWait;
import dev.minsky.sessions.gui.common.RecordingDialogs;
import static dev.minsky.sessions.testsupport.TestData.closedPort;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.minsky.sessions.connect.SilentServer;
import dev.minsky.sessions.gui.common.AppContext;
import dev.minsky.sessions.gui.common.FxTaskRunner;
import dev.minsky.sessions.store.StoreLocation;
import dev.minsky.sessions.testsupport.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class SettingsDialogTest {
    @TempDir
    Path home;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final FxTaskRunner tasks = new FxTaskRunner();
    private Stage owner;
    private Stage settings;
    private AppContext ctx;

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    @AfterEach
    void tearDown(FxRobot robot) {
        robot.interact(() -> {
            if (settings != null) {
                settings.close();
            }
        });
        if (ctx != null) {
            robot.interact(ctx::closeStore);
        }
        tasks.shutdown();
    }

    private void open(FxRobot robot, Map<String, String> extraEnv) throws Exception {
        ctx = SettingsPanes.context(home, extraEnv, tasks, dialogs);
        settings = SettingsPanes.open(robot, owner, ctx);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void waitFor(FxRobot robot, String id, String text, int seconds) throws Exception {
        FxWait.until(seconds,
                () -> robot.lookup(id).tryQueryAs(Label.class).map(l -> l.getText().equals(text)).orElse(false));
    }

    @Test
    void aClosedPortFailsAtTcpConnectAndShowsTheFix(FxRobot robot) throws Exception {
        open(robot, Map.of());
        SettingsPanes.choosePostgres(robot, "postgresql://bob@127.0.0.1:" + closedPort() + "/minsky?sslmode=disable");

        robot.clickOn("#testButton");

        waitFor(robot, "#stage-status-1", "Failed", 10);
        assertEquals("OK", text(robot, "#stage-status-0"));
        for (int i = 2; i < 7; i++) {
            assertEquals("Skipped", text(robot, "#stage-status-" + i));
        }
        assertTrue(robot.lookup("#stage-status-1").query().getStyleClass().contains("stage-failed"));
        Label fix = robot.lookup("#fix").queryAs(Label.class);
        assertTrue(fix.isVisible() && !fix.getText().isBlank(), fix.getText());
        assertTrue(text(robot, "#summary").startsWith("Failed at \"TCP connect\""), text(robot, "#summary"));
    }

    @Test
    void aReachableServerPassesEveryStage(FxRobot robot) throws Exception {
        var server = TestPostgres.newDatabase("settings");
        open(robot, Map.of("PGPASSWORD", server.password().orElseThrow()));
        SettingsPanes.choosePostgres(robot, server.withPassword(null).toUrl());

        robot.clickOn("#testButton");

        FxWait.until(20, () -> text(robot, "#summary").startsWith("Connection OK"));
        for (int i = 0; i < 7; i++) {
            String status = text(robot, "#stage-status-" + i);
            assertTrue(List.of("OK", "Warning").contains(status), i + ": " + status + " " + text(robot, "#stage-detail-" + i));
        }
    }

    @Test
    void cancelStopsACheckOfASilentServerPromptly(FxRobot robot) throws Exception {
        try (SilentServer silent = new SilentServer()) {
            open(robot, Map.of());
            SettingsPanes.choosePostgres(robot, "postgresql://bob@127.0.0.1:" + silent.port() + "/minsky?connect_timeout=30");
            robot.clickOn("#testButton");
            waitFor(robot, "#stage-status-2", "Running…", 10); // TLS: the server never answers

            robot.clickOn("#cancelTestButton");
            Button test = robot.lookup("#testButton").queryButton();
            // the bound: the check must stop within 3 s of Cancel (the connect timeout is 30 s)
            FxWait.until(3, () -> !test.isDisabled());
            assertTrue(text(robot, "#summary").startsWith("Cancelled after"), text(robot, "#summary"));
        }
    }

    @Test
    void environmentValuesAreShownAsSuchAndCannotBeEdited(FxRobot robot) throws Exception {
        open(robot, Map.of("MINSKY_SESSION_BACKEND", "sqlite", "MINSKY_SQLITE_PATH", home.resolve("env.db").toString()));

        assertTrue(robot.lookup("#sqlitePath").query().isDisabled());
        assertTrue(robot.lookup("#sqliteBrowse").query().isDisabled());
        assertTrue(robot.lookup("#postgresChoice").query().isDisabled());
        assertEquals(home.resolve("env.db").toString(), robot.lookup("#sqlitePath").queryAs(TextField.class).getText());
        assertTrue(text(robot, "#sqliteSource").startsWith("Set by MINSKY_SQLITE_PATH"), text(robot, "#sqliteSource"));
        assertTrue(text(robot, "#backendSource").startsWith("Set by MINSKY_SESSION_BACKEND"));
    }

    @Test
    void enterSavesOnlyWhenTheFormIsCompleteAndSwitchesTheStore(FxRobot robot) throws Exception {
        open(robot, Map.of());
        robot.clickOn("#postgresChoice");
        robot.clickOn("#host");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(settings.isShowing(), "incomplete: Enter must not save");
        assertTrue(robot.lookup("#save").query().isDisabled());

        robot.clickOn("#sqliteChoice");
        Path db = home.resolve("picked.db");
        TextField path = robot.lookup("#sqlitePath").queryAs(TextField.class);
        robot.interact(() -> path.setText(""));
        robot.clickOn("#sqlitePath").write(db.toString());
        robot.type(KeyCode.ENTER);

        FxWait.until(10, () -> !settings.isShowing());
        assertEquals(new StoreLocation.Sqlite(db), ctx.locationProperty().get());
        assertTrue(Files.readString(home.resolve("config/minsky-session-manager/settings.json")).contains("picked.db"));
        assertEquals(List.of(), dialogs.errors);
    }

    @Test
    void escapeCancelsWithoutSaving(FxRobot robot) throws Exception {
        open(robot, Map.of());
        robot.clickOn("#jsonPath");
        robot.type(KeyCode.ESCAPE);

        FxWait.until(5, () -> !settings.isShowing());
        assertFalse(Files.exists(home.resolve("config/minsky-session-manager/settings.json")));
    }

    @Test
    void mnemonicsReachTheBackendChoices(FxRobot robot) throws Exception {
        open(robot, Map.of());
        robot.clickOn("#jsonPath");
        robot.press(KeyCode.ALT).type(KeyCode.P).release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#postgresChoice").queryAs(RadioButton.class).isSelected());

        robot.press(KeyCode.ALT).type(KeyCode.H).release(KeyCode.ALT); // "Host" label moves focus to its field
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#host").query().isFocused());
    }
}
