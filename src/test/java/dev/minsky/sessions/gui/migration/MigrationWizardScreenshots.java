package dev.minsky.sessions.gui.migration;

import dev.minsky.sessions.config.SessionStores;
import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.gui.common.Theme;
import dev.minsky.sessions.migrate.RecordCheck;
import dev.minsky.sessions.store.SessionStore;
import dev.minsky.sessions.store.StoreLocation;
import dev.minsky.sessions.store.TestRecords;
import dev.minsky.sessions.testsupport.Screenshots;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** docs/screenshots/migration-*.png: the wizard on the messy 1,003-record fixture (./mvnw -B test -Pscreenshots). */
@Tag("screenshots")
@ExtendWith(ApplicationExtension.class)
class MigrationWizardScreenshots {
    @TempDir
    Path dir;
    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 300, 200));
        stage.show();
    }

    private WizardDriver toPlan(FxRobot robot, Theme theme) throws Exception {
        return toPlan(robot, theme, null);
    }

    private WizardDriver toPlan(FxRobot robot, Theme theme, String targetShot) throws Exception {
        Path json = dir.resolve("state/minsky/session-db.json");
        if (!json.toFile().exists()) {
            TestRecords.copyResource("fixtures/messy-1000-with-3-invalid.json", json);
        }
        WizardDriver w = new WizardDriver(robot, dir, theme).open(owner, new StoreLocation.Json(json));
        robot.interact(() -> w.wizard.setWidth(960));
        robot.interact(() -> w.wizard.setHeight(680));
        w.nextWhenReady(5);
        if (targetShot != null) {
            Screenshots.save(w.wizard.getScene(), targetShot);
        }
        w.nextWhenReady(5);
        w.waitFor(60, () -> !w.next().isDisabled());
        return w;
    }

    @Test
    void cleanRunJsonToSqlite(FxRobot robot) throws Exception {
        WizardDriver w = toPlan(robot, Theme.LIGHT, "migration-target");
        Screenshots.save(w.wizard.getScene(), "migration-plan");
        w.nextWhenReady(5);
        w.waitFor(120, () -> !w.next().isDisabled());
        Screenshots.save(w.wizard.getScene(), "migration-run");
        w.nextWhenReady(5);
        Screenshots.save(w.wizard.getScene(), "migration-verification");
        w.nextWhenReady(5);
        Screenshots.save(w.wizard.getScene(), "migration-finish");
    }

    @Test
    void runIntoATargetThatChangedTwoRecords(FxRobot robot) throws Exception {
        Path json = TestRecords.copyResource("fixtures/messy-1000-with-3-invalid.json",
                dir.resolve("state/minsky/session-db.json"));
        try (SessionStore source = SessionStores.openReadOnly(new StoreLocation.Json(json));
             SessionStore target = SessionStores.open(new StoreLocation.Sqlite(json.resolveSibling("sessions.db")));
             Stream<SessionRecord> all = source.streamAll()) {
            List<SessionRecord> two = all.filter(r -> r.branch() != null && r.taskId() != null).limit(2).toList();
            target.create(two.get(0).toBuilder().set("branch", "fix/edited-in-minsky").build());
            target.create(two.get(1).toBuilder().set("taskId", "md#999").set("backendType", "local").build());
        }
        WizardDriver w = toPlan(robot, Theme.DARK);
        robot.interact(() -> w.find("#tabs", TabPane.class).getSelectionModel().select(1));
        @SuppressWarnings("unchecked")
        TableView<?> conflicts = w.find("#conflicts", TableView.class);
        robot.interact(() -> conflicts.getSelectionModel().select(1));
        Screenshots.save(w.wizard.getScene(), "migration-plan-conflicts-dark");
        w.nextWhenReady(5);
        w.waitFor(120, () -> !w.next().isDisabled());
        w.nextWhenReady(5);
        @SuppressWarnings("unchecked")
        TableView<RecordCheck> problems = w.find("#problems", TableView.class);
        robot.interact(() -> problems.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> w.ctx.themeProperty().set(Theme.LIGHT));
        Screenshots.save(w.wizard.getScene(), "migration-verification-differences");
        w.nextWhenReady(5);
        Screenshots.save(w.wizard.getScene(), "migration-finish-not-clean");
    }
}
