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
    void opensSqliteLocationsAsSqlStores() {
        Path file = dir.resolve("sessions.db");
        try (SessionStore store = SessionStores.open(new StoreLocation.Sqlite(file))) {
            assertEquals(new StoreLocation.Sqlite(file), store.location());
            assertEquals(0, store.count(dev.minsky.sessions.domain.SessionQuery.all()));
        }
        assertTrue(java.nio.file.Files.exists(file));
    }

    @Test
    void anUnreachablePostgresIsAnErrorWithoutThePassword() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort(); // free, and closed again: nothing listens there
        }
        String url = "postgresql://u:hunter2@127.0.0.1:" + port + "/db?connect_timeout=2";
        StoreUnavailableException pg = assertThrows(StoreUnavailableException.class,
                () -> SessionStores.open(new StoreLocation.Postgres(url), java.util.Map.of(), dir));
        assertTrue(pg.getMessage().contains("127.0.0.1:" + port), pg.getMessage());
        assertFalse(pg.getMessage().contains("hunter2"), pg.getMessage());
    }

    @Test
    void opensEveryKindReadOnlyCreatingNothing() {
        for (StoreLocation location : new StoreLocation[] {new StoreLocation.Json(dir.resolve("a/session-db.json")),
                new StoreLocation.Sqlite(dir.resolve("b/sessions.db"))}) {
            try (SessionStore store = SessionStores.openReadOnly(location)) {
                assertFalse(store.writable());
                assertEquals(location, store.location());
                assertEquals(0, store.count(dev.minsky.sessions.domain.SessionQuery.all()));
            }
        }
        assertFalse(java.nio.file.Files.exists(dir.resolve("a")));
        assertFalse(java.nio.file.Files.exists(dir.resolve("b")));
    }

    @Test
    void aBadPostgresUrlOpenedReadOnlyIsUnavailable() {
        assertThrows(StoreUnavailableException.class,
                () -> SessionStores.openReadOnly(new StoreLocation.Postgres("postgresql://u:pw@h:99999/db")));
    }
}
