package dev.minsky.sessions.gui.sessions;

import dev.minsky.sessions.domain.SessionQuery.SortField;
import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.gui.common.ViewLoader;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.util.Duration;
import javafx.util.StringConverter;

/** The filter bar and the sessions table; sorting and filtering are done by the store's query. */
public final class SessionTableView {
    private static final Duration TYPING_PAUSE = Duration.millis(150);

    private final SessionsViewModel vm;
    private final SessionListModel list;
    private final Parent root;
    private boolean applying;

    @FXML private TextField quickFilter;
    @FXML private Label countLabel;
    @FXML private Label taskLabel;
    @FXML private Label repoLabel;
    @FXML private Label branchLabel;
    @FXML private Label fromLabel;
    @FXML private Label toLabel;
    @FXML private ComboBox<Choice> taskFilter;
    @FXML private ComboBox<Choice> repoFilter;
    @FXML private ComboBox<Choice> branchFilter;
    @FXML private DatePicker fromDate;
    @FXML private DatePicker toDate;
    @FXML private TableView<SessionRecord> table;
    @FXML private TableColumn<SessionRecord, String> nameCol;
    @FXML private TableColumn<SessionRecord, String> taskCol;
    @FXML private TableColumn<SessionRecord, String> repoCol;
    @FXML private TableColumn<SessionRecord, String> branchCol;
    @FXML private TableColumn<SessionRecord, String> createdCol;
    @FXML private TableColumn<SessionRecord, String> backendCol;
    @FXML private TableColumn<SessionRecord, String> prCol;

