package dev.minsky.sessions.config;

import dev.minsky.sessions.store.PostgresUrl;
import dev.minsky.sessions.store.SessionStore;
import dev.minsky.sessions.store.StoreLocation;
import dev.minsky.sessions.store.StoreUnavailableException;
import dev.minsky.sessions.store.json.JsonFileStore;
import dev.minsky.sessions.store.sql.SqlStores;
import java.nio.file.Path;
import java.util.Map;

/**
 * The one place that turns a {@link StoreLocation} into an open {@link SessionStore}, so that the
 * faces (GUI, CLI) and the migration engine never name an implementation.
 */
public final class SessionStores {
    private SessionStores() {
    }

    /** Opens {@code location} with the process's environment and home folder (for PostgreSQL passwords). */
    public static SessionStore open(StoreLocation location) {
        return open(location, System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /**
     * Opens the store at {@code location}. Opening a JSON store does not read the file yet (a
     * malformed file is reported by the first read); opening a SQL store connects and brings its
     * schema up to date.
     *
     * @param env  where {@code PGPASSWORD} and {@code PGPASSFILE} are looked up
     * @param home where {@code ~/.pgpass} is looked up
     * @throws StoreUnavailableException if the store cannot be opened or reached
     */
    public static SessionStore open(StoreLocation location, Map<String, String> env, Path home) {
        if (location instanceof StoreLocation.Json json) {
            return new JsonFileStore(json.path());
        }
        if (location instanceof StoreLocation.Sqlite sqlite) {
            return SqlStores.openSqlite(sqlite.path());
        }
        PostgresUrl url;
        try {
            url = PostgresUrl.parse(((StoreLocation.Postgres) location).url());
        } catch (IllegalArgumentException e) {
            throw new StoreUnavailableException(e.getMessage(), null);
        }
        return SqlStores.openPostgres(url, env, home);
    }
}
