package dev.minsky.sessions.gui.migration;

import dev.minsky.sessions.gui.common.ViewLoader;
import dev.minsky.sessions.migrate.RecordCheck;
import java.util.ResourceBundle;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;

/** The verification page: the summary, the records that are not identical, and one of them field by field. */
public final class VerificationPageView {
    private final VerificationModel model;
    private final Parent root;

    @FXML
    private Label headline;
    @FXML
    private Label note;
    @FXML
    private GridPane counts;
    @FXML
    private TableView<RecordCheck> problems;
    @FXML
    private Label selectedDetail;
    @FXML
    private TableView<FieldRow> fields;

    VerificationPageView(VerificationModel model) {
        this.model = model;
        this.root = ViewLoader.load("migration/VerificationPage", this);
    }

    @FXML
    private void initialize() {
        ResourceBundle text = ViewLoader.texts();
        headline.textProperty().bind(model.headlineProperty());
        note.textProperty().bind(model.noteProperty());
        note.managedProperty().bind(note.textProperty().isNotEmpty());
        note.visibleProperty().bind(note.managedProperty());
        model.cleanProperty().addListener((o, was, clean) -> style(clean));
        style(model.cleanProperty().get());
        Views.countGrid(counts, model.counts());

        Views.column(problems, text.getString("migration.column.session"), 190, RecordCheck::session);
        Views.column(problems, text.getString("migration.column.outcome"), 90,
                c -> text.getString("migration.outcome." + c.outcome().key()));
        Views.column(problems, text.getString("migration.column.fieldCount"), 70, c -> String.valueOf(c.differences().size()));
        problems.setItems(model.problems());
        problems.setPlaceholder(Views.placeholder(text.getString("migration.verify.noProblems")));
        problems.setAccessibleText(text.getString("migration.page.verify"));
        problems.getSelectionModel().selectedItemProperty().addListener((o, was, c) -> model.selectedProperty().set(c));

        selectedDetail.textProperty().bind(model.selectedDetailProperty());
        selectedDetail.managedProperty().bind(selectedDetail.textProperty().isNotEmpty());
        Views.column(fields, text.getString("migration.column.field"), 110, FieldRow::field);
        Views.column(fields, text.getString("migration.column.source"), 190, FieldRow::source);
        Views.column(fields, text.getString("migration.column.target"), 190, FieldRow::target);
        fields.setItems(model.fields());
        fields.setPlaceholder(Views.placeholder(text.getString("migration.verify.selectRecord")));
    }

    private void style(boolean clean) {
        headline.getStyleClass().removeAll("verification-clean", "verification-problems");
        headline.getStyleClass().add(clean ? "verification-clean" : "verification-problems");
    }

    public Parent root() {
        return root;
    }
}
