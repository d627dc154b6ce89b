package dev.minsky.sessions.store.sql;

import dev.minsky.sessions.store.PostgresUrl;
import dev.minsky.sessions.store.SessionStore;
import dev.minsky.sessions.store.StoreException;
import dev.minsky.sessions.store.StoreLocation;
import dev.minsky.sessions.store.StoreUnavailableException;
import io.ebean.Database;
import io.ebean.datasource.DataSourceBuilder;
import io.ebean.datasource.DataSourcePool;
import io.ebean.platform.postgres.PostgresPlatform;
import io.ebean.platform.sqlite.SQLitePlatform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens SQLite files and PostgreSQL databases as {@link SessionStore}s: builds the store's own
 * Ebean database (never registered, never the default), brings the schema up to date and reads
 * the table's real columns.
 */
public final class SqlStores {
    /** PostgreSQL pool bound: enough for the GUI and a migration at once, small enough for a shared server. */
    static final int POSTGRES_MAX_CONNECTIONS = 8;
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private SqlStores() {
    }

    /** Opens (creating if needed) a SQLite session database. */
    public static SessionStore openSqlite(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        StoreLocation location = new StoreLocation.Sqlite(abs);
        if (Files.isDirectory(abs)) {
            throw new StoreUnavailableException(abs + " is a folder, not a SQLite file");
        }
        try {
            Files.createDirectories(abs.getParent());
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot create the folder of " + abs + ": " + e.getMessage(), e);
        }
        DataSourcePool pool = pool(DataSourceBuilder.create()
                .url("jdbc:sqlite:" + abs).driver("org.sqlite.JDBC").username("").password("")
                // One connection: SQLite has one writer; more connections only trade waiting for SQLITE_BUSY.
                .minConnections(1).maxConnections(1)
                .customProperties(Map.of("journal_mode", "WAL", "busy_timeout", "10000", "synchronous", "NORMAL")),
                location, null);
        return open(pool, new SQLitePlatform(), SqlPlatform.SQLITE, location, null);
    }

    /** Opens a PostgreSQL database; the password comes from the URL, {@code PGPASSWORD} or the password file. */
    public static SessionStore openPostgres(PostgresUrl url, Map<String, String> env, Path home) {
        StoreLocation location = new StoreLocation.Postgres(url.toUrl());
        String password = url.resolvePassword(env, home).orElse(null);
        int timeoutMillis = url.connectTimeoutSeconds() * 1000;
        DataSourcePool pool = pool(DataSourceBuilder.create()
                .url(url.jdbcUrl()).driver("org.postgresql.Driver").username(url.user())
                .password(password == null ? "" : password)
                .minConnections(1).maxConnections(POSTGRES_MAX_CONNECTIONS)
                .waitTimeoutMillis(Math.max(1000, timeoutMillis)).heartbeatTimeoutSeconds(url.connectTimeoutSeconds())
                .applicationName("minsky-sessions"), location, password);
        return open(pool, new PostgresPlatform(), SqlPlatform.POSTGRES, location, password);
    }

    private static DataSourcePool pool(DataSourceBuilder builder, StoreLocation location, String secret) {
        try {
            return builder.name("minsky-" + COUNTER.incrementAndGet()).failOnStart(true).autoCommit(false).build();
        } catch (RuntimeException e) {
            throw SqlErrors.translateOpen(e, location, secret);
        }
    }

    private static SessionStore open(DataSourcePool pool, io.ebean.config.dbplatform.DatabasePlatform ebeanPlatform,
                                     SqlPlatform platform, StoreLocation location, String secret) {
        Database db;
        try {
            db = Database.builder().name(pool.name()).dataSource(pool).databasePlatform(ebeanPlatform)
                    .defaultDatabase(false).register(false).ddlGenerate(false).ddlRun(false).runMigration(false)
                    .build();
        } catch (RuntimeException e) {
            pool.shutdown();
            throw SqlErrors.translateOpen(e, location, secret);
        }
        try {
            SchemaMigrations.apply(pool, platform, location.display());
            try (Connection c = pool.getConnection()) {
                TableLayout layout = TableLayout.inspect(c, platform).orElseThrow(() -> new StoreUnavailableException(
                        location.display() + " has no sessions table after its schema migration"));
                c.rollback();
                return new SqlSessionStore(db, platform, location, secret, layout);
            }
        } catch (StoreException e) {
            db.shutdown(true, false);
            throw e;
        } catch (SQLException | RuntimeException e) {
            db.shutdown(true, false);
            throw SqlErrors.translateOpen(e, location, secret);
        }
    }
}
