package dev.minsky.sessions.gui.settings;

import dev.minsky.sessions.gui.FxWait;
import dev.minsky.sessions.gui.common.AppContext;
import dev.minsky.sessions.gui.common.DialogService;
import dev.minsky.sessions.gui.common.TaskRunner;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;

/** Opens the settings pane for the GUI tests and screenshots: a private home, the pane loaded. */
final class SettingsPanes {
    private SettingsPanes() {
    }

    /** A context whose configuration and state live under {@code home}, plus {@code extraEnv}. */
    static AppContext context(Path home, Map<String, String> extraEnv, TaskRunner tasks, DialogService dialogs) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("XDG_STATE_HOME", home.resolve("state").toString());
        return new AppContext(env, home, tasks, dialogs);
    }

    /** Opens the pane over {@code owner} with the context's dialogs and waits until it has loaded. */
    static Stage open(FxRobot robot, Stage owner, AppContext ctx) throws TimeoutException {
        Stage[] settings = new Stage[1];
        robot.interact(() -> settings[0] = SettingsDialog.open(owner, ctx, w -> ctx.dialogs()));
        Node body = robot.lookup("#body").query();
        try {
            FxWait.until(10, () -> !body.isDisabled());
        } catch (TimeoutException e) {
            robot.interact(settings[0]::close);
            throw e;
        }
        return settings[0];
    }

    /** Picks PostgreSQL and types {@code url}. */
    static void choosePostgres(FxRobot robot, String url) {
        robot.clickOn("#postgresChoice");
        TextField field = robot.lookup("#url").queryAs(TextField.class);
        robot.interact(() -> field.setText(url));
    }
}
