package dev.minsky.sessions.gui.settings;

import dev.minsky.sessions.config.CommandLineOverrides;
import dev.minsky.sessions.config.ConfigResolver;
import dev.minsky.sessions.config.EffectiveConfig;
import dev.minsky.sessions.config.Settings;
import dev.minsky.sessions.config.SettingsFile;
import dev.minsky.sessions.gui.common.AppContext;
import dev.minsky.sessions.gui.common.DialogService;
import dev.minsky.sessions.store.BackendKind;
import dev.minsky.sessions.store.PostgresUrl;
import dev.minsky.sessions.store.StoreLocation;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The settings pane (SPEC §6.2): the backend and its location, each value with where it came from
 * (values the environment sets are read-only), "Test connection", and Save, which writes the
 * settings file and switches the app to the chosen store. All file and network work goes through
 * the context's {@link dev.minsky.sessions.gui.common.TaskRunner}.
 */
public final class SettingsViewModel {
    private final AppContext ctx;
    private final DialogService dialogs;
    private final ObjectProperty<BackendKind> backend = new SimpleObjectProperty<>(BackendKind.JSON);
    private final StringProperty jsonPath = new SimpleStringProperty("");
    private final StringProperty sqlitePath = new SimpleStringProperty("");
    private final PostgresFields postgres;
    private final BooleanProperty storePassword = new SimpleBooleanProperty();
    private final ValueSource backendSource = new ValueSource();
    private final ValueSource jsonSource = new ValueSource();
    private final ValueSource sqliteSource = new ValueSource();
    private final ValueSource postgresSource = new ValueSource();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(true); // loading or saving
    private final ReadOnlyBooleanWrapper closed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper settingsFileText = new ReadOnlyStringWrapper("");
    private final StringBinding problem;
    private final BooleanBinding valid;
    private final ConnectionTestViewModel test;
    private Settings inFile = Settings.EMPTY;
    private Path settingsFile;

    public SettingsViewModel(AppContext ctx, DialogService dialogs) {
        this.ctx = ctx;
        this.dialogs = dialogs;
        this.postgres = new PostgresFields(ctx.texts());
        this.test = new ConnectionTestViewModel(ctx);
        settingsFileText.set(ctx.text("settings.reading"));
        problem = Bindings.createStringBinding(this::findProblem, backend, jsonPath, sqlitePath, postgres.urlProperty(),
                postgres.problemProperty());
        valid = Bindings.createBooleanBinding(() -> problem.get().isEmpty() && !busy.get(), problem, busy);
        backendSource.track(backend, BackendKind::id);
        jsonSource.track(jsonPath, String::valueOf);
        sqliteSource.track(sqlitePath, String::valueOf);
        postgresSource.track(postgres.urlProperty(), String::valueOf);
    }

    public ObjectProperty<BackendKind> backendProperty() {
        return backend;
    }

    public StringProperty jsonPathProperty() {
        return jsonPath;
    }

    public StringProperty sqlitePathProperty() {
        return sqlitePath;
    }

    public PostgresFields postgres() {
        return postgres;
    }

    /** "Store the password in the settings file": off unless the user ticks it (or it is stored already). */
    public BooleanProperty storePasswordProperty() {
        return storePassword;
    }

    public ValueSource backendSource() {
        return backendSource;
    }

    public ValueSource jsonSource() {
        return jsonSource;
    }

    public ValueSource sqliteSource() {
        return sqliteSource;
    }

    public ValueSource postgresSource() {
        return postgresSource;
    }

    public ConnectionTestViewModel test() {
        return test;
    }

    /** True while the configuration is read or the settings are saved: the form waits. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Becomes true when the pane should close (saved and switched, or cancelled). */
    public ReadOnlyBooleanProperty closedProperty() {
        return closed.getReadOnlyProperty();
    }

    /** Where Save writes. */
    public ReadOnlyStringProperty settingsFileTextProperty() {
        return settingsFileText.getReadOnlyProperty();
    }

    /** Why Save and Test are not possible yet; empty when the form is complete. */
    public StringBinding problemProperty() {
        return problem;
    }

    /** Save is possible (Enter saves only then). */
    public BooleanBinding validProperty() {
        return valid;
    }

    /** Reads the effective configuration and the settings file in the background and fills the form. */
    public void load() {
        busy.set(true);
        ctx.tasks().run(ctx.text("settings.task.load"), progress -> {
            EffectiveConfig config = new ConfigResolver(ctx.env(), ctx.home(), CommandLineOverrides.NONE).resolve();
            SettingsFile file = SettingsFile.locate(ctx.env(), ctx.home());
            return new Loaded(config, file.path(), file.read());
        }, this::apply, e -> {
            busy.set(false);
            settingsFile = SettingsFile.locate(ctx.env(), ctx.home()).path();
            settingsFileText.set(ctx.text("settings.file", shortened(settingsFile)));
            dialogs.error(ctx.text("settings.loadFailed.title"), ctx.text("settings.loadFailed", e.getMessage()), e);
        });
    }

