package dev.minsky.sessions.gui.migration;

import dev.minsky.sessions.migrate.MigrationReport;
import dev.minsky.sessions.migrate.ReportFormat;
import dev.minsky.sessions.store.AtomicFiles;
import dev.minsky.sessions.store.StoreLocation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The finish page: the result in one sentence, the report saved as text or JSON, the backup and
 * how to restore it, and, only after a clean verification, switching the app to the target.
 */
public final class FinishModel {
    public enum Format { TEXT, JSON }

    private final Services services;
    /** Opens a store and makes it the one in use ({@code AppContext.open}); calls back with null or the error. */
    private final BiConsumer<StoreLocation, Consumer<Throwable>> useStore;
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper backupText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper restoreCommand = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canUseTarget = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper switching = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper useTargetText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Path> savedReport = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper savedText = new ReadOnlyStringWrapper("");
    private MigrationReport report;

    FinishModel(Services services, BiConsumer<StoreLocation, Consumer<Throwable>> useStore) {
        this.services = services;
        this.useStore = useStore;
    }

    /** {@code active} is the store the app uses now (no offer to switch to what is already in use). */
    void show(MigrationReport r, StoreLocation active) {
        Texts t = services.text();
        report = r;
        savedReport.set(null);
        savedText.set("");
        result.set(r.problems().isEmpty() ? t.get("migration.finish.ok", t.number(r.committed()))
                : t.get("migration.finish.problems", String.join("; ", r.problems())));
        if (r.backupFile().isPresent()) {
            backupText.set(t.get("migration.finish.backup", r.backupFile().get()));
            restoreCommand.set(ReportFormat.restoreCommand(r.backupFile().get(), r.target()));
        } else {
            backupText.set(t.get(r.options().backupDirectory() == null ? "migration.finish.noBackupOff"
                    : "migration.finish.noBackupNothingWritten"));
            restoreCommand.set("");
        }
        boolean clean = r.verification() != null && r.verification().clean() && r.failure() == null && !r.cancelled();
        boolean alreadyActive = r.target().equals(active);
        canUseTarget.set(clean && !alreadyActive);
        useTargetText.set(alreadyActive ? t.get("migration.finish.alreadyActive")
                : clean ? t.get("migration.finish.offer", r.target().display())
                : t.get("migration.finish.notOffered"));
    }

    /** Makes the target the app's store (this session; the settings file is not written). */
    public void useTarget() {
        if (!canUseTarget.get() || switching.get()) {
            return;
        }
        Texts t = services.text();
        switching.set(true);
        StoreLocation target = report.target();
        useStore.accept(target, error -> {
            switching.set(false);
            if (error == null) {
                canUseTarget.set(false);
                useTargetText.set(t.get("migration.finish.switched", target.display()));
            } else {
                services.dialogs().error(t.get("migration.finish.switchFailed"), String.valueOf(error.getMessage()), error);
            }
        });
    }

    /** Asks where, then writes the report there atomically, in the background. */
    public void saveReport(Format format) {
        Texts t = services.text();
        boolean json = format == Format.JSON;
        Path initial = services.home().resolve(json ? "migration-report.json" : "migration-report.txt");
        services.dialogs().chooseFile(t.get("migration.finish.saveTitle"), true, initial,
                t.get(json ? "migration.finish.jsonFiles" : "migration.finish.textFiles"), json ? "*.json" : "*.txt")
                .ifPresent(file -> write(file, report, json));
    }

    /** Renders and writes off the FX thread: with many invalid, conflicting or differing records the report is large. */
    private void write(Path file, MigrationReport r, boolean json) {
        Texts t = services.text();
        services.tasks().run(t.get("migration.finish.saving", file), p -> {
            String content = json ? ReportFormat.json(r) : ReportFormat.text(r);
            AtomicFiles.write(file.toAbsolutePath(), content.getBytes(StandardCharsets.UTF_8), "rw-------");
            return file;
        }, saved -> {
            savedReport.set(saved);
            savedText.set(t.get("migration.finish.saved", saved));
        }, error -> services.dialogs().error(t.get("migration.finish.saveFailed", file),
                String.valueOf(error.getMessage()), error));
    }

    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty backupTextProperty() {
        return backupText.getReadOnlyProperty();
    }

    /** The command that rolls the target back to its backup; empty when there is no backup. */
    public ReadOnlyStringProperty restoreCommandProperty() {
        return restoreCommand.getReadOnlyProperty();
    }

    /** True only after a clean verification, and until the target is in use. */
    public ReadOnlyBooleanProperty canUseTargetProperty() {
        return canUseTarget.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty switchingProperty() {
        return switching.getReadOnlyProperty();
    }

    /** Explains the offer, why there is none, or that the switch happened. */
    public ReadOnlyStringProperty useTargetTextProperty() {
        return useTargetText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> savedReportProperty() {
        return savedReport.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty savedTextProperty() {
        return savedText.getReadOnlyProperty();
    }
}
