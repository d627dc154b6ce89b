package dev.minsky.sessions.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.minsky.sessions.store.SessionStore;
import dev.minsky.sessions.store.StoreLocation;
import dev.minsky.sessions.store.StoreUnavailableException;
import dev.minsky.sessions.store.json.JsonFileStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionStoresTest {
    @TempDir
    Path dir;

    @Test
    void opensJsonLocationsAsJsonFileStores() {
        Path file = dir.resolve("session-db.json");
        try (SessionStore store = SessionStores.open(new StoreLocation.Json(file))) {
            assertTrue(store instanceof JsonFileStore);
            assertEquals(new StoreLocation.Json(file), store.location());
        }
    }

    @Test
    void sqlAndPostgresAreNotAvailableYet() {
        StoreUnavailableException sqlite = assertThrows(StoreUnavailableException.class,
                () -> SessionStores.open(new StoreLocation.Sqlite(dir.resolve("s.db"))));
        assertTrue(sqlite.getMessage().contains("not available yet"), sqlite.getMessage());
        StoreUnavailableException pg = assertThrows(StoreUnavailableException.class,
                () -> SessionStores.open(new StoreLocation.Postgres("postgresql://u:hunter2@h/db")));
        assertTrue(pg.getMessage().contains("PostgreSQL"), pg.getMessage());
        assertFalse(pg.getMessage().contains("hunter2"), pg.getMessage());
    }
}
