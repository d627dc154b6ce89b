package dev.minsky.sessions.store.sql;

import dev.minsky.sessions.store.PostgresUrl;
import dev.minsky.sessions.store.SessionStore;
import dev.minsky.sessions.store.StoreException;
import dev.minsky.sessions.store.StoreLocation;
import dev.minsky.sessions.store.StoreUnavailableException;
import dev.minsky.sessions.store.SystemCrypto;
import io.ebean.Database;
import io.ebean.config.ClassLoadConfig;
import io.ebean.datasource.DataSourceBuilder;
import io.ebean.datasource.DataSourcePool;
import io.ebean.platform.postgres.PostgresPlatform;
import io.ebean.platform.sqlite.SQLitePlatform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /**
     * How much of a SQLite file a read-only store reads through memory it maps ({@code PRAGMA mmap_size}) instead of
     * a {@code pread} per page. A migration streams its source in name order, so the table's pages are met at random
     * and re-read once they leave SQLite's small page cache: 53,000 reads for a 36 MB file of 100,000 records, whose
     * system calls were a sixth of the reading thread's CPU. Mapped (13 reads left), the copy of 100,000 records to
     * PostgreSQL took 4 % less time and the run 2 % (docs/benchmarks.md).
     * The mapped pages the run touched count in its resident memory; 64 MiB bounds that. A larger file is mapped that
     * far and read as before past it.
     */
    private static final long READ_ONLY_MMAP_BYTES = 64L << 20;

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
        return open(pool, new SQLitePlatform(), SqlPlatform.SQLITE, location, null, abs.getFileName().toString());
    }

    /**
     * Opens a SQLite file for reading only, creating nothing: a missing file (or folder) is an
     * empty store and stays missing; a file without a sessions table is an empty store and gets
     * no table and no schema migration. The connection is opened read-only. Reading a WAL-mode
     * file read-only makes SQLite create its {@code -wal} and {@code -shm} files and leave them
     * (a read-only connection cannot checkpoint); those it made are removed again on close.
     *
     * @throws StoreUnavailableException if the file is not a SQLite database or cannot be read
     */
    public static SessionStore openSqliteReadOnly(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        StoreLocation location = new StoreLocation.Sqlite(abs);
        String name = abs.getFileName().toString();
        if (Files.isDirectory(abs)) {
            throw new StoreUnavailableException(abs + " is a folder, not a SQLite file");
        }
        if (!Files.exists(abs)) {
            return new SqlSessionStore(null, SqlPlatform.SQLITE, location, null, null,
                    TableLayout.asMigrated(SqlPlatform.SQLITE, Optional.empty()), false, name, null);
        }
        List<Path> sideFiles = List.of(abs.resolveSibling(name + "-wal"), abs.resolveSibling(name + "-shm"));
        List<Path> newSideFiles = sideFiles.stream().filter(p -> !Files.exists(p)).toList();
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true); // never SQLITE_OPEN_CREATE, never a write
        DataSourcePool pool = pool(DataSourceBuilder.create()
                .url("jdbc:sqlite:" + abs).driver("org.sqlite.JDBC").username("").password("")
                .minConnections(1).maxConnections(1)
                .customProperties(Map.of("open_mode", readOnly.toProperties().getProperty("open_mode"),
                        "busy_timeout", "10000", "mmap_size", Long.toString(READ_ONLY_MMAP_BYTES))),
                location, null);
        return openReadOnly(pool, new SQLitePlatform(), SqlPlatform.SQLITE, location, null, name,
                () -> removeSideFiles(abs, newSideFiles));
    }

    /**
     * Opens a PostgreSQL database for reading only: read-only connections, no schema migration,
     * no table created; a database without a sessions table is an empty store.
     */
    public static SessionStore openPostgresReadOnly(PostgresUrl url, Map<String, String> env, Path home) {
        StoreLocation location = new StoreLocation.Postgres(url.toUrl());
        String password = url.resolvePassword(env, home).orElse(null);
        DataSourcePool pool = postgresPool(url, password, env, home, true, location, Map.of());
        return openReadOnly(pool, new PostgresPlatform(), SqlPlatform.POSTGRES, location, password, url.database(), null);
    }

    /** Opens a PostgreSQL database; the password comes from the URL, {@code PGPASSWORD} or the password file. */
    public static SessionStore openPostgres(PostgresUrl url, Map<String, String> env, Path home) {
        StoreLocation location = new StoreLocation.Postgres(url.toUrl());
        String password = url.resolvePassword(env, home).orElse(null);
        DataSourcePool pool = postgresPool(url, password, env, home, false, location, Map.of());
        return open(pool, new PostgresPlatform(), SqlPlatform.POSTGRES, location, password, url.database());
    }

    /**
     * The pool of a PostgreSQL store, its first connection open. Over TLS it offers ChaCha20-Poly1305
     * only ({@link ChaChaTlsFactory}); a server that refuses that handshake gets a second attempt
     * with the driver's default suites, whose failure, if any, is the one reported.
     *
     * @param tlsProperties driver properties added to the first attempt (tests name other suites)
     */
    static DataSourcePool postgresPool(PostgresUrl url, String password, Map<String, String> env, Path home,
                                       boolean readOnly, StoreLocation location, Map<String, String> tlsProperties) {
        if (!url.sslMode().equals("disable")) {
            SystemCrypto.install();
            Map<String, String> chacha = new LinkedHashMap<>(tlsProperties);
            chacha.put(ChaChaTlsFactory.FACTORY_PROPERTY, ChaChaTlsFactory.class.getName());
            try {
                return build(postgresBuilder(url, password, env, home, chacha).readOnly(readOnly));
            } catch (RuntimeException e) {
                if (!ChaChaTlsFactory.refusedBy(e)) {
                    throw SqlErrors.translateOpen(e, location, password);
                }
            }
        }
        return pool(postgresBuilder(url, password, env, home, Map.of()).readOnly(readOnly), location, password);
    }

    private static DataSourceBuilder postgresBuilder(PostgresUrl url, String password, Map<String, String> env,
                                                     Path home, Map<String, String> tlsProperties) {
        int timeoutMillis = url.connectTimeoutSeconds() * 1000;
        Map<String, String> properties = driverProperties(url, env, home);
        properties.putAll(tlsProperties);
        return DataSourceBuilder.create()
                .url(url.jdbcUrl()).driver("org.postgresql.Driver").username(url.user())
                .password(password == null ? "" : password)
                .minConnections(1).maxConnections(POSTGRES_MAX_CONNECTIONS)
                .waitTimeoutMillis(Math.max(1000, timeoutMillis)).heartbeatTimeoutSeconds(url.connectTimeoutSeconds())
                .applicationName("minsky-sessions")
                .customProperties(properties);
    }

    /**
     * The driver's connection properties: a batch goes as multi-row INSERTs, not one statement per
     * row; and under sslmode=verify-ca or verify-full, the root certificate file libpq and
     * {@code test-connection} use ({@link PostgresUrl#rootCertificate}), which the driver would
     * otherwise look for under Java's {@code user.home}, ignoring {@code PGSSLROOTCERT} and {@code $HOME}.
     */
    static Map<String, String> driverProperties(PostgresUrl url, Map<String, String> env, Path home) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("reWriteBatchedInserts", "true");
        if (url.verifiesCertificate()) {
            properties.put("sslrootcert", url.rootCertificate(env, home).toString());
        }
        return properties;
    }

    private static DataSourcePool pool(DataSourceBuilder builder, StoreLocation location, String secret) {
        try {
            return build(builder);
        } catch (RuntimeException e) {
            throw SqlErrors.translateOpen(e, location, secret);
        }
    }

    /** The pool, its first connection open (an unreachable or refusing database fails here). */
    private static DataSourcePool build(DataSourceBuilder builder) {
        return builder.name("minsky-" + COUNTER.incrementAndGet()).failOnStart(true).autoCommit(false).build();
    }

    private static SessionStore open(DataSourcePool pool, io.ebean.config.dbplatform.DatabasePlatform ebeanPlatform,
                                     SqlPlatform platform, StoreLocation location, String secret, String name) {
        Database db = database(pool, ebeanPlatform, location, secret);
        try {
            SchemaMigrations.apply(pool, platform, location.display());
            try (Connection c = pool.getConnection()) {
                TableLayout layout = TableLayout.inspect(c, platform).orElseThrow(() -> new StoreUnavailableException(
                        location.display() + " has no sessions table after its schema migration"));
                c.rollback();
                return new SqlSessionStore(db, platform, location, secret, layout, layout, true, name, null);
            }
        } catch (StoreException e) {
            db.shutdown(true, false);
            throw e;
        } catch (SQLException | RuntimeException e) {
            db.shutdown(true, false);
            throw SqlErrors.translateOpen(e, location, secret);
        }
    }

    /** As {@link #open} minus every change: refuses what it must not read, inspects, migrates nothing. */
    private static SessionStore openReadOnly(DataSourcePool pool, io.ebean.config.dbplatform.DatabasePlatform ebeanPlatform,
                                             SqlPlatform platform, StoreLocation location, String secret, String name,
                                             Runnable afterClose) {
        Database db = database(pool, ebeanPlatform, location, secret);
        try (Connection c = pool.getConnection()) {
            SchemaMigrations.refuseUnknown(c, platform, location.display());
            Optional<TableLayout> layout = TableLayout.inspect(c, platform);
            c.rollback();
            return new SqlSessionStore(db, platform, location, secret, layout.orElse(null),
                    TableLayout.asMigrated(platform, layout), false, name, afterClose);
        } catch (StoreException e) {
            shutdown(db, afterClose);
            throw e;
        } catch (SQLException | RuntimeException e) {
            shutdown(db, afterClose);
            throw SqlErrors.translateOpen(e, location, secret);
        }
    }

    /**
     * The store has no entity beans (its rows are read and written with JDBC inside Ebean's transactions), so Ebean
     * is told not to search the class path for them, and not to load and make the Jackson {@code ObjectMapper} it
     * keeps for JSON-typed bean properties (it makes one whenever Jackson's data binding is on the class path, as it
     * is for the settings files): about 25 and 40 ms of every store's opening; `list` on SQLite 492 -> 450 ms.
     */
    private static final ClassLoadConfig NO_OBJECT_MAPPER = new ClassLoadConfig() {
        @Override
        public boolean isJacksonObjectMapperPresent() {
            return false;
        }
    };

    private static Database database(DataSourcePool pool, io.ebean.config.dbplatform.DatabasePlatform ebeanPlatform,
                                     StoreLocation location, String secret) {
        try {
            return Database.builder().name(pool.name()).dataSource(pool).databasePlatform(ebeanPlatform)
                    .defaultDatabase(false).register(false).ddlGenerate(false).ddlRun(false).runMigration(false)
                    .disableClasspathSearch(true).classLoadConfig(NO_OBJECT_MAPPER)
                    .build();
        } catch (RuntimeException e) {
            pool.shutdown();
            throw SqlErrors.translateOpen(e, location, secret);
        }
    }

    private static void shutdown(Database db, Runnable afterClose) {
        db.shutdown(true, false);
        if (afterClose != null) {
            afterClose.run();
        }
    }

    /**
     * Lets SQLite remove the {@code -wal}/{@code -shm} files a read-only connection made: one
     * connection that may write (but is told to change nothing, and cannot create the database)
     * reads the schema and closes; if it is the last connection, SQLite checkpoints the (empty) WAL
     * and deletes both, as it does for any last connection. If another program has the file open,
     * SQLite leaves them to it. Best effort: the data is never at stake.
     */
    private static void removeSideFiles(Path db, List<Path> madeByUs) {
        if (madeByUs.stream().noneMatch(Files::exists)) {
            return;
        }
        SQLiteConfig cleanup = new SQLiteConfig();
        cleanup.resetOpenMode(SQLiteOpenMode.CREATE);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db, cleanup.toProperties());
             Statement st = c.createStatement()) {
            st.execute("PRAGMA query_only = 1");
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master")) {
                rs.next();
            }
        } catch (SQLException e) {
            // the files stay; SQLite removes them with its next writer
        }
    }
}
