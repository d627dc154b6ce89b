package dev.minsky.sessions.store.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.minsky.sessions.store.StoreLocation;
import java.net.UnknownHostException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/** The one-line errors of a store that does not open say what to do, not only what the driver said. */
class SqlErrorsTest {
    private static final StoreLocation PG = new StoreLocation.Postgres("postgresql://alice@db.example.com/minsky");

    private static String open(Throwable e, StoreLocation where, String secret) {
        return SqlErrors.translateOpen(e, where, secret).getMessage();
    }

    @Test
    void noPasswordSaysWhereOneIsLookedFor() {
        String m = open(new PSQLException("The server requested SCRAM-based authentication, but the password is an "
                + "empty string.", PSQLState.CONNECTION_REJECTED), PG, null);
        assertEquals("cannot open postgresql://alice@db.example.com/minsky: The server requested SCRAM-based "
                + "authentication, but the password is an empty string. The server asks for a password and none was "
                + "found: put it in the URL, set PGPASSWORD, or add it to ~/.pgpass", m);
    }

    @Test
    void aWrongPasswordPointsToTheStagedCheck() {
        String m = open(new PSQLException("FATAL: password authentication failed for user \"alice\"",
                PSQLState.INVALID_PASSWORD), PG, "s3cret");
        assertEquals("cannot open postgresql://alice@db.example.com/minsky: FATAL: password authentication failed for "
                + "user \"alice\". Check the user name and the password; 'minsky-sessions test-connection' (or Test "
                + "connection in the settings) checks each stage", m);
        assertFalse(m.contains("s3cret"));
    }

    @Test
    void theMaskPastedBackAsAPasswordIsNamed() {
        String m = open(new PSQLException("FATAL: password authentication failed for user \"alice\"",
                PSQLState.INVALID_PASSWORD), new StoreLocation.Postgres("postgresql://alice:****@db/minsky"), "****");
        assertEquals("cannot open postgresql://alice:****@db/minsky: FATAL: password authentication failed for user "
                + "\"alice\". The password given is ****, the mask this app prints in place of a password: give the "
                + "real one (in the URL, PGPASSWORD or ~/.pgpass)", m);
    }

    @Test
    void anUnknownHostIsNamedAsSuch() {
        PSQLException e = new PSQLException("The connection attempt failed.", PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                new UnknownHostException("db.example.com"));
        assertEquals("cannot open postgresql://alice@db.example.com/minsky: The connection attempt failed. The host "
                + "name does not resolve: check it for a typo, or whether a VPN or DNS entry is needed; "
                + "'minsky-sessions test-connection' (or Test connection in the settings) checks each stage",
                open(e, PG, null));
    }

    @Test
    void aMissingRootCertificateSaysWhatVerifyingNeeds() {
        PSQLException e = new PSQLException("Could not open SSL root certificate file /home/alice/.postgresql/root.crt.",
                PSQLState.CONNECTION_FAILURE, new java.io.FileNotFoundException("/home/alice/.postgresql/root.crt"));
        assertEquals("cannot open postgresql://alice@db.example.com/minsky: Could not open SSL root certificate file "
                + "/home/alice/.postgresql/root.crt. sslmode=verify-ca and verify-full need that file, with the CA "
                + "certificate that signed the server's certificate (or PGSSLROOTCERT or sslrootcert naming one); "
                + "sslmode=require encrypts without verifying; 'minsky-sessions test-connection' (or Test connection "
                + "in the settings) checks each stage", open(e, PG, null));
    }

    @Test
    void aJsonFileOpenedAsSqliteSuggestsJson() {
        String m = open(new java.sql.SQLException("[SQLITE_NOTADB] File opened that is not a database file (file is "
                + "not a database)"), new StoreLocation.Sqlite(Path.of("/data/session-db.json")), null);
        assertEquals("cannot open sqlite:/data/session-db.json: [SQLITE_NOTADB] File opened that is not a database "
                + "file (file is not a database). If it is a JSON session file, open it as JSON (json:PATH)", m);
    }
}
