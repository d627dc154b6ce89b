package dev.minsky.sessions.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.minsky.sessions.store.StoreLocation;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReportFormatTest {
    private static final Path BACKUP = Path.of("/backups/minsky-20261202.backup.json");

    @Test
    void restoreCommandForAFileIsTheFileLocation() {
        assertEquals("minsky-sessions restore '/backups/minsky-20261202.backup.json' --to 'sqlite:/data/sessions.db'",
                ReportFormat.restoreCommand(BACKUP, new StoreLocation.Sqlite(Path.of("/data/sessions.db"))));
    }

    @Test
    void restoreCommandLeavesThePasswordOutRatherThanMaskingItSoItCanBePasted() {
        String command = ReportFormat.restoreCommand(BACKUP,
                new StoreLocation.Postgres("postgresql://alice:s3cret@db.example.com/minsky?sslmode=require"));
        assertEquals("minsky-sessions restore '/backups/minsky-20261202.backup.json' --to "
                + "'postgresql://alice@db.example.com:5432/minsky?sslmode=require'"
                + "   # password: PGPASSWORD or ~/.pgpass, or add it to the URL", command);
        assertFalse(command.contains("s3cret"), command);
        assertFalse(command.contains("****"), "a masked password pasted back would be sent as the password");
    }

    @Test
    void restoreCommandWithoutAPasswordInTheUrlNeedsNoNote() {
        assertEquals("minsky-sessions restore '/backups/minsky-20261202.backup.json' --to "
                        + "'postgresql://alice@db.example.com:5432/minsky'",
                ReportFormat.restoreCommand(BACKUP, new StoreLocation.Postgres("postgresql://alice@db.example.com/minsky")));
    }
}
