package dev.minsky.sessions.gui.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.minsky.sessions.gui.common.Theme;
import dev.minsky.sessions.migrate.InvalidRecord;
import dev.minsky.sessions.store.StoreLocation;
import dev.minsky.sessions.store.TestRecords;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class MigrationWizardTest {
    @TempDir
    Path dir;
    private Stage owner;

    @Start
    void start(Stage stage) {
        this.owner = stage;
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 300, 200));
        stage.show();
    }

    @Test
    void fullRunJsonToSqliteThroughTheWizardEndsOnAVerifiedSummary(FxRobot robot) throws Exception {
        Path json = TestRecords.copyResource("fixtures/messy-1000-with-3-invalid.json", dir.resolve("session-db.json"));
        Path sqlite = dir.resolve("sessions.db");
        WizardDriver w = new WizardDriver(robot, dir, Theme.LIGHT).open(owner, new StoreLocation.Json(json));

        assertTrue(w.title().startsWith("Source"), w.title());
        assertTrue(w.find("#json", RadioButton.class).isSelected(), "the store in use is the source");
        assertEquals(json.toString(), w.find("#source-path", TextField.class).getText());
        w.nextWhenReady(5);

        assertTrue(w.title().startsWith("Target"), w.title());
        assertTrue(w.find("#sqlite", RadioButton.class).isSelected(), "JSON → SQLite is suggested");
        TextField targetPath = w.find("#target-path", TextField.class);
        assertEquals(sqlite.toString(), targetPath.getText());
        w.retype(targetPath, json.toString());
        assertTrue(w.next().isDisabled(), "the target may not be the source: " + targetPath.getText());
        w.retype(targetPath, sqlite.toString());
        assertFalse(w.next().isDisabled());
        robot.press(KeyCode.ALT, KeyCode.N).release(KeyCode.N, KeyCode.ALT); // Alt+N, as the keyboard user does

        w.waitFor(30, () -> w.title().startsWith("Plan") && !w.next().isDisabled());
        @SuppressWarnings("unchecked")
        TableView<InvalidRecord> invalid = w.find("#invalid", TableView.class);
        assertEquals(3, invalid.getItems().size(), "the plan lists the three invalid records");
        assertEquals("Start migration", w.next().getText());
        assertFalse(Files.exists(sqlite), "the plan wrote nothing");
        w.nextWhenReady(5);

        assertTrue(w.title().startsWith("Run"), w.title());
        w.waitFor(90, () -> !w.next().isDisabled());
        assertTrue(w.find("#result", Label.class).getText().startsWith("1,000 copied"),
                w.find("#result", Label.class).getText());
        assertFalse(w.find("#rows", TableView.class).getItems().isEmpty(), "the live list shows records");
        w.nextWhenReady(5);

        assertTrue(w.title().startsWith("Verification"), w.title());
        assertEquals("Verified: all 1,000 records are identical in the target, and the digests match.",
                w.find("#headline", Label.class).getText());
        GridPane counts = w.find("#counts", GridPane.class);
        String summary = counts.getChildren().stream().map(n -> ((Label) n).getText())
                .reduce("", (a, b) -> a + "|" + b);
        assertTrue(summary.contains("|Identical|1,000|"), summary);
        assertTrue(summary.contains("|Different|0|") && summary.contains("|Missing from the target|0|"), summary);
        assertTrue(summary.contains("|Digests|match"), summary);
        assertTrue(w.dialogs.errors.isEmpty(), w.dialogs.errors.toString());

        w.nextWhenReady(5);
        assertTrue(w.title().startsWith("Finish"), w.title());
        Button use = w.find("#useTarget", Button.class);
        assertTrue(use.isVisible(), "a clean verification offers to use the target");
        robot.clickOn(use);
        w.waitFor(10, () -> new StoreLocation.Sqlite(sqlite).equals(w.ctx.locationProperty().get()));
        assertEquals("Close", w.find("#close", Button.class).getText());
        robot.clickOn(w.find("#close", Button.class));
        w.waitFor(5, () -> !w.wizard.isShowing());
    }

    @Test
    void closingDuringARunAsksStopsSafelyAndSaysWhatWasCommitted(FxRobot robot) throws Exception {
        Path json = dir.resolve("big.json");
        try (var store = dev.minsky.sessions.config.SessionStores.open(new StoreLocation.Json(json))) {
            store.writeBatch(java.util.stream.IntStream.range(0, 20_000)
                    .mapToObj(i -> TestRecords.minimal("s-" + i)).toList());
        }
        WizardDriver w = new WizardDriver(robot, dir, Theme.LIGHT).open(owner, new StoreLocation.Json(json));
        w.nextWhenReady(5);
        w.retype(w.find("#batchSize", TextField.class), "1");
        w.nextWhenReady(5);
        w.nextWhenReady(60); // Start migration
        TableView<?> rows = w.find("#rows", TableView.class);
        w.waitFor(30, () -> !rows.getItems().isEmpty());
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        w.waitFor(60, () -> !w.wizard.isShowing());
        assertEquals(1, w.dialogs.confirmations.size(), "asked before stopping");
        assertEquals(1, w.dialogs.infos.size());
        assertTrue(w.dialogs.infos.get(0).contains("were committed to the target"), w.dialogs.infos.get(0));
    }

    @Test
    void escapeClosesTheWizardBeforeAnythingRuns(FxRobot robot) throws Exception {
        Path json = TestRecords.copyResource("fixtures/messy-1000-with-3-invalid.json", dir.resolve("session-db.json"));
        WizardDriver w = new WizardDriver(robot, dir, Theme.LIGHT).open(owner, new StoreLocation.Json(json));
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        w.waitFor(5, () -> !w.wizard.isShowing());
        assertTrue(w.dialogs.confirmations.isEmpty(), "nothing to ask before a run");
    }
}
