package dev.minsky.sessions.config;

import dev.minsky.sessions.store.Secrets;

/**
 * What the app's own settings file holds (written by the settings pane). Every value is optional
 * ({@code null} = not set, so lower layers apply) and kept as the user wrote it: a backend name is
 * checked when the configuration is resolved, where the error can name the file.
 */
public record Settings(String backend, String jsonPath, String sqlitePath, String postgresUrl) {
    public static final Settings EMPTY = new Settings(null, null, null, null);

    public Settings withBackend(String value) {
        return new Settings(value, jsonPath, sqlitePath, postgresUrl);
    }

    public Settings withJsonPath(String value) {
        return new Settings(backend, value, sqlitePath, postgresUrl);
    }

    public Settings withSqlitePath(String value) {
        return new Settings(backend, jsonPath, value, postgresUrl);
    }

    public Settings withPostgresUrl(String value) {
        return new Settings(backend, jsonPath, sqlitePath, value);
    }

    /** Never the URL's password: settings get printed in logs and debuggers. */
    @Override
    public String toString() {
        return "Settings[backend=" + backend + ", jsonPath=" + jsonPath + ", sqlitePath=" + sqlitePath
                + ", postgresUrl=" + Secrets.maskUrl(postgresUrl) + "]";
    }
}
