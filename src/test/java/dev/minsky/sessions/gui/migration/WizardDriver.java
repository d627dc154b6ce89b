package dev.minsky.sessions.gui.migration;

import dev.minsky.sessions.gui.FxWait;
import dev.minsky.sessions.gui.common.RecordingDialogs;
import dev.minsky.sessions.gui.common.AppContext;
import dev.minsky.sessions.gui.common.FxTaskRunner;
import dev.minsky.sessions.gui.common.Theme;
import dev.minsky.sessions.store.StoreLocation;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real wizard window in TestFX tests: opens it over a context whose store is {@code active}. */
final class WizardDriver {
    final FxRobot robot;
    final RecordingDialogs dialogs = new RecordingDialogs();
    final AppContext ctx;
    Stage wizard;

    WizardDriver(FxRobot robot, Path home, Theme theme) {
        this.robot = robot;
        this.ctx = new AppContext(Map.of("XDG_STATE_HOME", home.resolve("state").toString()), home,
                new FxTaskRunner(), dialogs);
        ctx.themeProperty().set(theme);
    }

    WizardDriver open(Stage owner, StoreLocation active) throws TimeoutException {
        robot.interact(() -> ctx.open(active, error -> {
            if (error != null) {
                throw new AssertionError(error);
            }
        }));
        waitFor(10, () -> active.equals(ctx.locationProperty().get()));
        robot.interact(() -> wizard = MigrationWizard.open(owner, ctx, stage -> dialogs));
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    void waitFor(int seconds, Supplier<Boolean> condition) throws TimeoutException {
        FxWait.until(seconds, condition::get);
    }

    Button next() {
        return robot.lookup("#next").queryButton();
    }

    String title() {
        return robot.lookup(".page-title").queryAs(Label.class).getText();
    }

    <T extends Node> T find(String query, Class<T> type) {
        return robot.lookup(query).queryAs(type);
    }

    /** Replaces a text field's content by typing, as a user would. */
    void retype(javafx.scene.control.TextField field, String text) {
        robot.clickOn(field);
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.A)
                .release(javafx.scene.input.KeyCode.A, javafx.scene.input.KeyCode.CONTROL);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Clicks Next once it is enabled (waits up to {@code seconds} for the page's work). */
    void nextWhenReady(int seconds) throws TimeoutException {
        waitFor(seconds, () -> !next().isDisabled());
        robot.clickOn(next());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
