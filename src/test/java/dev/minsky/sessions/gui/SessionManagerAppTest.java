package dev.minsky.sessions.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.minsky.sessions.config.ConfigResolver;
import java.nio.file.Path;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import java.util.concurrent.TimeUnit;

@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class SessionManagerAppTest {
    @TempDir
    Path home;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new SessionManagerApp().start(stage);
    }

    @Test
    void opensAWindowNamingTheActiveStore(FxRobot robot) throws Exception {
        assertEquals("Minsky Session Manager", stage.getTitle());
        Label label = robot.lookup("#store").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !label.getText().startsWith("Reading"));
        String text = label.getText();
        assertTrue(text.startsWith("Store: ") || text.startsWith("The configuration cannot be used"), text);
    }

    @Test
    void namesTheConfiguredStoreWithPasswordMasked() {
        String text = SessionManagerApp.storeText(new ConfigResolver(Map.of(
                "MINSKY_SESSION_BACKEND", "postgres", "MINSKY_POSTGRES_URL", "postgresql://u:hunter2@h/db"), home));
        assertEquals("Store: postgresql://u:****@h/db", text);
    }

    @Test
    void explainsAnUnusableConfigurationInsteadOfFailing() {
        String text = SessionManagerApp.storeText(new ConfigResolver(Map.of("MINSKY_SESSION_BACKEND", "mongo"), home));
        assertTrue(text.startsWith("The configuration cannot be used: environment MINSKY_SESSION_BACKEND"), text);
        assertFalse(text.isBlank());
    }
}
