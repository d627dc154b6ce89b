package dev.minsky.sessions.connect;

import dev.minsky.sessions.store.PostgresUrl;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * The stages that need a real login, through the same PostgreSQL JDBC driver the app uses, so a
 * check that passes means the app will connect too. Every call is bounded by what is left of the
 * deadline, and the driver's sockets come from {@link CancellableSocketFactory} so a cancel can
 * close them.
 */
final class SqlProbe implements AutoCloseable {
    private final PostgresUrl url;
    private final Optional<String> password;
    private final Path rootCertificate;
    private final Deadline deadline;
    private final Cancellation cancellation;
    private Connection connection;

    SqlProbe(PostgresUrl url, Optional<String> password, Path rootCertificate, Deadline deadline,
             Cancellation cancellation) {
        this.url = url;
        this.password = password;
        this.rootCertificate = rootCertificate;
        this.deadline = deadline;
        this.cancellation = cancellation;
    }

    /** Logs in: authentication and the database's existence are both decided here, by the server. */
    void login(String cancellationToken) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", url.user());
        password.ifPresent(pw -> p.setProperty("password", pw));
        String seconds = Integer.toString(deadline.remainingSecondsRoundedUp());
        p.setProperty("connectTimeout", seconds);
        p.setProperty("socketTimeout", seconds);
        // loginTimeout is the only driver timeout with sub-second precision: it bounds the whole login
        p.setProperty("loginTimeout", String.format(Locale.ROOT, "%.3f", Math.max(1, deadline.remainingMillis()) / 1000.0));
        p.setProperty("socketFactory", CancellableSocketFactory.class.getName());
        p.setProperty(CancellableSocketFactory.TOKEN_PROPERTY, cancellationToken);
        if (TlsTrust.verifies(url.sslMode())) {
            // pgjdbc does not read PGSSLROOTCERT: hand it the file libpq (and the TLS stage) would use
            p.setProperty("sslrootcert", rootCertificate.toString());
        }
        connection = DriverManager.getConnection(jdbcUrl(url), p);
    }

    /** The app's JDBC URL without its own timeouts: here the check's deadline decides (URL values would win). */
    static String jdbcUrl(PostgresUrl url) {
        return url.jdbcUrl().replaceAll("&(connectTimeout|socketTimeout|loginTimeout|socketFactory)=[^&]*", "");
    }

    Outcome database() throws SQLException {
        try (ResultSet rs = query("select current_database(), current_user, pg_encoding_to_char(d.encoding),"
                + " coalesce((select s.ssl from pg_stat_ssl s where s.pid = pg_backend_pid()), false)"
                + " from pg_database d where d.datname = current_database()")) {
            rs.next();
            return Outcome.ok("database '" + rs.getString(1) + "' exists (" + rs.getString(3) + "), logged in as '"
                    + rs.getString(2) + "' " + (rs.getBoolean(4) ? "over TLS" : "without TLS"));
        }
    }

    /**
     * Is there a {@code sessions} table where the app will look (the search path, as an unqualified
     * name resolves), and which of the app's schema migrations has run. A missing table is only a
     * warning: the app creates it on first open, if the user may create tables.
     */
    Outcome schema() throws SQLException {
        String schema;
        String tableSchema;
        int columns;
        boolean migrations;
        boolean mayCreate;
        try (ResultSet rs = query("select current_schema(),"
                + " (select n.nspname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                + "   where c.oid = to_regclass('sessions')),"
                + " (select count(*) from pg_attribute where attrelid = to_regclass('sessions')"
                + "   and attnum > 0 and not attisdropped),"
                + " to_regclass('db_migration') is not null,"
                + " coalesce(has_schema_privilege(current_schema(), 'CREATE'), false)")) {
            rs.next();
            schema = rs.getString(1);
            tableSchema = rs.getString(2);
            columns = rs.getInt(3);
            migrations = rs.getBoolean(4);
            mayCreate = rs.getBoolean(5);
        }
        String version = migrations ? migrationVersion() : "no migrations table (created by Minsky or empty)";
        if (tableSchema == null) {
            String where = schema == null ? "the search path (no current schema)" : "schema " + schema;
            String fix = mayCreate ? "nothing to do: the app creates the table when it first opens this database"
                    : "the app must create the table, but user '" + url.user() + "' may not create tables in "
                    + where + ": ask for GRANT CREATE ON SCHEMA " + (schema == null ? "public" : schema)
                    + " TO " + url.user();
            return Outcome.warning("no sessions table in " + where + " yet; " + version, fix);
        }
        return Outcome.ok("table " + tableSchema + ".sessions (" + columns + " columns); " + version);
    }

    /** The highest version recorded by ebean-migration, compared as numbers ("1.10" is after "1.9"). */
    private String migrationVersion() throws SQLException {
        List<String> versions = new ArrayList<>();
        try (ResultSet rs = query("select mversion from db_migration")) {
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
        }
        return SchemaVersions.highest(versions).map(v -> "schema version " + v + " (db_migration)")
                .orElse("db_migration table records no version");
    }

    /** Server version, and the latency of a trivial query (best of three, so one hiccup does not count). */
    Outcome roundTrip() throws SQLException {
        String version;
        try (ResultSet rs = query("select version()")) {
            rs.next();
            version = rs.getString(1);
        }
        int on = version.indexOf(" on ");
        String shortVersion = on > 0 ? version.substring(0, on) : version;
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            try (ResultSet rs = query("select 1")) {
                rs.next();
            }
            best = Math.min(best, System.nanoTime() - start);
        }
        return Outcome.ok(String.format(Locale.ROOT, "%s, query round trip %.1f ms", shortVersion, best / 1e6));
    }

    private ResultSet query(String sql) throws SQLException {
        connection.setNetworkTimeout(Runnable::run, timeLeft());
        Statement st = connection.createStatement();
        st.closeOnCompletion();
        return st.executeQuery(sql);
    }

    private int timeLeft() throws SQLTimeoutException {
        long left = deadline.remainingMillis();
        if (left <= 0) {
            throw new SQLTimeoutException("no time left");
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // the check is over; the cancellation closes the socket if the driver could not
            }
        }
    }
}
