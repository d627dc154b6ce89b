package dev.minsky.sessions.store.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.minsky.sessions.store.PostgresUrl;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL driver's connection properties. Under verify-ca and verify-full the store checks the
 * server's certificate against the file libpq and test-connection use, not the driver's own default
 * under Java's user.home (which ignores $HOME and PGSSLROOTCERT).
 */
class SqlStoresTest {
    private static final Path HOME = Path.of("/home/alice");

    private static Map<String, String> properties(String url, Map<String, String> env) {
        return SqlStores.driverProperties(PostgresUrl.parse(url), env, HOME);
    }

    @Test
    void withoutVerificationOnlyTheBatchRewriteIsSet() {
        for (String mode : new String[] {"disable", "allow", "prefer", "require"}) {
            assertEquals(Map.of("reWriteBatchedInserts", "true"),
                    properties("postgresql://alice@db/minsky?sslmode=" + mode, Map.of("PGSSLROOTCERT", "/ca.pem")), mode);
        }
    }

    @Test
    void verifyingLooksForTheRootCertificateUnderTheHomeFolder() {
        assertEquals(Map.of("reWriteBatchedInserts", "true", "sslrootcert", "/home/alice/.postgresql/root.crt"),
                properties("postgresql://alice@db/minsky?sslmode=verify-ca", Map.of()));
        assertEquals("/home/alice/.postgresql/root.crt",
                properties("postgresql://alice@db/minsky?sslmode=verify-full", Map.of()).get("sslrootcert"));
    }

    @Test
    void pgsslrootcertComesBeforeTheHomeFolderAndTheUrlBeforeBoth() {
        assertEquals("/etc/ca.pem", properties("postgresql://alice@db/minsky?sslmode=verify-full",
                Map.of("PGSSLROOTCERT", "/etc/ca.pem")).get("sslrootcert"));
        assertEquals("/srv/team-ca.pem", properties("postgresql://alice@db/minsky?sslmode=verify-full"
                + "&sslrootcert=/srv/team-ca.pem", Map.of("PGSSLROOTCERT", "/etc/ca.pem")).get("sslrootcert"));
    }
}
