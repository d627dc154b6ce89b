package dev.minsky.sessions.gui.migration;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;

/** Small view helpers the wizard's pages share. */
final class Views {
    private Views() {
    }

    /** Keeps {@code grid} showing {@code counts} as label / value rows (values that need attention stand out). */
    static void countGrid(GridPane grid, ObservableList<Count> counts) {
        Runnable fill = () -> {
            grid.getChildren().clear();
            int row = 0;
            for (Count c : counts) {
                Label label = new Label(c.label());
                label.getStyleClass().add("count-label");
                Label value = new Label(c.value());
                value.getStyleClass().add("count-value");
                if (c.attention()) {
                    value.getStyleClass().add("attention");
                }
                value.setAccessibleText(c.label() + ": " + c.value());
                grid.addRow(row++, label, value);
            }
        };
        counts.addListener((ListChangeListener<Count>) change -> fill.run());
        fill.run();
    }

    /** A table's empty-table text, wrapped to the table's width. */
    static Label placeholder(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setPadding(new javafx.geometry.Insets(12));
        label.getStyleClass().add("muted");
        return label;
    }

    /** A text column titled {@code title} showing {@code value} of each row. */
    static <S> TableColumn<S, String> column(TableView<S> table, String title, double width, Function<S, String> value) {
        TableColumn<S, String> col = new TableColumn<>(title);
        col.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        col.setPrefWidth(width);
        table.getColumns().add(col);
        // columns share the width (no filler column, no sideways scrolling); rows compact
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        if (!table.getStyleClass().contains("dense")) {
            table.getStyleClass().add("dense");
        }
        return col;
    }
}
