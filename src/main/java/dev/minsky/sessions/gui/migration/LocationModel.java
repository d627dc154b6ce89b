package dev.minsky.sessions.gui.migration;

import dev.minsky.sessions.gui.common.DialogService;
import dev.minsky.sessions.store.BackendKind;
import dev.minsky.sessions.store.PostgresUrl;
import dev.minsky.sessions.store.StoreLocation;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ResourceBundle;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One store chosen on the source or target page: a backend, and a file path or a PostgreSQL URL
 * (its password kept apart, in a field that never shows it). {@link #locationProperty()} is the
 * parsed location, or null while {@link #problemProperty()} says what is wrong. No file or network
 * access happens here: whether the store opens is found out by the plan.
 */
public final class LocationModel {
    private final ResourceBundle text;
    /** What a leading {@code ~} stands for, as everywhere else a location is typed ({@link StoreLocation#parse}). */
    private final Path home;
    private final ObjectProperty<BackendKind> backend = new SimpleObjectProperty<>(BackendKind.JSON);
    private final StringProperty path = new SimpleStringProperty("");
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    /** The other page's store: a target may not be its own source. */
    private final ObjectProperty<StoreLocation> mustDifferFrom = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<StoreLocation> location = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    public LocationModel(ResourceBundle text, Path home) {
        this.text = text;
        this.home = home;
        for (Observable o : new Observable[] {backend, path, url, password, mustDifferFrom}) {
            o.addListener(ignored -> validate());
        }
        validate();
    }

    /**
     * Moves a password written in the URL to the password field, so that the URL field never shows
     * it (the view calls this when the URL field is left, as the settings pane does).
     *
     * @return false when the URL field does not hold a PostgreSQL URL (left as it is)
     */
    public boolean tidyUrl() {
        try {
            PostgresUrl parsed = PostgresUrl.parse(url.get().trim());
            parsed.password().ifPresent(pw -> {
                password.set(pw);
                url.set(parsed.withPassword(null).toUrl());
            });
            return true;
        } catch (IllegalArgumentException e) {
            return false; // shown as the problem already
        }
    }

    /** Fills the fields from an existing location (the store in use); a URL's password goes to its own field. */
    public void set(StoreLocation where) {
        if (where instanceof StoreLocation.Json json) {
            path.set(json.path().toString());
        } else if (where instanceof StoreLocation.Sqlite sqlite) {
            path.set(sqlite.path().toString());
        } else if (where instanceof StoreLocation.Postgres pg) {
            password.set("");
            url.set(pg.url());
            if (!tidyUrl()) {
                url.set("");
            }
        }
        if (where != null) {
            backend.set(where.kind());
        }
    }

    /** Lets the user pick the file with a chooser (JSON and SQLite). */
    public void browse(DialogService dialogs, boolean mayCreate) {
        boolean json = backend.get() == BackendKind.JSON;
        Path initial = fileOrNull();
        dialogs.chooseFile(text.getString(json ? "migration.location.chooseJson" : "migration.location.chooseSqlite"),
                mayCreate, initial, text.getString(json ? "migration.location.jsonFiles" : "migration.location.sqliteFiles"),
                json ? new String[] {"*.json"} : new String[] {"*.db", "*.sqlite", "*.sqlite3"})
                .ifPresent(p -> path.set(p.toString()));
    }

    private Path fileOrNull() {
        try {
            return path.get().isBlank() ? null : file(path.get().trim());
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private void validate() {
        StoreLocation parsed = null;
        String why = "";
        try {
            parsed = parse();
        } catch (IllegalArgumentException e) {
            why = e.getMessage();
        }
        if (parsed != null && parsed.sameStoreAs(mustDifferFrom.get())) {
            why = text.getString("migration.location.sameAsSource");
            parsed = null;
        }
        location.set(parsed);
        problem.set(why);
    }

    private StoreLocation parse() {
        BackendKind kind = backend.get();
        if (kind == BackendKind.POSTGRES) {
            String u = url.get().trim();
            if (u.isEmpty()) {
                throw new IllegalArgumentException(text.getString("migration.location.urlRequired"));
            }
            if (!u.startsWith("postgresql://") && !u.startsWith("postgres://")) {
                throw new IllegalArgumentException(text.getString("migration.location.urlForm"));
            }
            PostgresUrl parsed = PostgresUrl.parse(u);
            if (!password.get().isEmpty()) {
                parsed = parsed.withPassword(password.get());
            }
            return new StoreLocation.Postgres(parsed.toUrl());
        }
        String p = path.get().trim();
        if (p.isEmpty()) {
            throw new IllegalArgumentException(text.getString("migration.location.fileRequired"));
        }
        Path file;
        try {
            file = file(p);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(text.getString("migration.location.badPath") + " " + e.getReason());
        }
        return kind == BackendKind.JSON ? new StoreLocation.Json(file) : new StoreLocation.Sqlite(file);
    }

    private Path file(String typed) {
        return StoreLocation.expandHome(typed, home).toAbsolutePath().normalize();
    }

    public ObjectProperty<BackendKind> backendProperty() {
        return backend;
    }

    public StringProperty pathProperty() {
        return path;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ObjectProperty<StoreLocation> mustDifferFromProperty() {
        return mustDifferFrom;
    }

    /** The chosen store, or null while the choice is incomplete or wrong. */
    public ReadOnlyObjectProperty<StoreLocation> locationProperty() {
        return location.getReadOnlyProperty();
    }

    /** Why there is no location yet; empty when there is one. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
