package dev.minsky.sessions.gui.sessions;

import dev.minsky.sessions.config.ConfigResolver;
import dev.minsky.sessions.domain.SessionField;
import dev.minsky.sessions.domain.SessionPatch;
import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.gui.common.AppContext;
import dev.minsky.sessions.gui.SessionManagerApp;
import dev.minsky.sessions.gui.common.FxDialogService;
import dev.minsky.sessions.gui.common.FxTaskRunner;
import dev.minsky.sessions.gui.common.Theme;
import dev.minsky.sessions.gui.common.ViewLoader;
import dev.minsky.sessions.store.json.JsonFileStore;
import dev.minsky.sessions.testsupport.Screenshots;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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

/** The sessions window's pictures in docs/screenshots ({@code ./mvnw -B test -Pscreenshots}). */
@Tag("screenshots")
@ExtendWith(ApplicationExtension.class)
class SessionsScreenshots {
    @TempDir
    Path dir;
    private Stage stage;
    private SessionsViewModel vm;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private void show(FxRobot robot, Map<String, String> env, Theme theme) {
        robot.interact(() -> {
            AppContext ctx = new AppContext(env, dir, new FxTaskRunner(), new FxDialogService(stage, ViewLoader.texts()));
            ctx.themeProperty().set(theme);
            vm = new SessionsViewModel(ctx, () -> new ConfigResolver(env, dir), ZoneId.of("Europe/Berlin"),
                    Clock.systemUTC());
            SessionManagerApp.show(stage, vm);
        });
    }

    private void showDemo(FxRobot robot, Theme theme) throws Exception {
        Path file = dir.resolve("session-db.json");
        DemoSessions.write(file, SessionsViewModel.DEMO_SIZE);
        show(robot, Map.of("MINSKY_JSON_PATH", file.toString(), "XDG_CONFIG_HOME", dir.resolve("cfg").toString()), theme);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.list().shownProperty().get() == SessionsViewModel.DEMO_SIZE
                && vm.list().repoChoices().size() > 1);
        // a session with PR objects and newer fields, so the details pane shows every kind of value
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            TableView<SessionRecord> table = robot.lookup(".table-view").queryAs(TableView.class);
            int i = 0;
            while (!(table.getItems().get(i).has(SessionField.PULL_REQUEST) && table.getItems().get(i).has("status"))) {
                i++;
            }
            table.getSelectionModel().select(i);
            table.scrollTo(Math.max(0, i - 5));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void mainWindowLight(FxRobot robot) throws Exception {
        showDemo(robot, Theme.LIGHT);
        Screenshots.save(stage.getScene(), "sessions-window");
    }

    @Test
    void mainWindowDark(FxRobot robot) throws Exception {
        showDemo(robot, Theme.DARK);
        Screenshots.save(stage.getScene(), "sessions-window-dark");
        robot.interact(() -> Theme.LIGHT.apply(stage.getScene()));
    }

    @Test
    void detailsWithAValidationError(FxRobot robot) throws Exception {
        showDemo(robot, Theme.LIGHT);
        robot.interact(() -> {
            vm.editor().field(SessionField.CREATED_AT).textProperty().set("yesterday");
            vm.editor().field(SessionField.TASK_ID).textProperty().set("TASK-12");
            vm.editor().field(SessionField.REPO_NAME).textProperty().set("");
        });
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene(), "sessions-validation");
    }

    @Test
    void detailsChangedElsewhere(FxRobot robot) throws Exception {
        showDemoEditedHereAndChangedByMinsky(robot);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.editor().elsewhereProperty().get()
                == SessionEditorModel.Elsewhere.CHANGED && vm.refreshTextProperty().get().contains("store changed"));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene(), "sessions-changed-elsewhere");
        robot.interact(vm::close);
    }

    @Test
    void conflictQuestionOnSave(FxRobot robot) throws Exception {
        showDemoEditedHereAndChangedByMinsky(robot);
        robot.clickOn("Save");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#confirm-dialog").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(robot.lookup("#confirm-dialog").query().getScene(), "sessions-conflict-on-save");
        robot.clickOn("Keep editing");
        robot.interact(vm::close);
    }

    /** The demo store with the shown session's branch edited here, then changed in the file as Minsky's CLI would. */
    private void showDemoEditedHereAndChangedByMinsky(FxRobot robot) throws Exception {
        showDemo(robot, Theme.LIGHT);
        SessionRecord shown = vm.editor().loadedProperty().get();
        robot.interact(() -> vm.editor().field(SessionField.BRANCH).textProperty().set("my-branch"));
        try (JsonFileStore minskyCli = new JsonFileStore(dir.resolve("session-db.json"))) {
            minskyCli.update(SessionPatch.of(shown.session()).set(SessionField.BRANCH, "their-branch").build());
        }
    }

    @Test
    void noStoreYet(FxRobot robot) throws Exception {
        show(robot, Map.of("XDG_STATE_HOME", "/home/alice/.local/state", "XDG_CONFIG_HOME",
                dir.resolve("cfg").toString()), Theme.LIGHT);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.missingDefaultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene(), "sessions-no-store");
    }
}
