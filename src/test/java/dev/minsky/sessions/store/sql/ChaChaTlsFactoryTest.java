package dev.minsky.sessions.store.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.minsky.sessions.store.PostgresUrl;
import dev.minsky.sessions.store.StoreLocation;
import dev.minsky.sessions.testsupport.TestPostgres;
import io.ebean.datasource.DataSourcePool;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

/**
 * A PostgreSQL store's TLS: ChaCha20-Poly1305 only (AES-GCM has no intrinsics under the client
 * compiler), and the driver's defaults again when a server refuses that handshake. Against the test
 * server; CI's has TLS on (.ci/run), so there the cipher itself is checked.
 */
class ChaChaTlsFactoryTest {
    private static final Path HOME = Path.of("/nonexistent-home");

    /** The server's view of this connection: {@code [ssl on?, cipher]}. */
    private static String[] tlsOf(DataSourcePool pool) throws SQLException {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT ssl, cipher FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
            assertTrue(rs.next());
            String[] tls = {String.valueOf(rs.getBoolean(1)), rs.getString(2)};
            c.rollback();
            return tls;
        }
    }

    /**
     * The server's view of the pool's connection, {@code [ssl on?, cipher]}. CI's server has TLS on
     * (.ci/run), so there a connection without it fails the test instead of leaving nothing checked.
     */
    private static String[] tlsIn(DataSourcePool pool) throws SQLException {
        String[] tls = tlsOf(pool);
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            assertTrue(Boolean.parseBoolean(tls[0]), "CI's PostgreSQL has TLS on, so the connection uses it");
        }
        return tls;
    }

    private static DataSourcePool pool(PostgresUrl url, Map<String, String> tlsProperties) {
        return SqlStores.postgresPool(url, url.password().orElse(null), Map.of(), HOME, true,
                new StoreLocation.Postgres(url.toUrl()), tlsProperties);
    }

    @Test
    void aStoreConnectionOverTlsUsesChaCha20() throws SQLException {
        PostgresUrl url = TestPostgres.newDatabase("tls_chacha");
        DataSourcePool pool = pool(url, Map.of());
        try {
            String[] tls = tlsIn(pool);
            if (Boolean.parseBoolean(tls[0])) {
                assertEquals("TLS_CHACHA20_POLY1305_SHA256", tls[1]);
            } else {
                assertEquals(null, tls[1], "no TLS on this server, so no cipher");
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Suites the server cannot take (ECDSA ones, against its RSA certificate): the defaults are used. */
    @Test
    void aServerThatRefusesTheOfferedSuitesIsConnectedToWithTheDefaults() throws SQLException {
        PostgresUrl url = TestPostgres.newDatabase("tls_refused");
        DataSourcePool pool = pool(url, Map.of(ChaChaTlsFactory.SUITES_PROPERTY,
                "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"));
        try {
            String[] tls = tlsIn(pool);
            if (Boolean.parseBoolean(tls[0])) {
                assertFalse(tls[1].contains("ECDSA"), tls[1]);
                assertNotEquals("TLS_CHACHA20_POLY1305_SHA256", tls[1], "the defaults, not our restriction");
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void theFactoryOffersTheChaChaSuitesTheJdkHasAndNothingElse() throws PSQLException {
        Properties info = new Properties();
        info.setProperty("sslmode", "require");
        String[] offered = new ChaChaTlsFactory(info).offered();
        assertTrue(offered.length > 0);
        for (String suite : offered) {
            assertTrue(ChaChaTlsFactory.CHACHA.contains(suite), suite);
        }
        assertTrue(List.of(offered).contains("TLS_CHACHA20_POLY1305_SHA256"));
    }

    @Test
    void suitesTheJdkDoesNotKnowLeaveTheDefaults() throws PSQLException {
        Properties info = new Properties();
        info.setProperty("sslmode", "require");
        info.setProperty(ChaChaTlsFactory.SUITES_PROPERTY, "TLS_NO_SUCH_SUITE");
        ChaChaTlsFactory factory = new ChaChaTlsFactory(info);
        assertTrue(factory.offered().length > ChaChaTlsFactory.CHACHA.size(), "the JDK's defaults");
    }

    @Test
    void onlyAHandshakeFailureCountsAsARefusal() {
        assertTrue(ChaChaTlsFactory.refusedBy(new RuntimeException("pool", new PSQLException("SSL error", null,
                new SSLHandshakeException("Received fatal alert: handshake_failure")))));
        assertFalse(ChaChaTlsFactory.refusedBy(new RuntimeException("pool", new IOException("Connection refused"))));
        assertFalse(ChaChaTlsFactory.refusedBy(new RuntimeException("password authentication failed")));
    }
}
