package dev.minsky.sessions.gui.settings;

import dev.minsky.sessions.gui.common.RecordingDialogs;
import dev.minsky.sessions.gui.common.AppContext;
import dev.minsky.sessions.gui.common.FxTaskRunner;
import dev.minsky.sessions.gui.common.Theme;
import dev.minsky.sessions.store.PostgresUrl;
import dev.minsky.sessions.testsupport.Screenshots;
import dev.minsky.sessions.testsupport.TestPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
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

/** docs/screenshots/settings-*.png: the settings pane after a real connection test (./mvnw -B test -Pscreenshots). */
@Tag("screenshots")
@ExtendWith(ApplicationExtension.class)
class SettingsScreenshots {
    @TempDir
    Path home;
    private final FxTaskRunner tasks = new FxTaskRunner();
    private Stage owner;
    private Stage settings;
    private boolean dark;

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    @AfterEach
    void tearDown(FxRobot robot) {
        robot.interact(() -> settings.close());
        tasks.shutdown();
    }

    @Test
    void postgresCheckSucceeded(FxRobot robot) throws Exception {
        PostgresUrl server = TestPostgres.newDatabase("settings");
        open(robot, Map.of("PGPASSWORD", server.password().orElseThrow()), server.withPassword(null).toUrl());
        robot.clickOn("#testButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> summary(robot).startsWith("Connection OK"));
        settle(robot);
        Screenshots.save(settings.getScene(), "settings-postgres-ok");
    }

    @Test
    void postgresCheckFailed(FxRobot robot) throws Exception {
        failedCheck(robot);
        Screenshots.save(settings.getScene(), "settings-postgres-failed");
    }

    private void failedCheck(FxRobot robot) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        open(robot, Map.of(), "postgresql://minsky@127.0.0.1:" + port + "/minsky?sslmode=require");
        robot.clickOn("#testButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> summary(robot).startsWith("Failed"));
        settle(robot);
    }

    @Test
    void postgresCheckFailedDark(FxRobot robot) throws Exception {
        dark = true;
        failedCheck(robot);
        Screenshots.save(settings.getScene(), "settings-postgres-failed-dark");
    }

    @Test
    void sqliteSetByTheEnvironment(FxRobot robot) throws Exception {
        open(robot, Map.of("MINSKY_SESSION_BACKEND", "sqlite", "MINSKY_SQLITE_PATH",
                "/home/dev/.local/state/minsky/sessions.db"), null);
        settle(robot);
        Screenshots.save(settings.getScene(), "settings-sqlite-environment");
    }

    private void open(FxRobot robot, Map<String, String> extraEnv, String url) throws Exception {
        AppContext ctx = SettingsPanes.context(home, extraEnv, tasks, new RecordingDialogs());
        ctx.themeProperty().set(dark ? Theme.DARK : Theme.LIGHT);
        settings = SettingsPanes.open(robot, owner, ctx);
        if (url != null) {
            SettingsPanes.choosePostgres(robot, url);
        }
    }

    private static String summary(FxRobot robot) {
        return robot.lookup("#summary").queryAs(Label.class).getText();
    }

    private static void settle(FxRobot robot) {
        robot.moveTo("#settingsFile"); // no hover highlight on a button
        WaitForAsyncUtils.waitForFxEvents();
    }
}
