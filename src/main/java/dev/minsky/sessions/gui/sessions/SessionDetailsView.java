package dev.minsky.sessions.gui.sessions;

import dev.minsky.sessions.domain.SessionField;
import dev.minsky.sessions.gui.common.AppContext;
import dev.minsky.sessions.gui.common.ViewLoader;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The details pane: a form of the known fields with their validation, the other fields read-only. */
public final class SessionDetailsView {
    private final SessionsViewModel vm;
    private final SessionEditorModel editor;
    private final AppContext ctx;
    private final Parent root;

    @FXML private Label placeholder;
    @FXML private VBox content;
    @FXML private Label heading;
    @FXML private Label elsewhereNote;
    @FXML private GridPane form;
    @FXML private Label otherProblems;
    @FXML private Label otherTitle;
    @FXML private GridPane otherForm;
    @FXML private Button saveButton;
    @FXML private Button revertButton;
    @FXML private Button deleteButton;

    public SessionDetailsView(SessionsViewModel vm) {
        this.vm = vm;
        this.editor = vm.editor();
        this.ctx = vm.context();
        this.root = ViewLoader.load("sessions/SessionDetails", this);
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        placeholder.visibleProperty().bind(editor.activeProperty().not());
        content.visibleProperty().bind(editor.activeProperty());
        heading.textProperty().bind(Bindings.when(editor.creatingProperty())
                .then(ctx.text("sessions.details.new"))
                .otherwise(editor.field(SessionField.SESSION).textProperty()));
        int row = 0;
        for (EditableField f : editor.fields().values()) {
            addField(f, row);
            row += 2;
        }
        elsewhereNote.textProperty().bind(Bindings.createStringBinding(() -> switch (editor.elsewhereProperty().get()) {
            case CHANGED -> ctx.text("sessions.details.changedElsewhere");
            case DELETED -> ctx.text("sessions.details.deletedElsewhere");
            case NONE -> "";
        }, editor.elsewhereProperty()));
        showWhenText(elsewhereNote);
        otherProblems.textProperty().bind(editor.otherProblemsProperty());
        showWhenText(otherProblems);
        editor.others().addListener((ListChangeListener<SessionEditorModel.ReadOnlyField>) c -> showOthers());
        showOthers();
        saveButton.disableProperty().bind(editor.canSaveProperty().not());
        revertButton.disableProperty().bind(editor.dirtyProperty().not());
        deleteButton.disableProperty().bind(editor.loadedProperty().isNull());
        editor.conflictProperty().addListener((o, was, now) -> {
            if (now) {
                Platform.runLater(this::askAboutConflict);
            }
        });
    }

    private void addField(EditableField f, int row) {
        Label name = new Label(f.name());
        TextField input = new TextField();
        input.setId("field-" + f.name());
        name.setLabelFor(input);
        input.textProperty().bindBidirectional(f.textProperty());
        input.editableProperty().bind(f.editableProperty());
        input.setAccessibleText(f.name());
        Label problem = new Label();
        problem.setId("problem-" + f.name());
        problem.setWrapText(true);
        problem.textProperty().bind(f.problemProperty());
        showWhenText(problem);
        Runnable style = () -> {
            input.getStyleClass().removeAll("invalid", "warning");
            problem.getStyleClass().removeAll("field-error", "field-warning");
            if (!f.problemProperty().get().isEmpty()) {
                input.getStyleClass().add(f.errorProperty().get() ? "invalid" : "warning");
                problem.getStyleClass().add(f.errorProperty().get() ? "field-error" : "field-warning");
            }
        };
        f.problemProperty().addListener((o, a, b) -> style.run());
        f.errorProperty().addListener((o, a, b) -> style.run());
        style.run();
        form.addRow(row, name, input);
        form.add(problem, 1, row + 1);
    }

    private void showOthers() {
        otherForm.getChildren().clear();
        int row = 0;
        for (SessionEditorModel.ReadOnlyField f : editor.others()) {
            Label name = new Label(f.name());
            TextInputControl value;
            if (f.nested()) {
                TextArea area = new TextArea(f.text());
                area.setPrefRowCount((int) Math.min(12, f.text().lines().count()));
                area.getStyleClass().add("json-view");
                value = area;
            } else {
                value = new TextField(f.text());
            }
            value.setEditable(false);
            value.setAccessibleText(f.name());
            value.setId("other-" + f.name());
            name.setLabelFor(value);
            otherForm.addRow(row++, name, value);
        }
        otherTitle.setVisible(row > 0);
        otherTitle.setManaged(row > 0);
    }

    private static void showWhenText(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    private void askAboutConflict() {
        if (!editor.conflictProperty().get()) {
            return;
        }
        // through the one dialog path (DESIGN convention 8); as in every confirmation, Enter takes the
        // safe choice, keeping the edits
        boolean reload = ctx.dialogs().confirm(ctx.text("sessions.conflict.title"),
                ctx.text("sessions.conflict.message", editor.loadedProperty().get().session()),
                ctx.text("sessions.conflict.reload"), ctx.text("sessions.conflict.keep"));
        if (reload) {
            editor.reloadStored();
        } else {
            editor.keepEditing();
        }
    }

    @FXML
    private void save() {
        editor.save();
    }

    @FXML
    private void revert() {
        editor.revert();
    }

    @FXML
    private void delete() {
        vm.delete();
    }

    /** Puts the keyboard in the first editable field (after New). */
    public void focusFirstField() {
        String first = editor.creatingProperty().get() ? SessionField.SESSION : SessionField.REPO_NAME;
        form.lookup("#field-" + first).requestFocus();
    }
}
