package dev.minsky.sessions.connect;

import static dev.minsky.sessions.connect.Checks.assertContains;
import static dev.minsky.sessions.connect.Checks.assertFailsAt;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.minsky.sessions.store.PostgresUrl;
import dev.minsky.sessions.testsupport.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The password is found where libpq looks (URL, PGPASSWORD, ~/.pgpass); the report names the place, never the password. */
class ConnectionPasswordSourceTest {
    @TempDir
    Path home;

    @Test
    void findsThePasswordInPgpassInTheHomeFolder() throws Exception {
        PostgresUrl withPassword = TestPostgres.newDatabase("pw_pgpass");
        String password = withPassword.password().orElseThrow();
        PostgresUrl url = withPassword.withPassword(null);
        Path pgpass = home.resolve(".pgpass");
        Files.writeString(pgpass, "# test\nother-host:*:*:*:not-this-one\n"
                + url.host() + ":" + url.port() + ":*:" + url.user() + ":" + password.replace("\\", "\\\\").replace(":", "\\:") + "\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));

        ConnectionReport report = Checks.run(url, Map.of(), home);

        assertTrue(report.ok(), report::describe);
        assertContains(report.stage(Stage.AUTH).detail(), "(password from " + pgpass + ")");
        assertFalse(report.describe().contains(password));
    }

    @Test
    void findsThePasswordInPgpasswordFromTheEnvironment() {
        PostgresUrl withPassword = TestPostgres.newDatabase("pw_env");
        String password = withPassword.password().orElseThrow();
        PostgresUrl url = withPassword.withPassword(null);

        ConnectionReport report = Checks.run(url, Map.of("PGPASSWORD", password), home);

        assertTrue(report.ok(), report::describe);
        assertContains(report.stage(Stage.AUTH).detail(), "(password from PGPASSWORD)");
        assertFalse(report.describe().contains(password));
    }

    @Test
    void aWrongPgpasswordIsNamedAsTheSourceToCheck() {
        PostgresUrl url = TestPostgres.newDatabase("pw_env_wrong").withPassword(null);

        ConnectionReport report = Checks.run(url, Map.of("PGPASSWORD", "not-the-password"), home);

        StageResult auth = assertFailsAt(report, Stage.AUTH);
        assertContains(auth.fix().orElseThrow(), "the password came from PGPASSWORD");
        assertFalse(report.describe().contains("not-the-password"));
    }

    @Test
    void noPasswordAnywhereFailsAtAuthenticationSayingWhereToPutOne() {
        PostgresUrl url = TestPostgres.newDatabase("pw_none").withPassword(null);

        ConnectionReport report = Checks.run(url, Map.of(), home);

        StageResult auth = assertFailsAt(report, Stage.AUTH);
        assertContains(auth.detail(), "none was found in the URL, PGPASSWORD or ~/.pgpass");
        assertContains(auth.fix().orElseThrow(), ".pgpass");
    }
}
