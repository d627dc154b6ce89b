package dev.minsky.sessions.store.sql;

import dev.minsky.sessions.store.PostgresUrl;
import dev.minsky.sessions.store.SessionStore;
import dev.minsky.sessions.store.SessionStoreContract;
import dev.minsky.sessions.store.StoreLocation;
import dev.minsky.sessions.testsupport.TestPostgres;
import java.nio.file.Path;
import java.util.Map;

/** The contract against a real PostgreSQL server (CI's cluster, or an embedded one); never skipped. */
class PostgresStoreTest implements SessionStoreContract {

    static SessionStore open(PostgresUrl url) {
        return SqlStores.openPostgres(url, Map.of(), Path.of(System.getProperty("java.io.tmpdir")));
    }

    @Override
    public SessionStore newStore() {
        return open(TestPostgres.newDatabase("contract"));
    }

    @Override
    public SessionStore reopen(SessionStore store) {
        return open(url(store));
    }

    @Override
    public void breakStorage(SessionStore store) {
        TestPostgres.execute(url(store), "DROP TABLE sessions");
    }

    /** The store's URL with the test password (the store itself never hands it out). */
    static PostgresUrl url(SessionStore store) {
        PostgresUrl shown = PostgresUrl.parse(((StoreLocation.Postgres) store.location()).url());
        return shown.withPassword(TestPostgres.server().password().orElse(null));
    }
}
