package dev.minsky.sessions.gui.migration;

import dev.minsky.sessions.migrate.ConflictPolicy;
import dev.minsky.sessions.migrate.MigrationOptions;
import java.nio.file.Path;
import java.util.ResourceBundle;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The target page's choices: conflict policy, batch size, and whether to back the target up first. */
public final class OptionsModel {
    static final int MAX_BATCH = 100_000;

    private final ResourceBundle text;
    private final ObjectProperty<ConflictPolicy> onConflict = new SimpleObjectProperty<>(ConflictPolicy.SKIP);
    /** Empty: the target's own batch size ({@link MigrationOptions#AUTOMATIC}). */
    private final StringProperty batchSize = new SimpleStringProperty("");
    private final BooleanProperty backup = new SimpleBooleanProperty(true);
    private final Path backupDirectory;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    public OptionsModel(ResourceBundle text, Path backupDirectory) {
        this.text = text;
        this.backupDirectory = backupDirectory;
        for (Observable o : new Observable[] {onConflict, batchSize}) {
            o.addListener(ignored -> validate());
        }
        validate();
    }

    private void validate() {
        problem.set(parsedBatchSize() >= 0 ? "" : java.text.MessageFormat.format(
                text.getString("migration.options.badBatch"), MAX_BATCH));
    }

    /** The size typed, {@link MigrationOptions#AUTOMATIC} when none is, or -1 when it is not one. */
    private int parsedBatchSize() {
        if (batchSize.get() == null || batchSize.get().isBlank()) {
            return MigrationOptions.AUTOMATIC;
        }
        try {
            int n = Integer.parseInt(batchSize.get().trim().replace(",", "").replace("_", ""));
            return n >= 1 && n <= MAX_BATCH ? n : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public boolean valid() {
        return problem.get().isEmpty();
    }

    /**
     * What the run does (verifying afterwards, as the wizard always does); call only when
     * {@link #valid()}. A JSON source is backed up too, as the CLI does.
     */
    public MigrationOptions options(boolean dryRun, boolean jsonSource) {
        return new MigrationOptions(onConflict.get(), parsedBatchSize(),
                backup.get() && !dryRun ? backupDirectory : null, true, dryRun, jsonSource);
    }

    public ObjectProperty<ConflictPolicy> onConflictProperty() {
        return onConflict;
    }

    public StringProperty batchSizeProperty() {
        return batchSize;
    }

    public BooleanProperty backupProperty() {
        return backup;
    }

    public Path backupDirectory() {
        return backupDirectory;
    }

    /** Why the options cannot be used; empty when they can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