    public SessionTableView(SessionsViewModel vm) {
        this.vm = vm;
        this.list = vm.list();
        this.root = ViewLoader.load("sessions/SessionTable", this);
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        Function<String, String> text = list.texts();
        // the text goes to the query once typing pauses; Enter sends it at once
        PauseTransition pause = new PauseTransition(TYPING_PAUSE);
        pause.setOnFinished(e -> list.quickTextProperty().set(quickFilter.getText()));
        quickFilter.textProperty().addListener((o, a, b) -> pause.playFromStart());
        quickFilter.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                pause.stop();
                list.quickTextProperty().set(quickFilter.getText());
            } else if (e.getCode() == KeyCode.ESCAPE) {
                quickFilter.clear();
            }
        });
        list.quickTextProperty().addListener((o, a, b) -> {
            if (!Objects.equals(b, quickFilter.getText()) && !pause.getStatus().equals(PauseTransition.Status.RUNNING)) {
                quickFilter.setText(b);
            }
        });
        quickFilter.setAccessibleText(text.apply("sessions.filter.quick"));
        countLabel.textProperty().bind(list.countTextProperty());
        bindChoice(taskFilter, taskLabel, list.taskChoices(), list.taskIdProperty(), text);
        bindChoice(repoFilter, repoLabel, list.repoChoices(), list.repoNameProperty(), text);
        bindChoice(branchFilter, branchLabel, list.branchChoices(), list.branchProperty(), text);
        fromLabel.setLabelFor(fromDate);
        toLabel.setLabelFor(toDate);
        fromDate.valueProperty().bindBidirectional(list.createdFromProperty());
        toDate.valueProperty().bindBidirectional(list.createdToProperty());
        columns();
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(new Label(text.apply("sessions.empty")));
        table.setItems(list.rowsProperty().get());
        list.rowsProperty().addListener((o, a, rows) -> {
            applying = true;
            try {
                table.setItems(rows);
            } finally {
                applying = false;
            }
        });
        list.selectIndexProperty().addListener((o, a, i) -> restoreSelection(i.intValue()));
        table.getSelectionModel().selectedItemProperty().addListener((o, before, now) -> {
            if (applying) {
                return;
            }
            if (!vm.select(now)) {
                applying = true;
                javafx.application.Platform.runLater(() -> {
                    table.getSelectionModel().select(before);
                    applying = false;
                });
            }
        });
    }

    private void restoreSelection(int index) {
        if (index < 0) {
            return; // the kept session is not among the rows: the details pane keeps what it shows
        }
        applying = true;
        try {
            table.getSelectionModel().clearAndSelect(index);
            table.scrollTo(Math.max(0, index - 3));
        } finally {
            applying = false;
        }
        vm.select(table.getItems().get(index));
    }

    private void columns() {
        Function<String, String> text = list.texts();
        column(nameCol, SortField.SESSION, SessionRecord::session);
        column(taskCol, SortField.TASK_ID, SessionRecord::taskId);
        column(repoCol, SortField.REPO_NAME, SessionRecord::repoName);
        column(branchCol, SortField.BRANCH, SessionRecord::branch);
        column(createdCol, SortField.CREATED_AT, r -> SessionCells.created(r, list.zone()));
        column(backendCol, SortField.BACKEND_TYPE, SessionRecord::backendType);
        column(prCol, null, r -> SessionCells.prState(r, text));
        // the store sorts (the whole set, not just what is loaded): the table only reports the wish
        table.setSortPolicy(t -> true);
        table.getSortOrder().addListener((ListChangeListener<TableColumn<SessionRecord, ?>>) c -> applySort());
        for (TableColumn<SessionRecord, ?> col : table.getColumns()) {
            col.sortTypeProperty().addListener((o, a, b) -> applySort());
        }
    }

    private void column(TableColumn<SessionRecord, String> col, SortField sort, Function<SessionRecord, String> value) {
        col.setUserData(sort);
        col.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
    }

    private void applySort() {
        List<TableColumn<SessionRecord, ?>> order = table.getSortOrder();
        if (order.isEmpty()) {
            list.sortBy(null, false);
        } else {
            TableColumn<SessionRecord, ?> first = order.get(0);
            list.sortBy((SortField) first.getUserData(), first.getSortType() == TableColumn.SortType.DESCENDING);
        }
    }

    /**
     * Binds a filter box to its filter both ways: the box shows the filter's value ("Any" when there is none), and the
     * user's pick sets the filter.
     *
     * <p>The box's items are the model's choices, which a refresh replaces whole ({@code setAll}). The box answers
     * that on its own, after the listeners added here have run: its selection model sets the value to null for a
     * moment, and the popup list of its skin clears its selection (a list whose items are all replaced does) and
     * copies that into the box, leaving the value null and the box blank. A null value is therefore never the user's
     * pick (the items hold no null: "Any" is {@link Choice#ANY}): it leaves the filter alone, and the box is set from
     * the filter again once the change has been handled.
     */
    private static void bindChoice(ComboBox<Choice> combo, Label label, ObservableList<Choice> choices,
                                   ObjectProperty<String> filter, Function<String, String> text) {
        label.setLabelFor(combo);
        combo.setItems(choices);
        combo.setConverter(new StringConverter<>() {
            @Override
            public String toString(Choice c) {
                if (c == null || c.isAny()) {
                    return text.apply("sessions.filter.any");
                }
                return c.count() < 0 ? c.value() : java.text.MessageFormat.format(
                        text.apply("sessions.filter.choice"), c.value(), c.count());
            }

            @Override
            public Choice fromString(String s) {
                return null;
            }
        });
        boolean[] syncing = {false};
        boolean[] syncQueued = {false};
        // shows the filter's value: its choice (with the current count), else the value alone (not among the choices)
        Runnable sync = () -> {
            String v = filter.get();
            Choice shown = choices.stream().filter(c -> Objects.equals(c.value(), v)).findFirst()
                    .orElse(v == null ? Choice.ANY : new Choice(v, -1));
            syncing[0] = true;
            try {
                if (!shown.equals(combo.getValue())) {
                    combo.setValue(shown);
                }
                int index = choices.indexOf(shown);
                if (index >= 0 && combo.getSelectionModel().getSelectedIndex() != index) {
                    combo.getSelectionModel().clearAndSelect(index);
                }
            } finally {
                syncing[0] = false;
            }
        };
        // the same, once the box has handled the change in hand (its own listeners come after these)
        Runnable syncLater = () -> {
            if (!syncQueued[0]) {
                syncQueued[0] = true;
                Platform.runLater(() -> {
                    syncQueued[0] = false;
                    sync.run();
                });
            }
        };
        combo.valueProperty().addListener((o, a, b) -> {
            if (syncing[0]) {
                return;
            }
            if (b == null) {
                syncLater.run(); // the box dropped its value (new items): not the user's pick
            } else {
                filter.set(b.isAny() ? null : b.value());
            }
        });
        choices.addListener((ListChangeListener<Choice>) c -> {
            sync.run();
            syncLater.run();
        });
        filter.addListener((o, a, b) -> sync.run());
        sync.run();
    }

    /** Ctrl+F. */
    public void focusFilter() {
        quickFilter.requestFocus();
        quickFilter.selectAll();
    }

    public void clearFilters() {
        quickFilter.clear();
        list.clearFilters();
    }

    public TableView<SessionRecord> table() {
        return table;
    }
}
