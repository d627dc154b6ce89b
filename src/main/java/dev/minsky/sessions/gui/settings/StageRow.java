package dev.minsky.sessions.gui.settings;

import dev.minsky.sessions.connect.StageStatus;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One line of the connection test as the user sees it: the stage's name, whether it is waiting,
 * running or done (and how), its time and what it found. Updated on the FX thread only.
 */
public final class StageRow {
    private final String title;
    private final ObjectProperty<StageStatus> status = new SimpleObjectProperty<>();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final StringProperty time = new SimpleStringProperty("");
    private final StringProperty detail = new SimpleStringProperty("");

    StageRow(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** How the stage ended; null while it waits or runs. */
    public ObjectProperty<StageStatus> statusProperty() {
        return status;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public StringProperty timeProperty() {
        return time;
    }

    public StringProperty detailProperty() {
        return detail;
    }

    void finish(StageStatus how, long millis, String what) {
        running.set(false);
        status.set(how);
        time.set(how == StageStatus.SKIPPED ? "" : millis + " ms");
        detail.set(what);
    }
}
