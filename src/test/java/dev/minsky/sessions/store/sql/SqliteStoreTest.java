package dev.minsky.sessions.store.sql;

import dev.minsky.sessions.store.SessionStore;
import dev.minsky.sessions.store.SessionStoreContract;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest implements SessionStoreContract {
    @TempDir
    Path dir;
    private int stores;

    @Override
    public SessionStore newStore() {
        return SqlStores.openSqlite(dir.resolve("store-" + (++stores) + "/sessions.db"));
    }

    @Override
    public SessionStore reopen(SessionStore store) {
        return SqlStores.openSqlite(file(store));
    }

    @Override
    public void breakStorage(SessionStore store) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file(store)); Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = 5000");
            st.execute("DROP TABLE sessions");
        }
    }

    static Path file(SessionStore store) {
        return ((dev.minsky.sessions.store.StoreLocation.Sqlite) store.location()).path();
    }
}
