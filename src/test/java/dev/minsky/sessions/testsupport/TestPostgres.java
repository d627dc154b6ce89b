package dev.minsky.sessions.testsupport;

import dev.minsky.sessions.store.PostgresUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for tests: the one named by {@code MINSKY_TEST_POSTGRES_URL} (CI sets it
 * to the machine's PostgreSQL 15, password-protected, SSL on), otherwise an embedded server started
 * once per test JVM. Tests never skip for want of a server; in CI a missing variable is an error.
 * Each caller gets a fresh database of its own, dropped when the JVM exits.
 */
public final class TestPostgres {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final List<String> CREATED = new ArrayList<>();
    private static PostgresUrl server;
    private static EmbeddedPostgres embedded;

    private TestPostgres() {
    }

    /** The server's own URL (its maintenance database), with the password. */
    public static synchronized PostgresUrl server() {
        if (server == null) {
            String url = System.getenv("MINSKY_TEST_POSTGRES_URL");
            if (url != null && !url.isBlank()) {
                server = PostgresUrl.parse(url.trim());
            } else if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI must set MINSKY_TEST_POSTGRES_URL (see .ci/run)");
            } else {
                server = startEmbedded();
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::dropAll, "drop-test-databases"));
        }
        return server;
    }

    /**
     * Starts an embedded server that, like CI's, asks every role but the bootstrap superuser for a
     * password (scram-sha-256), and returns the URL of a password-protected role with CREATEDB.
     */
    private static PostgresUrl startEmbedded() {
        try {
            Path hba = Files.createTempFile("minsky-test-pg_hba", ".conf");
            Files.writeString(hba, "local all all trust\n"
                    + "host all postgres 127.0.0.1/32 trust\n"
                    + "host all all 127.0.0.1/32 scram-sha-256\n"
                    + "host all all ::1/128 scram-sha-256\n");
            embedded = EmbeddedPostgres.builder().setServerConfig("hba_file", hba.toString())
                    .setServerConfig("password_encryption", "scram-sha-256").start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL for tests", e);
        }
        String password = "pw-" + Long.toHexString(new java.security.SecureRandom().nextLong());
        PostgresUrl admin = PostgresUrl.parse("postgresql://postgres@127.0.0.1:" + embedded.getPort()
                + "/postgres?sslmode=disable");
        execute(admin, "CREATE ROLE minsky_test LOGIN CREATEDB PASSWORD '" + password + "'",
                "CREATE DATABASE minsky_test OWNER minsky_test");
        return PostgresUrl.parse("postgresql://minsky_test@127.0.0.1:" + embedded.getPort()
                + "/minsky_test?sslmode=disable").withPassword(password);
    }

    /** Whether the server is the external one (CI's real cluster, with SSL and passwords). */
    public static boolean isExternal() {
        server();
        return embedded == null;
    }

    /** A new, empty database on the server; the URL carries the password. */
    public static PostgresUrl newDatabase(String purpose) {
        PostgresUrl s = server();
        String name = ("t_" + purpose + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet())
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        execute(s, "CREATE DATABASE " + name);
        synchronized (CREATED) {
            CREATED.add(name);
        }
        return s.withDatabase(name);
    }

    /** Runs SQL statements on the database of {@code url}. */
    public static void execute(PostgresUrl url, String... sql) {
        try (Connection c = connect(url); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("test SQL failed on " + url.display() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads a pg_dump file (as Minsky's fixtures are) the way {@code psql -f} would, minus psql's
     * own meta-commands and the ownership statements for Minsky's role, which does not exist here.
     */
    public static void loadDump(PostgresUrl url, String resource) {
        String text;
        try (java.io.InputStream in = TestPostgres.class.getResourceAsStream("/" + resource)) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("cannot read test resource " + resource, e);
        }
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.startsWith("\\") || line.startsWith("--") || (current.length() == 0 && line.isBlank())) {
                continue;
            }
            current.append(line).append('\n');
            if (line.endsWith(";")) {
                String sql = current.toString().trim();
                current.setLength(0);
                if (!sql.contains(" OWNER TO ") && !sql.startsWith("SELECT pg_catalog.set_config('search_path'")) {
                    statements.add(sql.substring(0, sql.length() - 1));
                }
            }
        }
        execute(url, statements.toArray(new String[0]));
    }

    public static Connection connect(PostgresUrl url) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", url.user());
        url.password().ifPresent(pw -> p.setProperty("password", pw));
        return DriverManager.getConnection(url.jdbcUrl(), p);
    }

    private static void dropAll() {
        List<String> names;
        synchronized (CREATED) {
            names = List.copyOf(CREATED);
        }
        try (Connection c = connect(server); Statement st = c.createStatement()) {
            for (String name : names) {
                try {
                    st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                } catch (SQLException e) {
                    // best effort at exit
                }
            }
        } catch (SQLException e) {
            // the server may be gone already
        }
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                // exiting anyway
            }
        }
    }
}
