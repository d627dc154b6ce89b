package dev.minsky.sessions.config;

import dev.minsky.sessions.store.PostgresUrl;
import dev.minsky.sessions.store.SessionStore;
import dev.minsky.sessions.store.StoreLocation;
import dev.minsky.sessions.store.StoreUnavailableException;
import dev.minsky.sessions.store.UserHome;
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
        return open(location, System.getenv(), UserHome.current());
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
        return SqlStores.openPostgres(postgresUrl((StoreLocation.Postgres) location), env, home);
    }

    /** {@link #openReadOnly(StoreLocation, Map, Path)} with the process's environment and home folder. */
    public static SessionStore openReadOnly(StoreLocation location) {
        return openReadOnly(location, System.getenv(), UserHome.current());
    }

    /**
     * Opens the store at {@code location} for reading only (a migration's source, a dry run's
     * target): it creates nothing anywhere (no file, folder, lock file, table or schema migration),
     * a store that does not exist yet reads as empty, and every write throws
     * {@link dev.minsky.sessions.store.ReadOnlyStoreException}. A file that is not a store, an
     * unreachable server and a schema newer than this app still throw as {@link #open} does.
     *
     * @throws StoreUnavailableException if the store cannot be opened or reached
     */
    public static SessionStore openReadOnly(StoreLocation location, Map<String, String> env, Path home) {
        if (location instanceof StoreLocation.Json json) {
            return JsonFileStore.readOnly(json.path());
        }
        if (location instanceof StoreLocation.Sqlite sqlite) {
            return SqlStores.openSqliteReadOnly(sqlite.path());
        }
        return SqlStores.openPostgresReadOnly(postgresUrl((StoreLocation.Postgres) location), env, home);
    }

    /**
     * {@link #openReadOnly(StoreLocation, Map, Path)} of a store the caller reads whole next (a migration's
     * source): it starts reading in the background ({@link SessionStore#readAhead}), so a JSON file is parsed
     * while the caller opens its other store.
     */
    public static SessionStore openReadingAhead(StoreLocation location, Map<String, String> env, Path home) {
        SessionStore store = openReadOnly(location, env, home);
        store.readAhead();
        return store;
    }

    private static PostgresUrl postgresUrl(StoreLocation.Postgres location) {
        try {
            return PostgresUrl.parse(location.url());
        } catch (IllegalArgumentException e) {
            throw new StoreUnavailableException(e.getMessage(), null);
        }
    }
}
