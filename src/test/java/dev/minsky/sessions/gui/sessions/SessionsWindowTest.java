package dev.minsky.sessions.gui.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.minsky.sessions.gui.FxWait;
import dev.minsky.sessions.config.ConfigResolver;
import dev.minsky.sessions.domain.SessionField;
import dev.minsky.sessions.domain.SessionPatch;
import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.gui.common.AppContext;
import dev.minsky.sessions.gui.common.DialogService;
import dev.minsky.sessions.gui.SessionManagerApp;
import dev.minsky.sessions.gui.common.FxDialogService;
import dev.minsky.sessions.gui.common.RecordingDialogs;
import dev.minsky.sessions.gui.common.FxTaskRunner;
import dev.minsky.sessions.gui.common.ViewLoader;
import dev.minsky.sessions.store.TestRecords;
import dev.minsky.sessions.store.json.JsonFileStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
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
class SessionsWindowTest {
    @TempDir
    Path dir;
    private Stage stage;
    private Path file;
    private SessionsViewModel vm;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private void open(FxRobot robot, SessionRecord... records) throws TimeoutException {
        open(robot, null, records);
    }

    /** The window on {@code records}; {@code dialogs} null: real dialogs, owned by the window. */
    private void open(FxRobot robot, DialogService dialogs, SessionRecord... records) throws TimeoutException {
        file = dir.resolve("session-db.json");
        try (JsonFileStore store = new JsonFileStore(file)) {
            store.writeBatch(List.of(records));
        }
        Map<String, String> env = Map.of("MINSKY_JSON_PATH", file.toString(), "XDG_CONFIG_HOME", dir.resolve("cfg").toString());
        robot.interact(() -> {
            AppContext ctx = new AppContext(env, dir, new FxTaskRunner(),
                    dialogs != null ? dialogs : new FxDialogService(stage, ViewLoader.texts()));
            // a short check period: a change made elsewhere shows within the tests' waits
            vm = new SessionsViewModel(ctx, () -> new ConfigResolver(env, dir), ZoneId.of("UTC"), Clock.systemUTC(),
                    Duration.ofMillis(300));
            SessionManagerApp.show(stage, vm);
        });
        waitUntil(() -> table(robot).getItems().size() == records.length);
    }

    @AfterEach
    void stopWatching() throws Exception {
        if (vm != null) {
            WaitForAsyncUtils.asyncFx(vm::close).get(10, TimeUnit.SECONDS); // the stage stays for the next test
        }
    }

    private void openThree(FxRobot robot) throws TimeoutException {
        openThree(robot, null);
    }

    private void openThree(FxRobot robot, DialogService dialogs) throws TimeoutException {
        open(robot, dialogs, TestRecords.minimal("fix-parser"),
                TestRecords.withTask("task#001", "#001").toBuilder().set(SessionField.REPO_NAME, "edobry/minsky").build(),
                TestRecords.rich("task-md#2"));
    }