    private void apply(Loaded loaded) {
        EffectiveConfig c = loaded.config;
        inFile = loaded.settings;
        settingsFile = loaded.path;
        settingsFileText.set(ctx.text("settings.file", shortened(settingsFile)));
        backend.set(c.backend().value());
        backendSource.set(c.backend(), c.backend().value().id(), ctx);
        jsonPath.set(c.jsonPath().value().toString());
        jsonSource.set(c.jsonPath(), jsonPath.get(), ctx);
        sqlitePath.set(c.sqlitePath().value().toString());
        sqliteSource.set(c.sqlitePath(), sqlitePath.get(), ctx);
        postgres.load(c.postgresUrl().map(v -> v.value()).orElse(null));
        c.postgresUrl().ifPresentOrElse(v -> postgresSource.set(v, postgres.urlProperty().get(), ctx),
                () -> postgresSource.unset(ctx));
        storePassword.set(hasPassword(inFile.postgresUrl()));
        busy.set(false);
    }

    /** Lets the user pick the JSON file (it may not exist yet: Minsky creates it). */
    public void chooseJsonFile() {
        dialogs.chooseFile(ctx.text("settings.choose.json"), true, pathOrNull(jsonPath.get()),
                ctx.text("settings.choose.jsonFiles"), "*.json").ifPresent(p -> jsonPath.set(p.toString()));
    }

    public void chooseSqliteFile() {
        dialogs.chooseFile(ctx.text("settings.choose.sqlite"), true, pathOrNull(sqlitePath.get()),
                ctx.text("settings.choose.sqliteFiles"), "*.db", "*.sqlite", "*.sqlite3")
                .ifPresent(p -> sqlitePath.set(p.toString()));
    }

    /** Checks the chosen store in the background (staged for PostgreSQL). */
    public void testConnection() {
        postgres.tidyUrl();
        if (!problem.get().isEmpty() || test.runningProperty().get()) {
            return;
        }
        StoreLocation location = location();
        if (location instanceof StoreLocation.Postgres) {
            test.checkPostgres(postgres.location());
        } else if (location instanceof StoreLocation.Json json) {
            test.checkFile(json, json.path());
        } else {
            test.checkFile(location, ((StoreLocation.Sqlite) location).path());
        }
    }

    /**
     * Writes the settings file (without the password unless asked to store it), then switches the
     * app to the chosen store; on a failure the pane says why and stays open.
     */
    public void save() {
        postgres.tidyUrl();
        if (!valid.get()) {
            return;
        }
        StoreLocation location = location();
        boolean keepPassword = storePassword.get() && !postgres.passwordProperty().get().isEmpty();
        Settings toWrite = new Settings(backendSource.toWrite(backend.get().id(), inFile.backend()),
                jsonSource.toWrite(jsonPath.get(), inFile.jsonPath()),
                sqliteSource.toWrite(sqlitePath.get(), inFile.sqlitePath()), postgresToWrite(keepPassword));
        SettingsFile file = new SettingsFile(settingsFile);
        busy.set(true);
        test.cancel();
        ctx.tasks().run(ctx.text("settings.task.save"), progress -> {
            file.write(toWrite, keepPassword);
            return null;
        }, ignored -> ctx.open(location, error -> {
            busy.set(false);
            if (error == null) {
                closed.set(true);
            } else {
                dialogs.error(ctx.text("settings.openFailed.title"),
                        ctx.text("settings.openFailed", location.display(), error.getMessage()), error);
            }
        }), e -> {
            busy.set(false);
            dialogs.error(ctx.text("settings.saveFailed.title"), ctx.text("settings.saveFailed", e.getMessage()), e);
        });
    }

    /** Closes without saving; a running test is stopped. */
    public void cancel() {
        test.cancel();
        closed.set(true);
    }

    private String postgresToWrite(boolean keepPassword) {
        String text = postgres.urlProperty().get();
        String chosen = postgresSource.toWrite(text, inFile.postgresUrl());
        if (keepPassword && !postgresSource.lockedProperty().get()) {
            PostgresUrl full = postgres.location();
            return full == null ? chosen : full.toUrl();
        }
        return chosen;
    }

    /** The store the form describes, with the password (for PostgreSQL) as entered. */
    StoreLocation location() {
        switch (backend.get()) {
            case JSON:
                return StoreLocation.parse("json:" + jsonPath.get().trim(), ctx.home());
            case SQLITE:
                return StoreLocation.parse("sqlite:" + sqlitePath.get().trim(), ctx.home());
            default:
                return new StoreLocation.Postgres(postgres.location().toUrl());
        }
    }

    private String findProblem() {
        BackendKind kind = backend.get();
        if (kind == BackendKind.JSON || kind == BackendKind.SQLITE) {
            String text = (kind == BackendKind.JSON ? jsonPath : sqlitePath).get().trim();
            if (text.isEmpty()) {
                return ctx.text(kind == BackendKind.JSON ? "settings.problem.noJson" : "settings.problem.noSqlite");
            }
            try {
                location();
                return "";
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }
        if (!postgres.problemProperty().get().isEmpty()) {
            return postgres.problemProperty().get();
        }
        return postgres.isEmpty() ? ctx.text("settings.problem.noPostgres") : "";
    }

    private static boolean hasPassword(String url) {
        try {
            return url != null && PostgresUrl.parse(url).password().isPresent();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** {@code ~/.config/…} rather than the full home path: shorter, and what users write. */
    private String shortened(Path file) {
        return file.startsWith(ctx.home()) ? "~/" + ctx.home().relativize(file) : file.toString();
    }

    private static Path pathOrNull(String text) {
        try {
            return text == null || text.isBlank() ? null : Path.of(text.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private record Loaded(EffectiveConfig config, Path path, Settings settings) {
    }
}
