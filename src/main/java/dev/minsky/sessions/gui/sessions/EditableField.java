package dev.minsky.sessions.gui.sessions;

import dev.minsky.sessions.domain.JsonValue;
import dev.minsky.sessions.domain.SessionField;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One known field in the details pane: the text being edited, the value as loaded, and the
 * validation message shown under it ({@link #errorProperty()} when it blocks saving).
 */
public final class EditableField {
    private final String name;
    private final StringProperty text = new SimpleStringProperty("");
    private final BooleanProperty editable = new SimpleBooleanProperty(true);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper();
    private JsonValue loadedValue;
    private String loadedText = "";

    EditableField(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    void load(JsonValue value) {
        loadedValue = value;
        loadedText = SessionCells.editText(value);
        text.set(loadedText);
    }

    /**
     * The value to store: the loaded value when the text was not touched (so a value Minsky wrote in
     * an unexpected type is kept exactly), null (remove) for empty text, else the typed text
     * ({@code prApproved} as a boolean when it reads true or false).
     */
    JsonValue value() {
        String t = text.get() == null ? "" : text.get();
        if (t.equals(loadedText)) {
            return loadedValue;
        }
        if (t.isEmpty()) {
            return null;
        }
        if (name.equals(SessionField.PR_APPROVED) && (t.equals("true") || t.equals("false"))) {
            return JsonValue.of(Boolean.parseBoolean(t));
        }
        return JsonValue.of(t);
    }

    void showProblem(String message, boolean blocking) {
        problem.set(message == null ? "" : message);
        error.set(message != null && blocking);
    }

    public StringProperty textProperty() {
        return text;
    }

    public BooleanProperty editableProperty() {
        return editable;
    }

    /** The validation message for this field ("" when none). */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Whether {@link #problemProperty()} is an error (it blocks Save) rather than a warning. */
    public ReadOnlyBooleanProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