    /** Waits until the dialog {@code query} finds is in a window on screen, not only created: its buttons can be clicked. */
    private static void waitForDialog(FxRobot robot, String query) throws TimeoutException {
        waitUntil(() -> robot.lookup(query).tryQuery()
                .map(p -> p.getScene() != null && p.getScene().getWindow() != null && p.getScene().getWindow().isShowing())
                .orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        FxWait.until(10, condition);
    }

    @SuppressWarnings("unchecked")
    private static TableView<SessionRecord> table(FxRobot robot) {
        return robot.lookup(".table-view").queryAs(TableView.class);
    }

    private void select(FxRobot robot, String name) throws TimeoutException {
        robot.interact(() -> {
            TableView<SessionRecord> t = table(robot);
            t.getItems().stream().filter(r -> r.session().equals(name)).findFirst()
                    .ifPresent(r -> t.getSelectionModel().select(r));
        });
        waitUntil(() -> vm.editor().loadedProperty().get() != null
                && vm.editor().loadedProperty().get().session().equals(name));
    }

    private static void replaceText(FxRobot robot, String query, String text) {
        robot.clickOn(query).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.type(KeyCode.BACK_SPACE);
        if (!text.isEmpty()) {
            robot.write(text);
        }
    }

    private static void shortcut(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
    }

    @Test
    void typingInTheQuickFilterNarrowsTheTable(FxRobot robot) throws Exception {
        openThree(robot);
        shortcut(robot, KeyCode.F);
        assertTrue(robot.lookup("#quickFilter").query().isFocused(), "Ctrl+F focuses the filter");
        robot.write("edobry");
        waitUntil(() -> table(robot).getItems().size() == 1);
        assertEquals("task#001", table(robot).getItems().get(0).session());
        Label count = robot.lookup("#countLabel").queryAs(Label.class);
        waitUntil(() -> count.getText().equals("1 of 3 sessions")); // the count arrives with its own query
    }

    @Test
    void theFilterChoicesSayAnyAfterSwitchingToAnotherStore(FxRobot robot) throws Exception {
        openThree(robot);
        ComboBox<Choice> repos = combo(robot, "#repoFilter");
        waitUntil(() -> repos.getItems().size() > 1);
        assertShows(robot, "Any", "before the switch", FILTERS);
        Path other = dir.resolve("other.json");
        try (JsonFileStore store = new JsonFileStore(other)) {
            store.writeBatch(List.of(TestRecords.minimal("elsewhere-1"), TestRecords.minimal("elsewhere-2")));
        }
        robot.interact(() -> vm.open(new dev.minsky.sessions.store.StoreLocation.Json(other)));
        waitUntil(() -> table(robot).getItems().size() == 2);
        waitUntil(() -> repos.getItems().stream().noneMatch(c -> "edobry/minsky".equals(c.value())));
        assertShows(robot, "Any", "after the switch", FILTERS);
    }

    @Test
    void theFilterChoicesSayAnyAfterASave(FxRobot robot) throws Exception {
        openThree(robot);
        ComboBox<Choice> branches = combo(robot, "#branchFilter");
        waitUntil(() -> branches.getItems().size() > 1);
        assertShows(robot, "Any", "before the save", FILTERS);
        saveFixParserOnBranchMine(robot, branches);
        assertShows(robot, "Any", "after the save", FILTERS);
    }

    @Test
    void aChosenFilterStaysChosenAndShownAfterASave(FxRobot robot) throws Exception {
        openThree(robot);
        ComboBox<Choice> repos = combo(robot, "#repoFilter");
        ComboBox<Choice> branches = combo(robot, "#branchFilter");
        waitUntil(() -> repos.getItems().size() > 1);
        robot.clickOn("#repoFilter");
        robot.clickOn("local/minsky (2)");
        waitUntil(() -> table(robot).getItems().size() == 2);
        assertShows(robot, "local/minsky (2)", "chosen", "#repoFilter");
        saveFixParserOnBranchMine(robot, branches);
        assertEquals("local/minsky", vm.list().repoNameProperty().get(), "the repository filter is kept");
        assertEquals(2, WaitForAsyncUtils.asyncFx(() -> table(robot).getItems().size()).get(10, TimeUnit.SECONDS),
                "the table stays filtered");
        assertShows(robot, "local/minsky (2)", "after the save", "#repoFilter");
        assertShows(robot, "Any", "after the save", "#taskFilter", "#branchFilter");
    }

    private static final String[] FILTERS = {"#taskFilter", "#repoFilter", "#branchFilter"};

    /**
     * Moves session fix-parser to branch "mine" and saves it with Ctrl+S; returns once the save has
     * refreshed the rows and then the choices (replaced whole), the new branch among them.
     */
    private void saveFixParserOnBranchMine(FxRobot robot, ComboBox<Choice> branches) throws TimeoutException {
        select(robot, "fix-parser");
        replaceText(robot, "#field-branch", "mine");
        shortcut(robot, KeyCode.S);
        waitUntil(() -> vm.statusProperty().get().equals("Saved fix-parser")
                && branches.getItems().stream().anyMatch(c -> "mine".equals(c.value())));
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<Choice> combo(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ComboBox.class);
    }

    /**
     * Asserts what each filter box shows once the events in flight are handled: the text of its button cell, and a
     * value that is one of its items and is selected. The text is read from the button cell as the skin last set it,
     * not through the skin's {@code getDisplayNode()}, which sets the cell from the value first and so hides a blank
     * box.
     */
    private static void assertShows(FxRobot robot, String text, String when, String... ids) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : ids) {
            ComboBox<Choice> box = combo(robot, id);
            List<Object> seen = WaitForAsyncUtils.asyncFx(() -> List.<Object>of(buttonCellText(box),
                    String.valueOf(box.getValue()), box.getItems().contains(box.getValue()),
                    box.getSelectionModel().getSelectedIndex() >= 0
                            && box.getItems().get(box.getSelectionModel().getSelectedIndex()).equals(box.getValue())))
                    .get(10, TimeUnit.SECONDS);
            assertEquals(text, seen.get(0), id + " shows its value " + when + " (value " + seen.get(1) + ")");
            assertEquals(true, seen.get(2), id + ": its value " + seen.get(1) + " is one of its items " + when);
            assertEquals(true, seen.get(3), id + ": its value " + seen.get(1) + " is selected " + when);
        }
    }

    /** The text of a ComboBox's button cell (the skin's display node, a child of the box), as shown. FX thread. */
    private static String buttonCellText(ComboBox<?> box) {
        return box.getChildrenUnmodifiable().stream().filter(n -> n instanceof ListCell).findFirst()
                .map(n -> String.valueOf(((ListCell<?>) n).getText()))
                .orElseThrow(() -> new AssertionError("no button cell in " + box));
    }

    @Test
    void editingAFieldShowsItsValidationAndBlocksSave(FxRobot robot) throws Exception {
        openThree(robot);
        select(robot, "fix-parser");
        Button save = robot.lookup("#saveButton").queryButton();
        replaceText(robot, "#field-repoName", "");
        Label problem = robot.lookup("#problem-repoName").queryAs(Label.class);
        waitUntil(problem::isVisible);
        assertEquals("is required", problem.getText());
        assertTrue(save.isDisabled());
        String statusBefore = vm.statusProperty().get();
        shortcut(robot, KeyCode.S);
        Thread.sleep(300); // a save would run in the background: give it time to report
        WaitForAsyncUtils.waitForFxEvents();
        // Ctrl+S did not even try: a save the store refused would have raised an error dialog, a save
        // that went through would have said "Saved" (the file alone cannot tell: the store refuses it too)
        assertEquals(1, robot.listTargetWindows().stream().filter(w -> w.isShowing()).count(), "no dialog");
        assertEquals(statusBefore, vm.statusProperty().get());
        try (JsonFileStore check = new JsonFileStore(file)) {
            assertEquals("local/minsky", check.get("fix-parser").orElseThrow().repoName());
        }
        robot.write("acme/app");
        waitUntil(() -> !problem.isVisible() && !save.isDisabled());
    }

    @Test
    void aConflictOnSaveOffersToReload(FxRobot robot) throws Exception {
        openThree(robot);
        select(robot, "fix-parser");
        replaceText(robot, "#field-branch", "mine");
        try (JsonFileStore minskyCli = new JsonFileStore(file)) {
            minskyCli.update(SessionPatch.of("fix-parser").set(SessionField.BRANCH, "theirs").build());
        }
        shortcut(robot, KeyCode.S);
        waitForDialog(robot, "#confirm-dialog");
        DialogPane dialog = robot.lookup("#confirm-dialog").queryAs(DialogPane.class);
        assertEquals("Changed by someone else", dialog.getHeaderText());
        assertEquals(480, dialog.getMinWidth());
        assertEquals(stage, ((Stage) dialog.getScene().getWindow()).getOwner(), "owned by the window");
        assertTrue(dialog.getContentText().contains("fix-parser"), dialog.getContentText());
        assertEquals(List.of("Keep editing"), dialog.getButtonTypes().stream().map(dialog::lookupButton)
                .filter(b -> ((Button) b).isDefaultButton()).map(b -> ((Button) b).getText()).toList(),
                "Enter keeps the edits");
        robot.clickOn("Reload");
        TextField branch = robot.lookup("#field-branch").queryAs(TextField.class);
        waitUntil(() -> branch.getText().equals("theirs"));
    }

    /** DESIGN convention 8: the conflict question goes through the DialogService, like every other one. */
    @Test
    void theConflictQuestionGoesThroughTheDialogService(FxRobot robot) throws Exception {
        RecordingDialogs dialogs = new RecordingDialogs();
        dialogs.confirmAnswer = false;
        openThree(robot, dialogs);
        select(robot, "fix-parser");
        replaceText(robot, "#field-branch", "mine");
        try (JsonFileStore minskyCli = new JsonFileStore(file)) {
            minskyCli.update(SessionPatch.of("fix-parser").set(SessionField.BRANCH, "theirs").build());
        }
        shortcut(robot, KeyCode.S);
        waitUntil(() -> dialogs.confirmations.size() == 1);
        assertTrue(dialogs.confirmations.get(0).startsWith("Changed by someone else: Session fix-parser was changed"),
                dialogs.confirmations.get(0));
        assertEquals(List.of("Reload / Keep editing"), dialogs.confirmChoices);
        TextField branch = robot.lookup("#field-branch").queryAs(TextField.class);
        waitUntil(() -> !vm.editor().conflictProperty().get());
        assertEquals("mine", branch.getText(), "kept editing");

        dialogs.confirmAnswer = true;
        shortcut(robot, KeyCode.S);
        waitUntil(() -> dialogs.confirmations.size() == 2);
        waitUntil(() -> branch.getText().equals("theirs"));
    }

    @Test
    void ctrlNCreatesCtrlSSavesAndF5RefreshesKeepingTheSelection(FxRobot robot) throws Exception {
        openThree(robot);
        shortcut(robot, KeyCode.N);
        waitUntil(() -> robot.lookup("#field-session").query().isFocused());
        robot.write("task#777");
        replaceText(robot, "#field-repoName", "local/minsky");
        replaceText(robot, "#field-repoUrl", "/home/dev/minsky");
        shortcut(robot, KeyCode.S);
        Label count = robot.lookup("#countLabel").queryAs(Label.class);
        waitUntil(() -> count.getText().equals("4 of 4 sessions"));
        waitUntil(() -> table(robot).getSelectionModel().getSelectedItem() != null
                && table(robot).getSelectionModel().getSelectedItem().session().equals("task#777"));
        try (JsonFileStore minskyCli = new JsonFileStore(file)) {
            minskyCli.create(TestRecords.minimal("aaa-from-the-cli"));
        }
        robot.type(KeyCode.F5);
        waitUntil(() -> count.getText().equals("5 of 5 sessions"));
        waitUntil(() -> table(robot).getSelectionModel().getSelectedItem() != null
                && table(robot).getSelectionModel().getSelectedItem().session().equals("task#777"));
    }

    @Test
    void deleteOffersUndo(FxRobot robot) throws Exception {
        openThree(robot);
        select(robot, "task#001");
        javafx.application.Platform.runLater(vm::delete); // the confirmation waits for the user: do not wait for it
        waitForDialog(robot, ".dialog-pane");
        robot.clickOn("Delete");
        Label count = robot.lookup("#countLabel").queryAs(Label.class);
        waitUntil(() -> count.getText().equals("2 of 2 sessions"));
        robot.clickOn("#undoButton");
        waitUntil(() -> count.getText().equals("3 of 3 sessions"));
    }

    private static String selectedName(FxRobot robot) {
        SessionRecord r = table(robot).getSelectionModel().getSelectedItem();
        return r == null ? null : r.session();
    }

    @Test
    void aSessionWrittenByMinskyShowsWithoutF5AndTheSelectionStays(FxRobot robot) throws Exception {
        openThree(robot);
        select(robot, "task#001");
        try (JsonFileStore minskyCli = new JsonFileStore(file)) {
            minskyCli.create(TestRecords.minimal("aaa-from-the-cli"));
        }
        waitUntil(() -> table(robot).getItems().size() == 4);
        assertEquals("aaa-from-the-cli", table(robot).getItems().get(0).session());
        waitUntil(() -> "task#001".equals(selectedName(robot)));
        Label count = robot.lookup("#countLabel").queryAs(Label.class);
        waitUntil(() -> count.getText().equals("4 of 4 sessions"));
        Label refreshed = robot.lookup("#refreshLabel").queryAs(Label.class);
        waitUntil(() -> refreshed.getText().startsWith("Refreshed (store changed) "));
    }

    @Test
    void unsavedEditsSurviveAChangeMadeElsewhere(FxRobot robot) throws Exception {
        openThree(robot);
        select(robot, "fix-parser");
        replaceText(robot, "#field-branch", "mine");
        try (JsonFileStore minskyCli = new JsonFileStore(file)) {
            minskyCli.update(SessionPatch.of("fix-parser").set(SessionField.BRANCH, "theirs").build());
            minskyCli.create(TestRecords.minimal("aaa-from-the-cli"));
        }
        Label note = robot.lookup("#elsewhereNote").queryAs(Label.class);
        waitUntil(() -> table(robot).getItems().size() == 4 && note.isVisible());
        assertTrue(note.getText().startsWith("This session was changed elsewhere"), note.getText());
        TextField branch = robot.lookup("#field-branch").queryAs(TextField.class);
        assertEquals("mine", branch.getText(), "the edit is untouched");
        assertEquals("fix-parser", selectedName(robot));
        shortcut(robot, KeyCode.S);
        waitForDialog(robot, "#confirm-dialog");
        robot.clickOn("Keep editing");
        waitUntil(() -> robot.lookup("#confirm-dialog").tryQuery().isEmpty());
        assertEquals("mine", branch.getText());
        try (JsonFileStore check = new JsonFileStore(file)) {
            assertEquals("theirs", check.get("fix-parser").orElseThrow().branch(), "their change is not overwritten");
        }
    }
}
