package dev.minsky.sessions.config;

import dev.minsky.sessions.store.SessionStore;
import dev.minsky.sessions.store.StoreLocation;
import dev.minsky.sessions.store.StoreUnavailableException;
import dev.minsky.sessions.store.json.JsonFileStore;

/**
 * The one place that turns a {@link StoreLocation} into an open {@link SessionStore}, so that the
 * faces (GUI, CLI) and the migration engine never name an implementation.
 */
public final class SessionStores {
    private SessionStores() {
    }

    /**
     * Opens the store at {@code location}. Opening a JSON store does not read the file yet; a
     * malformed file is reported by the first read.
     *
     * @throws StoreUnavailableException if the store cannot be opened (for now: SQLite and PostgreSQL,
     *                                   whose implementations are not in this version yet)
     */
    public static SessionStore open(StoreLocation location) {
        if (location instanceof StoreLocation.Json json) {
            return new JsonFileStore(json.path());
        }
        String backend = location instanceof StoreLocation.Sqlite ? "SQLite" : "PostgreSQL";
        throw new StoreUnavailableException("the " + backend + " backend is not available yet in this version ("
                + location.display() + "); use a json: location for now");
    }
}
