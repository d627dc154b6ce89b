package dev.minsky.sessions.gui.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.minsky.sessions.gui.common.ViewLoader;
import dev.minsky.sessions.migrate.MigrationOptions;
import dev.minsky.sessions.migrate.MigrationReport;
import dev.minsky.sessions.migrate.Verification;
import dev.minsky.sessions.store.StoreLocation;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The verification page's model shows what the report says about how the records were compared. */
class VerificationModelTest {
    private static MigrationReport reportWith(String note) {
        Verification v = new Verification(3, 3, 0, 0, 0, List.of(), "ab", "ab", true, Duration.ofMillis(5), note);
        return new MigrationReport(new StoreLocation.Sqlite(Path.of("/tmp/a.db")), new StoreLocation.Sqlite(Path.of("/tmp/b.db")),
                MigrationOptions.defaults(), Instant.now(), null, null, null, null, v, null, false, Map.of());
    }

    @Test
    void aVerificationNoteIsShownAndNothingWhenThereIsNone() {
        VerificationModel model = new VerificationModel(new Texts(ViewLoader.texts()));
        model.show(reportWith("the copy could not keep what it read in a temporary file (/nonexistent: no such folder),"
                + " so the source was read again: a record changed in the source since the copy counts as different"));
        assertEquals("Note: the copy could not keep what it read in a temporary file (/nonexistent: no such folder),"
                + " so the source was read again: a record changed in the source since the copy counts as different.",
                model.noteProperty().get());

        model.show(reportWith(null));
        assertEquals("", model.noteProperty().get());
        model.show(null);
        assertEquals("", model.noteProperty().get());
    }
}
