package dev.minsky.sessions.gui.settings;

import dev.minsky.sessions.config.SettingsFile;
import dev.minsky.sessions.store.PostgresUrl;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The PostgreSQL location, both as separate fields (host, port, database, user, password, SSL mode)
 * and as a libpq URL, kept in step: editing the URL fills the fields, editing a field rewrites the
 * URL. The URL text never carries the password (it would show on screen): a password typed into
 * the URL moves to the password field when the URL is tidied.
 */
public final class PostgresFields {
    private final ResourceBundle texts;
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty host = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty(Integer.toString(PostgresUrl.DEFAULT_PORT));
    private final StringProperty database = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ObjectProperty<String> sslMode = new SimpleObjectProperty<>("prefer");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    // what the URL has that no field shows (connect_timeout, application_name, …): kept on rebuild
    private int connectTimeout = PostgresUrl.DEFAULT_CONNECT_TIMEOUT_SECONDS;
    private Map<String, String> otherParams = Map.of();
    private boolean syncing;

    PostgresFields(ResourceBundle texts) {
        this.texts = texts;
        url.addListener((o, a, b) -> fromUrl());
        for (StringProperty field : List.of(host, port, database, user)) {
            field.addListener((o, a, b) -> fromFields());
        }
        sslMode.addListener((o, a, b) -> fromFields());
    }

    public static List<String> sslModes() {
        return PostgresUrl.SSL_MODES;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty databaseProperty() {
        return database;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ObjectProperty<String> sslModeProperty() {
        return sslMode;
    }

    /** Why the fields or URL do not make a PostgreSQL location; empty when they do (or are all empty). */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Shows {@code fullUrl} (may carry a password, which goes to the password field); null clears. */
    void load(String fullUrl) {
        password.set("");
        url.set(fullUrl == null ? "" : fullUrl);
        tidyUrl();
    }

    boolean isEmpty() {
        return url.get().isBlank();
    }

    /** Moves a password written in the URL to the password field, so the URL can be shown. */
    void tidyUrl() {
        String text = url.get().trim();
        if (text.isEmpty()) {
            return;
        }
        try {
            PostgresUrl parsed = PostgresUrl.parse(text);
            parsed.password().ifPresent(pw -> {
                password.set(pw);
                url.set(SettingsFile.withoutPassword(text));
            });
        } catch (IllegalArgumentException e) {
            // shown as the problem already
        }
    }

    /**
     * The location with the password (from the password field, else the URL's own); null when
     * {@link #problemProperty()} is not empty or nothing is entered.
     */
    PostgresUrl location() {
        if (isEmpty() || !problem.get().isEmpty()) {
            return null;
        }
        try {
            PostgresUrl parsed = PostgresUrl.parse(url.get().trim());
            return password.get().isEmpty() ? parsed : parsed.withPassword(password.get());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void fromUrl() {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            String text = url.get().trim();
            if (text.isEmpty()) {
                problem.set("");
                return;
            }
            PostgresUrl parsed = PostgresUrl.parse(text);
            host.set(parsed.host());
            port.set(Integer.toString(parsed.port()));
            database.set(parsed.database());
            user.set(parsed.user());
            sslMode.set(parsed.sslMode());
            connectTimeout = parsed.connectTimeoutSeconds();
            otherParams = parsed.otherParams();
            problem.set("");
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
        } finally {
            syncing = false;
        }
    }

    private void fromFields() {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            PostgresUrl built = fromFieldValues();
            if (built != null) {
                url.set(built.toUrl());
                problem.set("");
            }
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
        } finally {
            syncing = false;
        }
    }

    /** The location the fields describe (no password), or null after setting the problem. */
    private PostgresUrl fromFieldValues() {
        String h = host.get().trim();
        if (h.isEmpty()) {
            problem.set(texts.getString("settings.pg.noHost"));
            return null;
        }
        int p;
        try {
            p = Integer.parseInt(port.get().trim());
        } catch (NumberFormatException e) {
            p = -1;
        }
        if (p < 1 || p > 65535) {
            problem.set(texts.getString("settings.pg.badPort"));
            return null;
        }
        String db = database.get().trim();
        if (db.isEmpty()) {
            problem.set(texts.getString("settings.pg.noDatabase"));
            return null;
        }
        String u = user.get().isBlank() ? null : user.get().trim();
        return PostgresUrl.of(h, p, db, u, sslMode.get() == null ? "prefer" : sslMode.get(), connectTimeout,
                otherParams);
    }
}
